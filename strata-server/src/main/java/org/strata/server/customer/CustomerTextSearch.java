package org.strata.server.customer;

import org.springframework.stereotype.Component;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;

import java.util.List;
import java.util.Map;

/**
 * The condition "this customer matches the search text" of the customer lists (API and console) and their exports:
 * the name contains the text, or an identifier or the external id equals it. The three are a union of separate
 * lookups rather than one OR, because each has its own index and an OR over them would read every customer.
 * <p>
 * On PostgreSQL the name lookup first narrows the names to those holding every character of the text through
 * {@code customers_name_characters_idx} (V14), which serves the one- and two-character searches Chinese users type
 * ("张", "张伟") as well as long ones; the LIKE that follows decides, so what matches is exactly what the LIKE alone
 * matched. H2 has no such index and reads the names.
 */
@Component
public class CustomerTextSearch {

    /** A condition over {@code customers c}, with its named parameters. */
    public record Condition(String sql, Map<String, Object> params) {
    }

    private final boolean characterIndex;

    public CustomerTextSearch(SqlDialect dialect) {
        this.characterIndex = dialect instanceof PostgresDialect;
    }

    /** @param alias the alias of {@code customers} in the caller's query */
    public Condition matching(String alias, SearchTerm term) {
        String name = switch (term.nameMatch()) {
            case EXACT_CASE -> "s.name LIKE :search_name ESCAPE '\\'";
            case ANY_CASE -> "s.name ILIKE :search_name ESCAPE '\\'";
            case LOWER_CASED -> "LOWER(s.name) LIKE :search_name ESCAPE '\\'";
        };
        if (characterIndex) {
            // Necessary for every match: ILIKE compares lower(name) with lower(text) character by character, so a name
            // that matches holds every character of lower(text). The expression is the index's (V14), letter for letter.
            name += " AND string_to_array(lower(s.name), NULL) @> string_to_array(lower(:search_characters), NULL)";
        }
        String sql = alias + ".id IN (SELECT s.id FROM customers s WHERE " + name
                + " UNION SELECT ci.customer_id FROM customer_identifiers ci WHERE ci.id_value IN (:search_values)"
                + " UNION SELECT e.id FROM customers e WHERE e.external_id = :search_raw)";
        return new Condition(sql, Map.of("search_name", term.namePattern(), "search_characters", term.nameText(),
                "search_values", List.copyOf(term.identifierValues()), "search_raw", term.raw()));
    }
}
