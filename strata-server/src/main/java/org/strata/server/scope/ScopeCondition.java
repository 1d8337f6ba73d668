package org.strata.server.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A piece of SQL for a WHERE clause with its named parameters (values are always bound, never concatenated). */
public record ScopeCondition(String sql, Map<String, Object> params) {

    private static final Pattern PARAMETER = Pattern.compile(":(scope_[a-z_]+)");

    public ScopeCondition {
        params = Map.copyOf(params);
    }

    /** The condition of a caller who may see every customer. */
    public static ScopeCondition everything() {
        return new ScopeCondition("1 = 1", Map.of());
    }

    /** The condition of a caller who may see no customer (no person behind a web request, say). */
    public static ScopeCondition nothing() {
        return new ScopeCondition("1 = 0", Map.of());
    }

    public boolean isEverything() {
        return params.isEmpty() && sql.equals("1 = 1");
    }

    /**
     * The same condition with {@code ?} placeholders, for queries written with positional parameters: each
     * {@code :scope_x} becomes one {@code ?} (a collection as many as it has values) and {@code args} lists the
     * values in order. Splice {@code sql} where the condition goes and its args at the same place in yours.
     */
    public Positional positional() {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(this.sql);
        while (matcher.find()) {
            Object value = params.get(matcher.group(1));
            String placeholders;
            if (value instanceof Collection<?> values) {
                args.addAll(values);
                placeholders = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
            } else {
                args.add(value);
                placeholders = "?";
            }
            matcher.appendReplacement(sql, placeholders);
        }
        matcher.appendTail(sql);
        return new Positional(sql.toString(), List.copyOf(args));
    }

    public record Positional(String sql, List<Object> args) {
    }
}
