package org.strata.server.identity;

import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.ingest.IdentityKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BatchWriter;
import org.strata.server.ingest.ColumnLimits;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportError;
import org.strata.server.ingest.RowError;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.WriteCounts;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stores a batch of customer records and resolves their identities.
 * <ol>
 *   <li>Each record is its own customer row, found again by its (source, external id) identifier; a record without
 *       an external id updates the customer its phone, email or other identifier already belongs to.</li>
 *   <li>All keys of the batch are looked up with one query per key kind. Records sharing a key with an existing
 *       customer or with each other are joined into groups, transitively; within a group the oldest customer
 *       survives and every other one is merged into it (recorded in identity_merges with the key that linked it).</li>
 *   <li>Keys not known yet are stored for the group's survivor with the record as their origin, and orders and events
 *       that were waiting for such a key get their customer.</li>
 * </ol>
 */
@Component
class CustomerResolver implements BatchWriter<CustomerRecord> {

    /**
     * The columns of customers an import writes, with their types, in the order of {@link #values}: one list for the
     * batch path's inserts and a first bulk load's copy ({@link IntoEmptyCustomers}), so that a column added here
     * reaches both.
     */
    static final List<String> COLUMN_DEFINITIONS = List.of("external_id VARCHAR(128)", "name VARCHAR(300)",
            "type VARCHAR(16)", "phone VARCHAR(32)", "email VARCHAR(320)", "owner_id BIGINT", "team_id BIGINT",
            "industry VARCHAR(100)", "region VARCHAR(100)", "source VARCHAR(64)",
            "created_at TIMESTAMP WITH TIME ZONE", "attributes VARCHAR(100000)");
    private static final List<String> COLUMNS = SqlDialect.columnNames(COLUMN_DEFINITIONS);
    /** Where {@link #values} puts the creation time, null when the record has none (the time of the insert then). */
    static final int CREATED_AT = COLUMNS.indexOf("created_at");

    // A record without an external id (known only by phone or email) must not erase the id the customer has.
    private static final String UPDATE = "UPDATE customers SET external_id = COALESCE(?, external_id), name = ?,"
            + " type = ?, phone = ?, email = ?, owner_id = ?, team_id = ?, industry = ?, region = ?, source = ?,"
            + " created_at = COALESCE(?, created_at), attributes = ?, updated_at = CURRENT_TIMESTAMP"
            + " WHERE id = ? AND (COALESCE(?, external_id) IS DISTINCT FROM external_id OR name IS DISTINCT FROM ?"
            + " OR type IS DISTINCT FROM ? OR phone IS DISTINCT FROM ? OR email IS DISTINCT FROM ?"
            + " OR owner_id IS DISTINCT FROM ? OR team_id IS DISTINCT FROM ? OR industry IS DISTINCT FROM ?"
            + " OR region IS DISTINCT FROM ? OR source IS DISTINCT FROM ? OR created_at <> COALESCE(?, created_at)"
            + " OR attributes IS DISTINCT FROM ?)";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final IdentifierStore identifiers;
    private final MergeLedger ledger;
    private final OwnerDirectory owners;
    private final PendingLinks pendingLinks;
    private final CustomerStatsRefresher figures;

    CustomerResolver(JdbcTemplate jdbc, SqlDialect dialect, IdentifierStore identifiers, MergeLedger ledger,
                     OwnerDirectory owners, PendingLinks pendingLinks, CustomerStatsRefresher figures) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.identifiers = identifiers;
        this.ledger = ledger;
        this.owners = owners;
        this.pendingLinks = pendingLinks;
        this.figures = figures;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public String key(CustomerRecord customer) {
        return ownKey(customer).toString();
    }

    @Override
    public Map<String, Long> idsOf(List<CustomerRecord> customers) {
        Map<IdentityKey, KeyOwner> owners = identifiers.owners(customers.stream().map(c -> keysOf(c).get(0)).toList());
        Map<String, Long> ids = new HashMap<>();
        for (CustomerRecord customer : customers) {
            KeyOwner owner = owners.get(keysOf(customer).get(0));
            if (owner != null) {
                ids.put(key(customer), owner.customerId());
            }
        }
        return ids;
    }

    @Override
    public List<RowError> check(CustomerRecord c, long line) {
        List<RowError> errors = new ArrayList<>(0);
        if (ownKey(c) == null) {
            errors.add(new RowError(line, 0, "external_id", null, ImportError.CUSTOMER_NEEDS_KEY.with()));
        }
        if (c.type() != null && !c.type().equals("person") && !c.type().equals("company")) {
            errors.add(new RowError(line, 0, "type", c.type(), ImportError.NOT_PERSON_OR_COMPANY.with()));
        }
        ColumnLimits.check(errors, line, "source", c.source(), 64);
        ColumnLimits.check(errors, line, "external_id", c.externalId(), 128);
        ColumnLimits.check(errors, line, "name", c.name(), 300);
        ColumnLimits.check(errors, line, "phone", c.phone(), 32);
        ColumnLimits.check(errors, line, "email", c.email(), 320);
        ColumnLimits.check(errors, line, "owner", c.owner(), 100);
        ColumnLimits.check(errors, line, "team", c.team(), 64);
        ColumnLimits.check(errors, line, "industry", c.industry(), 100);
        ColumnLimits.check(errors, line, "region", c.region(), 100);
        if (c.identifiers() != null) {
            c.identifiers().forEach((kind, value) -> {
                ColumnLimits.check(errors, line, kind, kind, 32);
                ColumnLimits.check(errors, line, kind, value, 320);
            });
        }
        return errors;
    }

    @Override
    public BatchResult write(List<CustomerRecord> customers, String writtenBy) {
        int n = customers.size();
        List<List<IdentityKey>> keys = customers.stream().map(CustomerResolver::keysOf).toList();
        Map<IdentityKey, KeyOwner> known = identifiers.owners(keys.stream().flatMap(List::stream).toList());

        // Which row each record updates (its own, found by its external id, or the customer its keys name) and the
        // root customer it belongs to now; 0 = a new customer row.
        long[] own = new long[n];
        long[] root = new long[n];
        for (int i = 0; i < n; i++) {
            CustomerRecord customer = customers.get(i);
            IdentityKey first = keys.get(i).get(0);
            KeyOwner owner = customer.externalId() != null ? known.get(first)
                    : keys.get(i).stream().map(known::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (owner != null) {
                own[i] = customer.externalId() != null ? owner.originId() : owner.customerId();
                root[i] = owner.customerId();
            }
        }

        Map<String, Long> userIds = owners.userIds(customers.stream().map(CustomerRecord::owner).toList());
        Map<String, Long> teamIds = owners.teamIds(customers.stream().map(CustomerRecord::team).toList());
        // Existing rows first: insertNew gives the new records their ids in own[].
        WriteCounts counts = updateExisting(customers, own, userIds, teamIds)
                .plus(insertNew(customers, own, root, userIds, teamIds));

        CustomerGroups groups = new CustomerGroups(ledger.blockedRootPairs());
        Map<IdentityKey, Long> newKeyHolder = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (IdentityKey key : keys.get(i)) {
                KeyOwner owner = known.get(key);
                if (owner != null) {
                    groups.join(owner.customerId(), root[i], key);
                } else {
                    Long holder = newKeyHolder.putIfAbsent(key, root[i]);
                    if (holder != null) {
                        groups.join(holder, root[i], key);
                    }
                }
            }
        }
        for (CustomerGroups.Merge merge : groups.merges()) {
            ledger.merge(merge.survivor(), merge.absorbed(), merge.key(), writtenBy);
        }

        List<IdentifierStore.NewIdentifier> added = new ArrayList<>();
        Set<IdentityKey> addedKeys = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            for (IdentityKey key : keys.get(i)) {
                if (!known.containsKey(key) && addedKeys.add(key)) {
                    added.add(new IdentifierStore.NewIdentifier(key, groups.find(root[i]), own[i]));
                }
            }
        }
        identifiers.insert(added);
        pendingLinks.link(added);
        return new BatchResult(counts, groups.merges().size());
    }

    private WriteCounts insertNew(List<CustomerRecord> customers, long[] own, long[] root, Map<String, Long> userIds,
                                  Map<String, Long> teamIds) {
        List<Integer> fresh = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < customers.size(); i++) {
            if (own[i] == 0) {
                Object[] row = values(customers.get(i), userIds, teamIds);
                if (row[CREATED_AT] == null) {
                    row[CREATED_AT] = now;
                }
                fresh.add(i);
                rows.add(row);
            }
        }
        long[] ids = dialect.insertReturningIds(jdbc, "customers", COLUMNS, rows);
        figures.startAtZero(Arrays.stream(ids).boxed().toList());
        for (int j = 0; j < ids.length; j++) {
            own[fresh.get(j)] = ids[j];
            root[fresh.get(j)] = ids[j];
        }
        return new WriteCounts(ids.length, 0, 0);
    }

    private WriteCounts updateExisting(List<CustomerRecord> customers, long[] own, Map<String, Long> userIds,
                                       Map<String, Long> teamIds) {
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            if (own[i] != 0) {
                Object[] values = values(customers.get(i), userIds, teamIds);
                Object[] parameters = new Object[values.length * 2 + 1];
                System.arraycopy(values, 0, parameters, 0, values.length);
                parameters[values.length] = own[i];
                System.arraycopy(values, 0, parameters, values.length + 1, values.length);
                updates.add(parameters);
            }
        }
        if (updates.isEmpty()) {
            return WriteCounts.NONE;
        }
        long updated = java.util.Arrays.stream(jdbc.batchUpdate(UPDATE, updates)).filter(count -> count > 0).count();
        return new WriteCounts(0, updated, updates.size() - updated);
    }

    /** The record's values as {@link #COLUMN_DEFINITIONS} lists them, its owner and team by id. */
    static Object[] values(CustomerRecord c, Map<String, Long> userIds, Map<String, Long> teamIds) {
        return new Object[] {c.externalId(), c.name(), c.type() == null ? "person" : c.type(), c.phone(), c.email(),
                c.owner() == null ? null : userIds.get(c.owner()), c.team() == null ? null : teamIds.get(c.team()),
                c.industry(), c.region(), c.source(), c.createdAt(), attributesJson(c.attributes())};
    }

    /** The record's values as stored, in the order of the bulk stage: owner and team by name, not yet by id. */
    static Object[] storedValues(CustomerRecord c) {
        return new Object[] {c.externalId(), c.name(), c.type() == null ? "person" : c.type(), c.phone(), c.email(),
                c.owner(), c.team(), c.industry(), c.region(), c.source(), c.createdAt(),
                attributesJson(c.attributes())};
    }

    private static String attributesJson(Map<String, String> attributes) {
        // Sorted, so that the same attributes always give the same text and a re-import compares equal.
        return attributes == null || attributes.isEmpty() ? null
                : JsonMapper.shared().writeValueAsString(new TreeMap<>(attributes));
    }

    /** The record's keys, its own identity first: external id, then phone, email and further identifiers. */
    static List<IdentityKey> keysOf(CustomerRecord c) {
        Set<IdentityKey> keys = new LinkedHashSet<>();
        if (isKey(c.externalId())) {
            keys.add(IdentityKey.externalId(c.source(), c.externalId()));
        }
        if (isKey(c.phone())) {
            keys.add(IdentityKey.phone(c.phone()));
        }
        if (isKey(c.email())) {
            keys.add(IdentityKey.email(c.email()));
        }
        if (c.identifiers() != null) {
            new TreeMap<>(c.identifiers()).forEach((kind, value) -> {
                if (value != null && !value.isBlank()) {
                    keys.add(IdentityKey.sourceId(kind, c.source(), value));
                }
            });
        }
        return List.copyOf(keys);
    }

    /**
     * The first of {@link #keysOf}, the record's own identity, or null when it has no key. A bulk load asks for it
     * once per row on its reader thread, where the full list (a set, a sorted copy of the identifiers) would be made
     * only to be thrown away.
     */
    static IdentityKey ownKey(CustomerRecord c) {
        if (isKey(c.externalId())) {
            return IdentityKey.externalId(c.source(), c.externalId());
        }
        if (isKey(c.phone())) {
            return IdentityKey.phone(c.phone());
        }
        if (isKey(c.email())) {
            return IdentityKey.email(c.email());
        }
        List<IdentityKey> keys = keysOf(c);
        return keys.isEmpty() ? null : keys.get(0);
    }

    /**
     * Which of the record's external id (1), phone (2) and email (4) are keys: they are the first keys of
     * {@link #keysOf}, in that order, one for each bit set, and a bulk load derives them from the staged record.
     */
    static int standardKeys(CustomerRecord c) {
        return (isKey(c.externalId()) ? 1 : 0) | (isKey(c.phone()) ? 2 : 0) | (isKey(c.email()) ? 4 : 0);
    }

    private static boolean isKey(String value) {
        return value != null && !value.isBlank();
    }
}
