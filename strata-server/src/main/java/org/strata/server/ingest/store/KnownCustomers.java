package org.strata.server.ingest.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer each order reference names, looked up in memory during one bulk load of orders: the stored identifiers
 * of each kind and namespace the orders use are read once, when the first order using them is met, into an
 * {@link IdentifierDirectory}. A reference finds exactly the identifier that {@link CustomerReference#JOIN} would.
 * <p>
 * The heap is bounded: past {@code identifiersAtMost} identifiers in all, a kind and namespace is not held but
 * {@linkplain #unresolved() left to SQL}; its orders are written without a customer and linked afterwards by a join.
 * The identifiers are those committed when first read, as in the join, which reads them once per statement.
 */
final class KnownCustomers {

    private static final String IDENTIFIERS = "SELECT id_value, customer_id, origin_customer_id"
            + " FROM customer_identifiers WHERE kind = ? AND namespace = ?";

    /** Rows fetched per round trip: the driver would otherwise hold the whole result at once. */
    private static final int FETCH = 20_000;

    private final JdbcTemplate jdbc;
    private final long identifiersAtMost;
    private final Map<CustomerReference, IdentifierDirectory> directories = new HashMap<>();
    private final List<CustomerReference> unresolved = new ArrayList<>();
    private long held;
    /** The directory of the last reference looked up: the orders of a file mostly name their customers alike. */
    private String lastKind;
    private String lastNamespace;
    private IdentifierDirectory lastDirectory;
    /**
     * The last value looked up in it and what was found: a file's orders mostly come customer by customer, and the
     * directory is too large for the processor's caches, so a repeated value costs no lookup.
     */
    private String lastValue;
    private Found lastFound;

    KnownCustomers(JdbcTemplate jdbc, long identifiersAtMost) {
        this.jdbc = jdbc;
        this.identifiersAtMost = identifiersAtMost;
    }

    /**
     * Whether the reference can be {@linkplain #find found} without reading anything: its kind and namespace were
     * {@linkplain #prepare prepared}, or it names no customer.
     */
    boolean prepared(CustomerReference reference) {
        if (reference.kind() == null || lastDirectory != null && reference.kind().equals(lastKind)
                && reference.namespace().equals(lastNamespace)) {
            return true;
        }
        CustomerReference directoryKey = new CustomerReference(null, reference.kind(), reference.namespace());
        return directories.containsKey(directoryKey) || unresolved.contains(directoryKey);
    }

    /**
     * Reads the identifiers of the reference's kind and namespace unless they were read already. Call before the
     * rows that need them are copied, with no COPY open: the connection cannot query in the middle of a COPY.
     */
    void prepare(CustomerReference reference) {
        if (prepared(reference)) {
            return;
        }
        CustomerReference directoryKey = new CustomerReference(null, reference.kind(), reference.namespace());
        IdentifierDirectory directory = new IdentifierDirectory();
        try {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(IDENTIFIERS);
                statement.setFetchSize(FETCH);
                statement.setString(1, reference.kind());
                statement.setString(2, reference.namespace());
                return statement;
            }, (RowCallbackHandler) rs -> {
                if (held + directory.size() >= identifiersAtMost) {
                    throw new TooManyIdentifiers();
                }
                directory.add(rs.getString(1), rs.getLong(2), rs.getLong(3));
            });
            directories.put(directoryKey, directory);
            held += directory.size();
            lastKind = null;
            lastDirectory = null;
        } catch (TooManyIdentifiers e) {
            unresolved.add(directoryKey);
        }
    }

    /**
     * The entry of the identifier the reference names in its {@link #prepare prepared} directory, or
     * {@link IdentifierDirectory#NOT_FOUND} when no customer has that key or its kind is left to SQL.
     */
    Found find(CustomerReference reference) {
        if (reference.kind() == null) {
            return Found.NONE;
        }
        if (!reference.kind().equals(lastKind) || !reference.namespace().equals(lastNamespace)) {
            lastKind = reference.kind();
            lastNamespace = reference.namespace();
            lastDirectory = directories.get(new CustomerReference(null, lastKind, lastNamespace));
            lastValue = null;
        }
        if (reference.value().equals(lastValue)) {
            return lastFound;
        }
        IdentifierDirectory directory = lastDirectory;
        int entry = directory == null ? IdentifierDirectory.NOT_FOUND : directory.find(reference.value());
        lastValue = reference.value();
        lastFound = entry == IdentifierDirectory.NOT_FOUND ? Found.NONE
                : new Found(directory.customer(entry), directory.origin(entry));
        return lastFound;
    }

    /** The kinds and namespaces (value null) whose orders were written without looking their customer up. */
    List<CustomerReference> unresolved() {
        return unresolved;
    }

    /** The customer and origin customer of a reference; both null when none was found. */
    record Found(Long customer, Long origin) {
        static final Found NONE = new Found(null, null);
    }

    private static final class TooManyIdentifiers extends RuntimeException {
        TooManyIdentifiers() {
            super(null, null, false, false);
        }
    }
}
