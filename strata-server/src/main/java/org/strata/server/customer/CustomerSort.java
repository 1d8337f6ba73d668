package org.strata.server.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the customer list is ordered. The request names a field from a fixed whitelist; the SQL comes from the enum,
 * never from the request text, so a sort parameter cannot inject SQL. The customer id always breaks ties, which
 * keeps pages stable when many customers share a value (e.g. order_count = 0).
 */
public record CustomerSort(Field field, boolean descending) {

    public static final CustomerSort DEFAULT = new CustomerSort(Field.CREATED_AT, true);

    public enum Field {
        NAME("name", "c.name", false),
        CREATED_AT("created_at", "c.created_at", false),
        // The order figures live in customer_figures, joined as f (V12). Customers who never ordered count as having
        // ordered longest ago (see the index in V12).
        LAST_ORDER_AT("last_order_at", "f.last_order_at", true),
        TOTAL_SPENT("total_spent", "f.total_spent", false),
        ORDER_COUNT("order_count", "f.order_count", false);

        private final String parameter;
        private final String column;
        private final boolean nullsOldest;

        Field(String parameter, String column, boolean nullsOldest) {
            this.parameter = parameter;
            this.column = column;
            this.nullsOldest = nullsOldest;
        }

        public String parameter() {
            return parameter;
        }

        static String allowed() {
            return Arrays.stream(values()).map(Field::parameter).collect(Collectors.joining(", "));
        }
    }

    /**
     * Parses {@code field}, {@code field,asc}, {@code field,desc} or {@code -field} (descending).
     *
     * @throws InvalidCustomerQueryException naming the allowed fields and directions
     */
    public static CustomerSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String spec = text.trim();
        boolean descending = false;
        if (spec.startsWith("-")) {
            descending = true;
            spec = spec.substring(1);
        }
        String[] parts = spec.split(",", -1);
        if (parts.length > 2) {
            throw invalid(text);
        }
        if (parts.length == 2) {
            switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw invalid(text);
            }
        }
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        for (Field field : Field.values()) {
            if (field.parameter.equals(name)) {
                return new CustomerSort(field, descending);
            }
        }
        throw invalid(text);
    }

    private static InvalidCustomerQueryException invalid(String text) {
        return new InvalidCustomerQueryException("sort", "sort '" + text + "' is not supported: use one of "
                + Field.allowed() + ", optionally followed by ',asc' or ',desc' (e.g. total_spent,desc)");
    }

    /** The ORDER BY clause, built only from the enum's constants. */
    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        String nulls = !field.nullsOldest ? "" : descending ? " NULLS LAST" : " NULLS FIRST";
        return field.column + direction + nulls + ", c.id" + direction;
    }

    /** Renders the sort back as the request parameter, for the response. */
    public String parameter() {
        return field.parameter + (descending ? ",desc" : ",asc");
    }
}
