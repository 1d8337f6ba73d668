package org.strata.server.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.strata.server.customer.NameKeys;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.IdentityKey;
import org.strata.server.ingest.KeyFingerprints;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.ForeignKeysCheckedOnce;
import org.strata.server.sql.OpenCopy;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.RowsOnDemand;
import org.strata.server.sql.SpilledRows;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.WriteCounts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * A first load of customers, copied straight into customers, customer_identifiers and customer_figures (emptied by
 * {@link EmptyCustomerTables} and locked), batch by batch as the file is read, instead of into stages that are then
 * resolved and inserted with set-based statements ({@link CustomerBulkLoader}): at a million customers that second
 * write of 1M customers and 3M identifiers, and the statements that resolved them, were most of the load's "rows
 * written".
 * <p>
 * The result is the staged path's over a file of new customers (BulkImportEquivalenceTest):
 * <ul>
 *   <li>every record is a new customer, numbered by its place in the file from a block of the identity sequence; its
 *       row of figures, all zero, is copied with it;</li>
 *   <li>a key is copied when its fingerprint is new ({@link KeyFingerprints}), for the first record that brings it,
 *       with the id its place among the file's keys gives it, as the staged path numbers a first load's keys;</li>
 *   <li>a key met again (69 of 3M keys at the 1M yardstick; a fingerprint collision adds a rare one) is held back in a
 *       small stage; at the end every holder of those keys is read and {@link SharedKeys} decides, as the staged path
 *       does, which records fold away (a later record with the same own key wins), which keys are still to be stored
 *       and which customers merge, in which order ({@link CustomerGroups}, {@link MergeLedger#mergeAll}).</li>
 * </ul>
 * The customers go through one COPY kept open across the batches ({@link OpenCopy}), so that the database stores them
 * while the next batch is made; a COPY per batch and table made the two sides take turns (a third of the staging's
 * time idle on both cores). The identifiers and the keys held back are meanwhile encoded into temporary files
 * ({@link SpilledRows}) and copied at the end, the rows of figures (the customer ids alone) made then.
 * <p>
 * The owners and teams a batch names are found or created before its customers are copied; the foreign keys to them
 * are checked once at the end ({@link ForeignKeysCheckedOnce}) where the database role allows, instead of by a
 * trigger per row, from the owners and teams the load looked up (not by reading a million rows back). What differs from the staged path: customer ids keep the place of records folded away (a gap per
 * folded record; the staged path numbers the records left), and an owner or team named only by a folded record is
 * created all the same (as the batch path creates it).
 */
final class IntoEmptyCustomers implements BulkWriter.Load<CustomerRecord> {

    private static final Logger log = LoggerFactory.getLogger(IntoEmptyCustomers.class);

    private static final List<String> CUSTOMER_COLUMNS = copied(CustomerResolver.COLUMN_DEFINITIONS);
    private static final List<String> IDENTIFIER_COLUMNS = List.of("id BIGINT", "customer_id BIGINT",
            "origin_customer_id BIGINT", "kind VARCHAR(32)", "namespace VARCHAR(64)", "id_value VARCHAR(320)");
    /** A new customer's figures are the columns' defaults: no orders. */
    private static final List<String> FIGURE_COLUMNS = List.of("customer_id BIGINT");

    /** Figures rows made and copied at once (ids only: a few MB). */
    private static final int FIGURE_ROWS_PER_COPY = 1 << 20;

    private static final String HELD = "bulk_held_keys";
    private static final List<String> HELD_COLUMNS = List.of("seq BIGINT NOT NULL", "ord INT NOT NULL",
            "kind VARCHAR(32) NOT NULL", "namespace VARCHAR(64) NOT NULL", "id_value VARCHAR(320) NOT NULL");

    /** The copied identifiers of the keys held back: their first holders. */
    private static final String FIRST_HOLDERS = """
            SELECT ci.kind, ci.namespace, ci.id_value, ci.origin_customer_id, ci.id FROM customer_identifiers ci
            WHERE (ci.id_value, ci.kind, ci.namespace) IN (SELECT id_value, kind, namespace FROM bulk_held_keys)""";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final MergeLedger ledger;
    private final OwnerDirectory owners;
    private final PendingLinks pendingLinks;
    private final ForeignKeysCheckedOnce references;
    /** The identifiers' two keys to customers (see copyFiguresAndIdentifiers). */
    private final ForeignKeysCheckedOnce identifierReferences;
    private final IntUnaryOperator lowerCase;
    private final OffsetDateTime now;
    private final long firstCustomerId;
    private final long firstIdentifierId;
    private final KeyFingerprints seen = new KeyFingerprints();
    /** Per record (by seq), how many keys the records before it have: the place of its first key in the file. */
    private long[] keyBases = new long[1 << 12];
    /** The owners and teams the copied customers name, whose rows the foreign keys' check locks. */
    private final Set<Long> ownerIds = new HashSet<>();
    private final Set<Long> teamIds = new HashSet<>();
    /** The owners' and teams' ids by name, as found or created by this load: most batches need no statement. */
    private final Map<String, Long> userIdsByName = new HashMap<>();
    private final Map<String, Long> teamIdsByCode = new HashMap<>();
    private final OpenCopy customersCopy;
    private final SpilledRows identifiersSpilled = new SpilledRows(IDENTIFIER_COLUMNS);
    private final SpilledRows heldSpilled = new SpilledRows(HELD_COLUMNS);
    private long copied;
    private long keysCopiedOrHeld;
    private long held;

    /** Call with the tables emptied in this transaction ({@link EmptyCustomerTables#lockedAndTruncated}). */
    /**
     * @param lowerCase the database's lower-casing, code point by code point (customer.DatabaseLowerCase), with which
     *                  the rows bring their name search keys; null where Java cannot lower-case as the database does,
     *                  and then the keys' trigger computes them row by row
     */
    IntoEmptyCustomers(JdbcTemplate jdbc, SqlDialect dialect, MergeLedger ledger, OwnerDirectory owners,
                       PendingLinks pendingLinks, IntUnaryOperator lowerCase) {
        this.jdbc = jdbc;
        this.lowerCase = lowerCase;
        this.dialect = dialect;
        this.ledger = ledger;
        this.owners = owners;
        this.pendingLinks = pendingLinks;
        jdbc.execute("CREATE TEMPORARY TABLE " + HELD + " (" + dialect.stageColumns(HELD_COLUMNS) + ") ON COMMIT DROP");
        // rows that bring their name keys leave the keys' triggers nothing to do: they may be silenced with the
        // foreign keys' (without the keys, silencing them would store customers that no name search finds)
        this.references = lowerCase == null ? ForeignKeysCheckedOnce.of(jdbc, "customers")
                : ForeignKeysCheckedOnce.of(jdbc, "customers", CustomerBulkLoader.NAME_KEYS_TRIGGERS);
        this.identifierReferences = ForeignKeysCheckedOnce.of(jdbc, "customer_identifiers");
        // the insert's CURRENT_TIMESTAMP, the creation time of a record that gives none
        this.now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        // Blocks drawn now and moved past at the end: nobody else can draw meanwhile, the tables are locked.
        this.firstCustomerId = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('customers', 'id'))",
                Long.class);
        this.firstIdentifierId = jdbc.queryForObject(
                "SELECT nextval(pg_get_serial_sequence('customer_identifiers', 'id'))", Long.class);
        // the foreign keys' triggers stay out while the COPY is open, and are back whenever it is paused
        this.customersCopy = ((PostgresDialect) dialect).copyIntoTruncated(jdbc, "customers", CUSTOMER_COLUMNS,
                references::leaveTriggersOut);
    }

    @Override
    public boolean writesTargetsWhileStaging() {
        return true;
    }

    @Override
    public void stage(List<CustomerRecord> customers, long firstSequence) {
        if (firstSequence != copied) {
            throw new IllegalStateException("records staged out of order: " + firstSequence + " after " + copied);
        }
        int n = customers.size();
        List<Object[]> identifiers = new ArrayList<>(n * 3);
        List<Object[]> heldBack = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long seq = firstSequence + i;
            long id = firstCustomerId + seq;
            List<IdentityKey> keys = CustomerResolver.keysOf(customers.get(i));
            rememberKeyBase(seq, keysCopiedOrHeld);
            for (int ord = 0; ord < keys.size(); ord++) {
                IdentityKey key = keys.get(ord);
                if (seen.add(key.toString())) {
                    identifiers.add(new Object[] {firstIdentifierId + keysCopiedOrHeld + ord, id, id, key.kind(),
                            key.namespace(), key.value()});
                } else {
                    heldBack.add(new Object[] {seq, ord, key.kind(), key.namespace(), key.value()});
                }
            }
            keysCopiedOrHeld += keys.size();
        }
        Map<String, Long> userIds = idsOf(customers.stream().map(CustomerRecord::owner).toList(), userIdsByName,
                owners::userIds, ownerIds);
        Map<String, Long> teamIds = idsOf(customers.stream().map(CustomerRecord::team).toList(), teamIdsByCode,
                owners::teamIds, this.teamIds);
        customersCopy.append(new RowsOnDemand(n,
                i -> customerRow(customers.get(i), firstCustomerId + firstSequence + i, userIds, teamIds)));
        identifiersSpilled.add(identifiers);
        heldSpilled.add(heldBack);
        held += heldBack.size();
        copied += n;
    }

    /**
     * The ids of the names, from those this load has found or created; the others are looked up (or created) in the
     * database, with the COPY paused for it, and their ids added to {@code named}.
     */
    private Map<String, Long> idsOf(List<String> names, Map<String, Long> known,
                                    Function<Collection<String>, Map<String, Long>> lookUp, Set<Long> named) {
        Set<String> missing = new HashSet<>();
        for (String name : names) {
            if (name != null && !known.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            pause();
            Map<String, Long> found = lookUp.apply(missing);
            known.putAll(found);
            named.addAll(found.values());
        }
        return known;
    }

    @Override
    public boolean keepsStatementOpen() {
        return true;
    }

    @Override
    public void pause() {
        customersCopy.pause();
        references.putTriggersBack();
    }

    @Override
    public void abandon() {
        customersCopy.abandon();
        identifiersSpilled.close();
        heldSpilled.close();
    }

    private Object[] customerRow(CustomerRecord customer, long id, Map<String, Long> userIds,
                                 Map<String, Long> teamIds) {
        Object[] values = CustomerResolver.values(customer, userIds, teamIds);
        Object[] row = new Object[values.length + 2];
        row[0] = id;
        System.arraycopy(values, 0, row, 1, values.length);
        if (row[1 + CustomerResolver.CREATED_AT] == null) {
            row[1 + CustomerResolver.CREATED_AT] = now;
        }
        row[row.length - 1] = lowerCase == null || customer.name() == null ? null
                : NameKeys.of(customer.name(), lowerCase);
        return row;
    }

    private void rememberKeyBase(long seq, long keyBase) {
        if (seq >= keyBases.length) {
            keyBases = Arrays.copyOf(keyBases, Math.toIntExact(Math.max(seq + 1, keyBases.length * 2L)));
        }
        keyBases[(int) seq] = keyBase;
    }

    @Override
    public BatchResult finish(long duplicates, String writtenBy) {
        BulkSteps steps = new BulkSteps(log, "bulk customers copied");
        try (identifiersSpilled; heldSpilled) {
            pause();
            steps.rows("copy figures and identifiers", this::copyFiguresAndIdentifiers);
        }
        moveSequencesPastTheLoad();
        SharedKeys.Resolution shared = held == 0 ? new SharedKeys.Resolution(Set.of(), List.of(), List.of())
                : steps.get("find every holder of the keys held back", this::sharedKeys);
        if (!shared.folded().isEmpty()) {
            steps.rows("fold repeated records", () -> fold(shared.folded()));
        }
        CustomerGroups groups = new CustomerGroups(ledger.blockedRootPairs());
        for (SharedKeys.Link link : shared.links()) {
            groups.join(firstCustomerId + link.firstSeq(), firstCustomerId + link.seq(), link.key());
        }
        steps.run("merge", () -> ledger.mergeAll(groups.merges(), groups::find, writtenBy));
        if (!shared.toStore().isEmpty()) {
            steps.rows("store keys held back", () -> store(shared.toStore(), groups));
        }
        // The copied rows name no customer they merged into: merges, made since, were checked by their triggers.
        steps.run("check foreign keys", () -> references.checkReferences(Map.of("owner_id", ownerIds,
                "team_id", teamIds, "merged_into", Set.of()), copied));
        steps.run("link waiting orders and events", () -> pendingLinks.linkIdentifiersAfter(0));
        return new BatchResult(new WriteCounts(copied - shared.folded().size(), 0, 0), groups.merges().size());
    }

    /**
     * A row of zero figures per copied customer, then the identifiers and the keys held back from their files. The
     * identifiers' table was emptied for this load: its two foreign keys' triggers, which would look up and lock a
     * customer per row and key (three million identifiers at the 1M yardstick), are left out where allowed, and one
     * anti-join per key checks the rows instead ({@link ForeignKeysCheckedOnce#checkRowsOfEmptiedTable}).
     */
    private long copyFiguresAndIdentifiers() {
        PostgresDialect postgres = (PostgresDialect) dialect;
        for (long from = 0; from < copied; from += FIGURE_ROWS_PER_COPY) {
            long first = firstCustomerId + from;
            dialect.appendRowsToTruncated(jdbc, "customer_figures", FIGURE_COLUMNS, new RowsOnDemand(
                    (int) Math.min(FIGURE_ROWS_PER_COPY, copied - from), i -> new Object[] {first + i}));
        }
        long identifiers = identifierReferences.withoutTriggers(() ->
                postgres.appendRowsToTruncated(jdbc, "customer_identifiers", identifiersSpilled));
        // every row of the emptied table is one of this load's
        identifierReferences.checkRowsOfEmptiedTable("TRUE", identifiers);
        postgres.appendRows(jdbc, HELD, heldSpilled);
        return copied + identifiers;
    }

    private void moveSequencesPastTheLoad() {
        if (copied > 0) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('customers', 'id'), ?)", Long.class,
                    firstCustomerId + copied - 1);
        }
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('customer_identifiers', 'id'), ?, false)",
                Long.class, firstIdentifierId + keysCopiedOrHeld);
    }

    /** Every holder of every key held back: the held ones, and the first holders whose key was copied. */
    private SharedKeys.Resolution sharedKeys() {
        jdbc.execute("ANALYZE " + HELD);
        List<SharedKeys.Holder> holders = new ArrayList<>();
        jdbc.query("SELECT kind, namespace, id_value, seq, ord FROM " + HELD, rs -> {
            holders.add(new SharedKeys.Holder(new IdentityKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                    rs.getLong(4), rs.getInt(5), false));
        });
        jdbc.query(FIRST_HOLDERS, rs -> {
            long seq = rs.getLong(4) - firstCustomerId;
            // the copied key's id is the first identifier id + its record's key base + its place in the record
            int ord = Math.toIntExact(rs.getLong(5) - firstIdentifierId - keyBases[(int) seq]);
            holders.add(new SharedKeys.Holder(new IdentityKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                    seq, ord, true));
        });
        return SharedKeys.resolve(holders);
    }

    /**
     * Deletes the records folded away: their customers, figures and copied keys. Nothing refers to them yet (no
     * merge, no link has been made), so the customers' foreign-key triggers, which would look for references row by
     * row in tables whose indexes are dropped, are left out where allowed.
     */
    private long fold(Set<Long> folded) {
        SqlArrayValue ids = new SqlArrayValue("bigint", folded.stream().map(seq -> firstCustomerId + seq).toArray());
        long customers = references.withoutTriggers(() -> jdbc.update("DELETE FROM customers WHERE "
                + dialect.inArray("id", "BIGINT"), ids));
        jdbc.update("DELETE FROM customer_figures WHERE " + dialect.inArray("customer_id", "BIGINT"), ids);
        jdbc.update("DELETE FROM customer_identifiers WHERE " + dialect.inArray("origin_customer_id", "BIGINT"), ids);
        return customers;
    }

    /** Stores the keys whose first holder left was held back, for the root of its customer after the merges. */
    private long store(List<SharedKeys.Holder> keys, CustomerGroups groups) {
        dialect.appendRows(jdbc, "customer_identifiers", IDENTIFIER_COLUMNS, keys.stream().map(k -> {
            long id = firstCustomerId + k.seq();
            return new Object[] {firstIdentifierId + keyBases[(int) k.seq()] + k.ord(), groups.find(id), id,
                    k.key().kind(), k.key().namespace(), k.key().value()};
        }).toList());
        return keys.size();
    }

    /** The id, the columns a customer record fills, and the name's search keys (customer.NameKeys). */
    private static List<String> copied(List<String> columnDefinitions) {
        List<String> columns = new ArrayList<>(columnDefinitions.size() + 2);
        columns.add("id BIGINT");
        columns.addAll(columnDefinitions);
        columns.add("name_keys INTEGER[]");
        return List.copyOf(columns);
    }
}
