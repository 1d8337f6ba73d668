package org.strata.server.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.customer.DatabaseLowerCase;
import org.strata.server.customer.NameKeys;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.IdentityKey;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportProperties;
import org.strata.server.ingest.KeyFingerprints;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.ForeignKeysCheckedOnce;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.RowsOnDemand;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.WriteCounts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Customers in bulk, with the identity resolution of {@link CustomerResolver} done over the whole file at once.
 * The records and their further identifiers are staged (the keys in their own columns, external id, phone and
 * email, are read from the staged record in SQL); while staging, the load remembers the fingerprint of every key and
 * notes the keys it meets a second time, so that only those few are ever grouped. Then, set-based:
 * <ol>
 *   <li>each record finds the customer row it updates by the keys already stored (its own external id, or for a
 *       record without one the first of its keys that is known), exactly as the batch path decides;</li>
 *   <li>the others get new customer ids, drawn as one block from the identity sequence in file order, and are
 *       inserted with one statement, their foreign keys (owner, team) checked once for all of them where the
 *       database role allows ({@link ForeignKeysCheckedOnce});</li>
 *   <li>only the keys that link two customers (a key another customer holds, or a new key several records share)
 *       travel to Java, where {@link CustomerGroups} joins them as in the batch path; the few merges that follow are
 *       recorded and applied set-based ({@link MergeLedger#mergeAll});</li>
 *   <li>every new key is stored once, for the first record that brought it, straight from the staged records, and
 *       orders and events waiting for one of them are linked.</li>
 * </ol>
 */
@Component
class CustomerBulkLoader implements BulkWriter<CustomerRecord> {

    private static final Logger log = LoggerFactory.getLogger(CustomerBulkLoader.class);

    private static final String STAGE = "bulk_stage_customers";
    private static final String KEYS = "bulk_stage_customer_keys";
    private static final String REPEATED = "bulk_repeated_keys";
    private static final List<String> STAGE_COLUMNS = List.of("external_id VARCHAR(128)", "name VARCHAR(300)",
            "type VARCHAR(16)", "phone VARCHAR(32)", "email VARCHAR(320)", "owner VARCHAR(100)", "team VARCHAR(64)",
            "industry VARCHAR(100)", "region VARCHAR(100)", "source VARCHAR(64)",
            "created_at TIMESTAMP WITH TIME ZONE", "attributes VARCHAR(100000)", "standard_keys SMALLINT",
            "key_base BIGINT", "name_keys INTEGER[]");
    private static final List<String> KEY_COLUMN_DEFINITIONS = List.of("kind VARCHAR(32) NOT NULL",
            "namespace VARCHAR(64) NOT NULL", "id_value VARCHAR(320) NOT NULL");
    /** The staged records' columns and the staged keys' columns, as the stage tables are created with them. */
    private static final List<String> STAGED_RECORD_COLUMNS = withSequence(STAGE_COLUMNS);
    private static final List<String> STAGED_KEY_COLUMNS = withSequence(List.of("ord INT NOT NULL",
            KEY_COLUMN_DEFINITIONS.get(0), KEY_COLUMN_DEFINITIONS.get(1), KEY_COLUMN_DEFINITIONS.get(2)));

    /**
     * Every staged record's keys (seq, ord, kind, namespace, id_value, bit), numbered as
     * {@link CustomerResolver#keysOf} orders them: the keys in the record's own columns (external id, phone, email; which of them are keys is the
     * mask {@link CustomerResolver#standardKeys}, and bit says which one a key is) read from the staged record, not
     * staged a second time as three rows per customer, then the further identifiers staged as rows (bit 0). A derived
     * table, read a few times: reading the staged records again costs less than writing three million key rows once.
     */
    private static final String STAGED_KEYS = keysOf(STAGE, "standard_keys", "");

    /**
     * The keys still to be stored, read from bulk_resolved, with the customer each record writes (own) and its root:
     * its mask new_keys starts as the staged one, and loses the keys another record stores ({@link #LATER_HOLDERS}).
     */
    private static final String RESOLVED_KEYS = keysOf("bulk_resolved", "new_keys",
            ", r.own, r.root, r.key_base");

    private static String keysOf(String records, String mask, String resolution) {
        return """
                (SELECT r.seq, 0 AS ord, '%1$s' AS kind, r.source AS namespace, r.external_id AS id_value, 1 AS bit%4$s
                 FROM %5$s r WHERE r.%6$s & 1 <> 0
                 UNION ALL
                 SELECT r.seq, r.standard_keys & 1, '%2$s', '', r.phone, 2%4$s
                 FROM %5$s r WHERE r.%6$s & 2 <> 0
                 UNION ALL
                 SELECT r.seq, (r.standard_keys & 1) + (r.standard_keys >> 1 & 1), '%3$s', '', r.email, 4%4$s
                 FROM %5$s r WHERE r.%6$s & 4 <> 0
                 UNION ALL
                 SELECT x.seq, x.ord, x.kind, x.namespace, x.id_value, 0%4$s
                 FROM bulk_stage_customer_keys x JOIN %5$s r ON r.seq = x.seq)"""
                .formatted(IdentityKey.EXTERNAL_ID, IdentityKey.PHONE, IdentityKey.EMAIL, resolution, records, mask);
    }

    /** Whether the key {@code k} matches no stored identifier. */
    private static final String NOT_KNOWN = "NOT EXISTS (SELECT 1 FROM bulk_known n WHERE n.seq = k.seq"
            + " AND n.ord = k.ord)";

    /**
     * Joins the keys {@code k} to the keys met more than once while staging; without it (when too many keys repeat
     * to remember them) every key is considered.
     */
    private static final String ONLY_REPEATED = " JOIN bulk_repeated_keys r ON r.kind = k.kind"
            + " AND r.namespace = k.namespace AND r.id_value = k.id_value";

    /** The last record with a given own key wins, as it does across the batches of the batch path. */
    private static final String FOLD_REPEATED_RECORDS = """
            DELETE FROM bulk_stage_customers s
            USING (SELECT k.seq, ROW_NUMBER() OVER (PARTITION BY k.kind, k.namespace, k.id_value
                                                    ORDER BY k.seq DESC) AS newer
                   FROM %s k%%s
                   WHERE k.ord = 0) d
            WHERE s.seq = d.seq AND d.newer > 1""".formatted(STAGED_KEYS);

    /** The stored identifiers the staged keys match. */
    private static final String KNOWN = """
            CREATE TEMPORARY TABLE bulk_known ON COMMIT DROP AS
            SELECT k.seq, k.ord, ci.customer_id, ci.origin_customer_id
            FROM %s k JOIN customer_identifiers ci ON ci.kind = k.kind AND ci.namespace = k.namespace
                 AND ci.id_value = k.id_value""".formatted(STAGED_KEYS);

    /**
     * Per staged record, the stored customer it updates: its own external id's origin, or, for a record without an
     * external id, the customer of its first known key.
     */
    private static final String OWNERS = """
            SELECT DISTINCT ON (k.seq) k.seq,
                   CASE WHEN c.external_id IS NOT NULL THEN k.origin_customer_id ELSE k.customer_id END AS own,
                   k.customer_id AS root
            FROM bulk_known k JOIN bulk_stage_customers c ON c.seq = k.seq
            WHERE c.external_id IS NULL OR k.ord = 0
            ORDER BY k.seq, k.ord""";

    /**
     * The name search keys of a staged record (customer.NameKeys, staged with it), or where Java cannot lower-case
     * as the database does (DatabaseLowerCase), the database's own; with them the rows leave the name keys triggers of
     * V19 nothing to do, which is what lets the insert silence them ({@link #NAME_KEYS_TRIGGERS}). The staged name is
     * byte-ordered (COLLATE "C", under which lower() changes ASCII letters only): the customers' name column
     * lower-cases by the database's collation.
     */
    private static final String NAME_KEYS = "COALESCE(s.name_keys, customer_name_keys(s.name COLLATE \"default\"))";
    static final List<String> NAME_KEYS_TRIGGERS = List.of("customers_name_keys_on_insert",
            "customers_name_keys_on_update");

    private static final String UPDATE_EXISTING = """
            UPDATE customers c SET external_id = COALESCE(s.external_id, c.external_id), name = s.name,
                   type = s.type, phone = s.phone, email = s.email, owner_id = s.owner_id, team_id = s.team_id,
                   industry = s.industry, region = s.region, source = s.source,
                   created_at = COALESCE(s.created_at, c.created_at), attributes = s.attributes,
                   name_keys = %1$s, updated_at = CURRENT_TIMESTAMP
            FROM (SELECT DISTINCT ON (r.own) r.own, s.external_id, s.name, s.type, s.phone, s.email,
                         u.id AS owner_id, t.id AS team_id, s.industry, s.region, s.source, s.created_at, s.attributes,
                         s.name_keys
                  FROM bulk_resolved r JOIN bulk_stage_customers s ON s.seq = r.seq
                  LEFT JOIN users u ON u.username = s.owner LEFT JOIN teams t ON t.code = s.team
                  WHERE NOT r.fresh ORDER BY r.own, r.seq DESC) s
            WHERE c.id = s.own AND (COALESCE(s.external_id, c.external_id) IS DISTINCT FROM c.external_id
                   OR c.name IS DISTINCT FROM s.name OR c.type IS DISTINCT FROM s.type
                   OR c.phone IS DISTINCT FROM s.phone OR c.email IS DISTINCT FROM s.email
                   OR c.owner_id IS DISTINCT FROM s.owner_id OR c.team_id IS DISTINCT FROM s.team_id
                   OR c.industry IS DISTINCT FROM s.industry OR c.region IS DISTINCT FROM s.region
                   OR c.source IS DISTINCT FROM s.source OR c.created_at <> COALESCE(s.created_at, c.created_at)
                   OR c.attributes IS DISTINCT FROM s.attributes)""".formatted(NAME_KEYS);

    /**
     * The new customers from their staged records. Completed by the id, the records (with alias s) and which of them
     * are new: from bulk_resolved in general, straight from the stage when every record is new ({@link Resolution}).
     */
    private static final String INSERT_FRESH = """
            INSERT INTO customers (id, external_id, name, type, phone, email, owner_id, team_id, industry, region,
                                   source, created_at, attributes, name_keys)
            SELECT %%s, s.external_id, s.name, s.type, s.phone, s.email, u.id, t.id, s.industry, s.region,
                   s.source, COALESCE(s.created_at, CURRENT_TIMESTAMP), s.attributes, %s
            FROM %%s
            LEFT JOIN users u ON u.username = s.owner LEFT JOIN teams t ON t.code = s.team%%s""".formatted(NAME_KEYS);

    /**
     * Every holder of a new key that several staged records share (among the keys met more than once while staging;
     * a fingerprint collision only adds a key that turns out to have one holder), with the first record that brings
     * the key and how many do. One pass over the keys; everything about linking keys reads this small table after.
     * Completed by the join to the repeated keys and the condition that the key is new.
     */
    private static final String KEY_HOLDERS = """
            CREATE TEMPORARY TABLE bulk_key_holders ON COMMIT DROP AS
            SELECT * FROM (SELECT k.seq, k.ord, k.bit, k.kind, k.namespace, k.id_value, k.own, k.root,
                                  MIN(k.seq) OVER w AS first_seq, COUNT(*) OVER w AS holders
                           FROM %s k%%s%%s
                           WINDOW w AS (PARTITION BY k.kind, k.namespace, k.id_value)) h
            WHERE h.holders > 1""".formatted(RESOLVED_KEYS);

    /**
     * The keys that join two customers, in the order the batch path meets them (record by record, key by key):
     * a stored key held by another customer than the record's, and a new key also brought by an earlier record.
     */
    private static final String LINKS = """
            SELECT k.seq, k.ord, k.kind, k.namespace, k.id_value, n.customer_id AS holder, k.root
            FROM bulk_known n JOIN %s k ON k.seq = n.seq AND k.ord = n.ord
            WHERE n.customer_id <> k.root
            UNION ALL
            SELECT k.seq, k.ord, k.kind, k.namespace, k.id_value, first.root AS holder, k.root
            FROM bulk_key_holders k
            JOIN bulk_key_holders first ON first.kind = k.kind AND first.namespace = k.namespace
                 AND first.id_value = k.id_value AND first.seq = k.first_seq
            WHERE k.seq <> k.first_seq AND first.root <> k.root
            ORDER BY 1, 2""".formatted(RESOLVED_KEYS);

    /** The holders of a shared new key that are not its first: only the first record stores the key. */
    private static final String LATER_HOLDERS = "bulk_key_holders h WHERE h.seq <> h.first_seq";

    /**
     * Takes the later holders' keys out of the keys to store, before the insert, instead of an anti-join of every
     * key (3 million at 1M customers) against them in it: their own columns' keys leave the record's mask new_keys,
     * their further identifiers leave the stage.
     */
    private static final String UNMASK_LATER_HOLDERS = """
            UPDATE bulk_resolved r SET new_keys = r.new_keys & ~l.bits
            FROM (SELECT h.seq, BIT_OR(h.bit) AS bits FROM %s AND h.bit <> 0 GROUP BY h.seq) l
            WHERE r.seq = l.seq""".formatted(LATER_HOLDERS);
    private static final String UNSTAGE_LATER_HOLDERS = "DELETE FROM bulk_stage_customer_keys x USING "
            + LATER_HOLDERS + " AND h.bit = 0 AND x.seq = h.seq AND x.ord = h.ord";

    /**
     * The records of absorbed customers take the root of their group, before the insert of their keys, instead of a
     * join of every key to the merged roots in it.
     */
    private static final String MERGED_ROOTS = "UPDATE bulk_resolved r SET root = m.root FROM bulk_merged_roots m"
            + " WHERE r.root = m.absorbed";

    /**
     * Every new key once, for the first record that brings it, held by the root of the record's customer after the
     * merges: the keys left to store ({@link #RESOLVED_KEYS}) without those that match a stored identifier. The
     * condition is left out when nothing is stored (a first load): PostgreSQL would otherwise build a hash table of
     * every key (3 million at 1M customers) to probe an empty one. The ids are counted from a parameter, the first of
     * a block drawn from the identity sequence ({@link #insertIdentifiers}): on a first load by the key's place in the
     * file (key_base + ord), which leaves a gap for each later holder of a shared key but needs no numbering of
     * 3 million rows in the statement; when keys are stored (a re-import leaves out most), numbered without gaps.
     */
    private static String insertKeys(boolean someStored) {
        return "INSERT INTO customer_identifiers (id, customer_id, origin_customer_id, kind, namespace, id_value)"
                + " SELECT " + (someStored ? "? - 1 + ROW_NUMBER() OVER ()" : "? + k.key_base + k.ord")
                + ", k.root, k.own, k.kind, k.namespace, k.id_value FROM " + RESOLVED_KEYS + " k"
                + (someStored ? " WHERE " + NOT_KNOWN : "");
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final MergeLedger ledger;
    private final OwnerDirectory owners;
    private final PendingLinks pendingLinks;
    private final CustomerStatsRefresher figures;
    private final DatabaseLowerCase lowerCase;
    private final int repeatedKeysRemembered;

    CustomerBulkLoader(JdbcTemplate jdbc, SqlDialect dialect, MergeLedger ledger, OwnerDirectory owners,
                       PendingLinks pendingLinks, CustomerStatsRefresher figures, DatabaseLowerCase lowerCase,
                       ImportProperties properties) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.ledger = ledger;
        this.owners = owners;
        this.pendingLinks = pendingLinks;
        this.figures = figures;
        this.lowerCase = lowerCase;
        this.repeatedKeysRemembered = properties.bulkRepeatedKeys();
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public boolean available() {
        return dialect instanceof PostgresDialect;
    }

    @Override
    public String targetTable() {
        return "customers";
    }

    @Override
    public List<String> suspendedTables() {
        // customer_figures gets a row of zeros per new customer (V12); its three sort indexes built once afterwards
        // cost half of maintaining them row by row (1M rows: 1.6 + 1.8 CPU s against 7.0)
        return List.of("customers", "customer_identifiers", "customer_figures");
    }

    @Override
    public List<String> suspendedPrimaryKeys() {
        // nothing looks identifiers or figures up by their key while they are loaded; 3 million identifier ids
        // built once cost a third of maintaining them
        return List.of("customer_identifiers", "customer_figures");
    }

    /**
     * A first load (nothing stored in customers or any table that points at them) is copied straight into the
     * emptied tables ({@link IntoEmptyCustomers}); any other goes through the stages.
     */
    @Override
    public Load<CustomerRecord> begin() {
        if (EmptyCustomerTables.lockedAndTruncated(jdbc)) {
            return new IntoEmptyCustomers(jdbc, dialect, ledger, owners, pendingLinks,
                    lowerCase.codePointByCodePoint().orElse(null));
        }
        jdbc.execute("CREATE TEMPORARY TABLE " + STAGE + " (" + dialect.stageColumns(STAGED_RECORD_COLUMNS)
                + ") ON COMMIT DROP");
        jdbc.execute("CREATE TEMPORARY TABLE " + KEYS + " (" + dialect.stageColumns(STAGED_KEY_COLUMNS)
                + ") ON COMMIT DROP");
        jdbc.execute("CREATE TEMPORARY TABLE " + REPEATED + " (" + dialect.stageColumns(KEY_COLUMN_DEFINITIONS)
                + ") ON COMMIT DROP");
        return new CustomerLoad(lowerCase.codePointByCodePoint().orElse(null));
    }

    /**
     * One file's customers; remembers the keys met while staging, to tell which of them occur more than once, and the
     * owners and teams the records name.
     */
    private final class CustomerLoad implements Load<CustomerRecord> {

        private final KeyFingerprints seen = new KeyFingerprints();
        private final Set<IdentityKey> repeated = new LinkedHashSet<>();
        private boolean tooManyRepeated;
        private final NamesMet owners = new NamesMet();
        private final NamesMet teams = new NamesMet();
        private long staged;
        private long keysStaged;
        /** The database's lower-casing, or null when the name keys are left to the database. */
        private final IntUnaryOperator lowerCase;

        CustomerLoad(IntUnaryOperator lowerCase) {
            this.lowerCase = lowerCase;
        }

        @Override
        public void stage(List<CustomerRecord> customers, long firstSequence) {
            List<Object[]> keys = new ArrayList<>();
            long[] keyBases = new long[customers.size()];
            for (int i = 0; i < customers.size(); i++) {
                long sequence = firstSequence + i;
                CustomerRecord customer = customers.get(i);
                int standardKeys = CustomerResolver.standardKeys(customer);
                List<IdentityKey> own = CustomerResolver.keysOf(customer);
                keyBases[i] = keysStaged;
                keysStaged += own.size();
                for (IdentityKey key : own) {
                    if (!seen.add(key.toString()) && !tooManyRepeated && repeated.add(key)
                            && repeated.size() > repeatedKeysRemembered) {
                        tooManyRepeated = true;
                        repeated.clear();
                    }
                }
                // Only further identifiers are staged as keys; the standard ones are read from the row (STAGED_KEYS).
                for (int ord = Integer.bitCount(standardKeys); ord < own.size(); ord++) {
                    IdentityKey key = own.get(ord);
                    keys.add(new Object[] {sequence, ord, key.kind(), key.namespace(), key.value()});
                }
                owners.add(customer.owner());
                teams.add(customer.team());
            }
            dialect.appendRows(jdbc, STAGE, STAGED_RECORD_COLUMNS,
                    new RowsOnDemand(customers.size(),
                            i -> stagedRow(customers.get(i), firstSequence + i, keyBases[i], lowerCase)));
            dialect.appendRows(jdbc, KEYS, STAGED_KEY_COLUMNS, keys);
            staged = firstSequence + customers.size();
        }

        /**
         * The record's values as {@link #STAGED_RECORD_COLUMNS} lists them; keyBase is how many keys the records
         * before it have, the place of its first key in the file.
         */
        private static Object[] stagedRow(CustomerRecord customer, long sequence, long keyBase,
                                          IntUnaryOperator lowerCase) {
            Object[] values = CustomerResolver.storedValues(customer);
            Object[] row = new Object[values.length + 4];
            row[0] = sequence;
            System.arraycopy(values, 0, row, 1, values.length);
            row[row.length - 3] = CustomerResolver.standardKeys(customer);
            row[row.length - 2] = keyBase;
            row[row.length - 1] = lowerCase == null || customer.name() == null ? null
                    : NameKeys.of(customer.name(), lowerCase);
            return row;
        }

        @Override
        public BatchResult finish(long duplicates, String writtenBy) {
            BulkSteps steps = new BulkSteps(log, "bulk customers");
            // The owners and teams exist before the customers that name them are inserted. Records folded away
            // name no owner: then the names are read from the stage after the fold (in write).
            if (duplicates == 0) {
                steps.run("find owners and teams", () -> ownersAndTeams(owners.names(), teams.names()));
            }
            return write(staged, keysStaged, duplicates, tooManyRepeated ? null : repeated, writtenBy, steps);
        }
    }

    /** Finds (or creates) the owners and teams named, read from the stage when they were not remembered. */
    private void ownersAndTeams(Optional<List<String>> ownerNames, Optional<List<String>> teamCodes) {
        owners.userIds(ownerNames.orElseGet(() -> distinctStaged("owner")));
        owners.teamIds(teamCodes.orElseGet(() -> distinctStaged("team")));
    }

    private List<String> distinctStaged(String column) {
        return jdbc.queryForList("SELECT DISTINCT " + column + " FROM " + STAGE + " WHERE " + column + " IS NOT NULL",
                String.class);
    }

    /**
     * @param staged     how many records were staged (their seq is 0 to staged - 1)
     * @param keysStaged how many keys the staged records have together
     * @param repeated   the keys met more than once while staging, or null when there were too many to remember
     */
    private BatchResult write(long staged, long keysStaged, long duplicates, Set<IdentityKey> repeated,
                              String writtenBy, BulkSteps steps) {
        String onlyRepeated = repeated == null ? "" : ONLY_REPEATED;
        if (repeated != null) {
            dialect.insertRows(jdbc, REPEATED, List.of("kind", "namespace", "id_value"), repeated.stream()
                    .map(k -> new Object[] {k.kind(), k.namespace(), k.value()}).toList());
            jdbc.execute("ANALYZE " + REPEATED);
        }
        if (duplicates > 0) {
            // the further identifiers of the records folded away stay staged, but no longer join a staged record
            steps.rows("fold repeated records", () -> jdbc.update(FOLD_REPEATED_RECORDS.formatted(onlyRepeated)));
            ownersAndTeams(Optional.empty(), Optional.empty());
        }
        long identifiersBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM customer_identifiers",
                Long.class);
        // Into an empty table (a first load) every key is new, and the conditions that say so are left out.
        boolean someStored = identifiersBefore > 0;
        // Nothing stored and nothing folded away: every record is a new customer, numbered by its place in the file.
        boolean allNew = !someStored && duplicates == 0;
        steps.run("analyze stage", () -> {
            // The staged records' statistics serve the joins that resolve them; new customers are read straight
            // through, once, and their statistics would cost a third of a second at 1M for nothing.
            if (!allNew) {
                jdbc.execute("ANALYZE " + STAGE);
            }
            jdbc.execute("ANALYZE " + KEYS);
        });
        steps.run("find stored keys", () -> {
            jdbc.execute(KNOWN + (someStored ? "" : " WHERE FALSE"));
            jdbc.execute("ANALYZE bulk_known");
        });

        Resolution resolution = steps.get("resolve records", () -> allNew ? resolveAllNew(staged) : resolve());
        NewIds fresh = resolution.fresh();
        long existing = resolution.allNew() ? 0
                : jdbc.queryForObject("SELECT COUNT(*) FROM bulk_resolved WHERE NOT fresh", Long.class);
        long updated = existing == 0 ? 0 : steps.rows("update customers", () -> jdbc.update(UPDATE_EXISTING));
        ForeignKeysCheckedOnce references = ForeignKeysCheckedOnce.of(jdbc, "customers", NAME_KEYS_TRIGGERS);
        steps.rows(references.checkedOnce() ? "insert customers, foreign keys checked at once" : "insert customers",
                () -> references.insert(() -> resolution.insertFresh(jdbc), fresh.range("id")));
        steps.run("zero figures of new customers",
                () -> figures.startAtZeroSelected("SELECT r.own FROM bulk_resolved r WHERE r.fresh"));

        steps.run("find holders of shared new keys", () -> {
            jdbc.execute(KEY_HOLDERS.formatted(onlyRepeated, someStored ? " WHERE " + NOT_KNOWN : ""));
            jdbc.execute("ANALYZE bulk_key_holders");
        });
        CustomerGroups groups = new CustomerGroups(ledger.blockedRootPairs());
        steps.run("join customers by linking keys", () -> jdbc.query(LINKS, rs -> {
            groups.join(rs.getLong("holder"), rs.getLong("root"), new IdentityKey(rs.getString("kind"),
                    rs.getString("namespace"), rs.getString("id_value")));
        }));
        steps.run("merge", () -> ledger.mergeAll(groups.merges(), groups::find, writtenBy));
        steps.run("leave the keys to store", () -> {
            if (!groups.merges().isEmpty()) {
                jdbc.update(MERGED_ROOTS);
            }
            if (jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM bulk_key_holders)", Boolean.class)) {
                jdbc.update(UNMASK_LATER_HOLDERS);
                jdbc.update(UNSTAGE_LATER_HOLDERS);
            }
        });
        steps.rows("insert identifiers", () -> insertIdentifiers(insertKeys(someStored), someStored ? -1 : keysStaged));
        steps.run("link waiting orders and events", () -> pendingLinks.linkIdentifiersAfter(identifiersBefore));
        return new BatchResult(new WriteCounts(fresh.count(), updated, existing - updated), groups.merges().size());
    }

    /**
     * Inserts the new identifiers with ids counted in the statement, then moves the identity sequence past them: a
     * sequence call per row (3 million at 1M customers) costs more than counting the rows. Nobody else draws from the
     * sequence meanwhile: dropping the identifiers' indexes locked the table.
     *
     * @param span how many ids the statement may use, or -1 when it numbers its rows without gaps
     */
    private long insertIdentifiers(String insert, long span) {
        long first = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('customer_identifiers', 'id'))",
                Long.class);
        long rows = jdbc.update(insert, first);
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('customer_identifiers', 'id'), ?, false)",
                Long.class, first + (span < 0 ? rows : span));
        return rows;
    }

    /**
     * Decides for every staged record the customer row it writes (bulk_resolved: seq, own, root, fresh, and the
     * record's key columns, so that its keys are read with their resolution without a join) and returns how many are
     * new. New rows get ids from one block of the identity sequence, in file order, as the batch
     * path's inserts would.
     */
    private Resolution resolve() {
        long fresh = jdbc.queryForObject("SELECT COUNT(*) FROM " + STAGE + " s WHERE NOT EXISTS (SELECT 1 FROM ("
                + OWNERS + ") o WHERE o.seq = s.seq)", Long.class);
        long base = fresh == 0 ? 0 : newCustomerIds(fresh);
        // A number, not a parameter: CREATE TABLE .. AS takes none.
        long beforeFirst = base - 1;
        jdbc.execute("CREATE TEMPORARY TABLE bulk_resolved ON COMMIT DROP AS"
                + " SELECT seq, COALESCE(own, " + beforeFirst + " + fresh_no) AS own,"
                + " COALESCE(root, " + beforeFirst + " + fresh_no) AS root, own IS NULL AS fresh,"
                + " source, external_id, phone, email, standard_keys, standard_keys AS new_keys, key_base"
                + " FROM (SELECT s.seq, o.own, o.root, s.source, s.external_id, s.phone, s.email, s.standard_keys,"
                + " s.key_base,"
                + " ROW_NUMBER() OVER (PARTITION BY o.own IS NULL ORDER BY s.seq) AS fresh_no"
                + " FROM " + STAGE + " s LEFT JOIN (" + OWNERS + ") o ON o.seq = s.seq) x");
        jdbc.execute("ANALYZE bulk_resolved");
        NewIds ids = new NewIds(base, fresh);
        return new Resolution(ids, false, INSERT_FRESH.formatted("r.own",
                "bulk_resolved r JOIN " + STAGE + " s ON s.seq = r.seq", " WHERE r.fresh"));
    }

    /**
     * {@link #resolve} when nothing is stored and no record was folded away: every staged record is a new customer
     * and the seq numbers 0 to staged - 1 are its place among them, so its id is the block's first plus its seq. No
     * count, no numbering sort of the records, and the customers are inserted straight from the stage.
     */
    private Resolution resolveAllNew(long staged) {
        long base = staged == 0 ? 0 : newCustomerIds(staged);
        jdbc.execute("CREATE TEMPORARY TABLE bulk_resolved ON COMMIT DROP AS SELECT seq, " + base + " + seq AS own, "
                + base + " + seq AS root, TRUE AS fresh, source, external_id, phone, email, standard_keys,"
                + " standard_keys AS new_keys, key_base FROM " + STAGE);
        jdbc.execute("ANALYZE bulk_resolved");
        return new Resolution(new NewIds(base, staged), true, INSERT_FRESH.formatted(base + " + s.seq",
                STAGE + " s", ""));
    }

    /**
     * Draws a block of count customer ids and returns the first. Nobody else can draw from the sequence meanwhile:
     * dropping the customers' indexes locked the table.
     */
    private long newCustomerIds(long count) {
        long base = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('customers', 'id'))", Long.class);
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('customers', 'id'), ?)", Long.class,
                base + count - 1);
        return base;
    }

    /**
     * The outcome of resolving the staged records: the new customers' ids, whether every record is new, and the
     * statement that inserts the new customers.
     */
    private record Resolution(NewIds fresh, boolean allNew, String insertFresh) {

        long insertFresh(JdbcTemplate jdbc) {
            return jdbc.update(insertFresh);
        }
    }

    /** The block of ids the new customers get: count ids from first on (none when count is 0). */
    private record NewIds(long first, long count) {

        /** A condition that selects the rows with these ids. */
        String range(String column) {
            return column + " BETWEEN " + first + " AND " + (first + count - 1);
        }
    }

    private static List<String> withSequence(List<String> columnDefinitions) {
        List<String> columns = new ArrayList<>(columnDefinitions.size() + 1);
        columns.add("seq BIGINT NOT NULL");
        columns.addAll(columnDefinitions);
        return List.copyOf(columns);
    }
}
