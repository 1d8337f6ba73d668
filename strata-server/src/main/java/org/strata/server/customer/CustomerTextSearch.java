package org.strata.server.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The condition "this customer matches the search text" of the customer lists (API and console) and their exports:
 * the name contains the text, or an identifier or the external id equals it.
 * <p>
 * On PostgreSQL the name lookup first narrows the names through {@code customers_name_keys_idx} (V19), an index of
 * the characters and character pairs of every lower-cased name, stored as numbers in {@code customers.name_keys}: a
 * text of two or more characters is looked up by its pairs ("张伟" by 张伟, "4242" by 42 and 24), a one-character
 * text ("张") by its character. The LIKE that follows decides, so what matches is exactly what the LIKE alone matched. H2 has no such index and reads the names; there
 * the three lookups are a union of sub-queries.
 */
@Component
public class CustomerTextSearch {

    /** A condition over {@code customers c}, with its named parameters. */
    public record Condition(String sql, Map<String, Object> params) {
    }

    /**
     * The keys that every name containing the text holds ({@code customer_search_keys}, V19): the text's pairs, or
     * its one character, taken from lower(text) as the names' keys are from lower(name).
     * <p>
     * Why a name that matches holds them: the database's lower() maps character by character (libc collations do)
     * and leaves lower-case text as it is, so a name containing the text (LIKE, ILIKE) or whose lower-cased form
     * contains it (the console's LOWER(name) LIKE) has a lower-cased form containing the lower-cased text, and with
     * it the text's characters and pairs. Keys computed in Java (the bulk import) lower-case with the database's own
     * mapping (DatabaseLowerCase), so they are the keys lower(name) gives.
     */
    private static final String TEXT_KEYS = "customer_search_keys(:search_characters)";

    private final boolean nameKeysIndex;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public CustomerTextSearch(SqlDialect dialect, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.nameKeysIndex = dialect instanceof PostgresDialect;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Runs queries whose WHERE holds a {@link #matching} condition (when {@code searching}) with plans made for the
     * text at hand. PostgreSQL otherwise switches a statement the connection has run a few times to a generic plan
     * made without the values, which cannot tell "客" in every name from a text in none: measured at a million
     * customers, the generic plan read every name for "客" (9.5 s) where the plan for the text walks the sort index
     * for one page (1 ms).
     */
    public <T> T withPlansForTheText(boolean searching, Supplier<T> queries) {
        if (!nameKeysIndex || !searching) {
            return queries.get();
        }
        return readOnly.execute(status -> {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            return queries.get();
        });
    }

    /** @param alias the alias of {@code customers} in the caller's query */
    public Condition matching(String alias, SearchTerm term) {
        Map<String, Object> params = Map.of("search_name", term.namePattern(), "search_characters", term.nameText(),
                "search_values", List.copyOf(term.identifierValues()), "search_raw", term.raw());
        if (!nameKeysIndex) {
            return new Condition(alias + ".id IN (SELECT s.id FROM customers s WHERE " + nameContains("s", term)
                    + " UNION SELECT ci.customer_id FROM customer_identifiers ci WHERE ci.id_value IN (:search_values)"
                    + " UNION SELECT e.id FROM customers e WHERE e.external_id = :search_raw)", params);
        }
        // One OR over the row itself, each branch with its own index (the identifiers' customer ids are looked up once,
        // as an array, so that the primary key serves them): PostgreSQL either ORs the three index lookups into one
        // bitmap when the text is rare, or walks the sort index and stops after a page when the text is common
        // ("客" in every name). A union in a sub-query could do only the former: it computed every match first.
        return new Condition("((" + nameContains(alias, term) + " AND " + alias + ".name_keys @> " + TEXT_KEYS + ")"
                + " OR " + alias + ".id = ANY (ARRAY(SELECT ci.customer_id FROM customer_identifiers ci"
                + " WHERE ci.id_value IN (:search_values)))"
                + " OR " + alias + ".external_id = :search_raw)", params);
    }

    private static String nameContains(String alias, SearchTerm term) {
        return switch (term.nameMatch()) {
            case EXACT_CASE -> alias + ".name LIKE :search_name ESCAPE '\\'";
            case ANY_CASE -> alias + ".name ILIKE :search_name ESCAPE '\\'";
            case LOWER_CASED -> "LOWER(" + alias + ".name) LIKE :search_name ESCAPE '\\'";
        };
    }
}
