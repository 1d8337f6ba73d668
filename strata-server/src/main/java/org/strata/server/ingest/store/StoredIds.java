package org.strata.server.ingest.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.strata.server.sql.SqlDialect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the ids of stored rows by (source, number), one query per source. */
final class StoredIds {

    private StoredIds() {
    }

    /** @return id by {@code source + '\0' + number}, the writers' key format */
    static <T> Map<String, Long> of(JdbcTemplate jdbc, SqlDialect dialect, String table, String numberColumn, List<T> records,
                                    Function<T, String> source, Function<T, String> number) {
        Map<String, Long> ids = new HashMap<>();
        records.stream().collect(Collectors.groupingBy(source, Collectors.mapping(number, Collectors.toList())))
                .forEach((src, numbers) -> jdbc.query("SELECT t." + numberColumn + ", t.id FROM "
                                + dialect.arrayRows("VARCHAR") + " JOIN " + table + " t ON t.source = ? AND t."
                                + numberColumn + " = v.x",
                        rs -> {
                            ids.put(src + '\u0000' + rs.getString(1), rs.getLong(2));
                        }, new SqlArrayValue("varchar", numbers.toArray()), src));
        return ids;
    }
}
