package org.strata.server.customer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * PostgreSQL's {@code lower()} code point by code point, read from the database once (one {@code lower()} of a text
 * holding every code point, about a tenth of a second), so that Java can compute the name keys the database would
 * ({@link NameKeys}). Empty where Java cannot repeat it character by character: on H2 (no name keys), in a database
 * that is not UTF-8, and where lower-casing depends on the neighbours or turns one character into two (the ICU
 * provider and the builtin PG_UNICODE_FAST use full case mapping, e.g. a final sigma); the libc provider lower-cases
 * each character alone (towlower), as does the builtin provider's C.UTF-8.
 */
@Component
public class DatabaseLowerCase {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLowerCase.class);

    /**
     * Whether the database lower-cases each character alone into one character. {@code to_jsonb} of the catalogue row
     * reads the provider columns where the server has them (PostgreSQL 15 and later) and null before (libc only).
     */
    private static final String CHARACTER_BY_CHARACTER = """
            SELECT pg_encoding_to_char(d.encoding) = 'UTF8'
                   AND (COALESCE(to_jsonb(d) ->> 'datlocprovider', 'c') = 'c'
                        OR (to_jsonb(d) ->> 'datlocprovider' = 'b' AND to_jsonb(d) ->> 'datlocale' IN ('C', 'C.UTF-8')))
            FROM pg_database d WHERE d.datname = current_database()""";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private volatile Optional<IntUnaryOperator> mapping;

    public DatabaseLowerCase(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect instanceof PostgresDialect;
    }

    /**
     * Reads the mapping in the background once the application has started, so that the first bulk import does not
     * wait for it (half a second to one and a half on a busy machine, most of it the first run of cold code).
     */
    @EventListener(ApplicationReadyEvent.class)
    void readAhead() {
        if (!postgres) {
            return;
        }
        Thread reader = new Thread(() -> {
            try {
                codePointByCodePoint();
            } catch (RuntimeException e) {
                log.warn("the database's lower-casing could not be read ahead; a bulk import will read it", e);
            }
        }, "database-lower-case");
        reader.setDaemon(true);
        reader.start();
    }

    /** The database's lower-casing of one code point, or empty where Java cannot repeat it (see above). */
    public Optional<IntUnaryOperator> codePointByCodePoint() {
        Optional<IntUnaryOperator> read = mapping;
        if (read == null) {
            synchronized (this) {
                if (mapping == null) {
                    mapping = postgres ? read(jdbc) : Optional.empty();
                }
                read = mapping;
            }
        }
        return read;
    }

    /** Reads the lower-casing of a PostgreSQL database (see above); V19 fills the keys of stored names with it. */
    public static Optional<IntUnaryOperator> read(JdbcTemplate jdbc) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject(CHARACTER_BY_CHARACTER, Boolean.class))) {
            log.info("name keys computed by the database: its lower() is not one character for one character");
            return Optional.empty();
        }
        StringBuilder every = new StringBuilder(0x110000 * 2);
        // NUL cannot be in a text, surrogates are no characters
        for (int codePoint = 1; codePoint < Character.MAX_CODE_POINT + 1; codePoint++) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                every.appendCodePoint(codePoint);
            }
        }
        String original = every.toString();
        String lowered = jdbc.queryForObject("SELECT lower(CAST(? AS text))", String.class, original);
        return LowerCaseTable.of(original, lowered);
    }

    /** The code points lower() changes, with what it changes them to; every other maps to itself. */
    record LowerCaseTable(int[] basicPlane, Map<Integer, Integer> beyond) implements IntUnaryOperator {

        /** Empty when lowered does not hold one code point for each of original's. */
        static Optional<IntUnaryOperator> of(String original, String lowered) {
            if (original.codePointCount(0, original.length()) != lowered.codePointCount(0, lowered.length())) {
                return Optional.empty();
            }
            int[] basicPlane = new int[Character.MAX_VALUE + 1];
            for (int c = 0; c < basicPlane.length; c++) {
                basicPlane[c] = c;
            }
            Map<Integer, Integer> beyond = new HashMap<>();
            for (int i = 0, j = 0; i < original.length(); ) {
                int from = original.codePointAt(i);
                int to = lowered.codePointAt(j);
                i += Character.charCount(from);
                j += Character.charCount(to);
                if (from == to) {
                    continue;
                }
                if (from <= Character.MAX_VALUE) {
                    basicPlane[from] = to;
                } else {
                    beyond.put(from, to);
                }
            }
            return Optional.of(new LowerCaseTable(basicPlane, Map.copyOf(beyond)));
        }

        @Override
        public int applyAsInt(int codePoint) {
            return codePoint < basicPlane.length ? basicPlane[codePoint] : beyond.getOrDefault(codePoint, codePoint);
        }
    }
}
