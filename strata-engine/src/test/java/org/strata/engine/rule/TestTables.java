package org.strata.engine.rule;

import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds feature tables from boxed values (null = missing) for tests. */
public final class TestTables {

    private TestTables() {
    }

    public static NumberColumn numbers(Double... values) {
        double[] v = new double[values.length];
        BitSet nulls = new BitSet();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls.set(i);
                v[i] = Double.NaN; // garbage under a null must never leak into a result
            } else {
                v[i] = values[i];
            }
        }
        return new NumberColumn(v, nulls);
    }

    public static TextColumn texts(String... values) {
        return new TextColumn(values.clone());
    }

    public static BooleanColumn booleans(Boolean... values) {
        BitSet bits = new BitSet();
        BitSet nulls = new BitSet();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls.set(i);
            } else if (values[i]) {
                bits.set(i);
            }
        }
        return new BooleanColumn(values.length, bits, nulls);
    }

    public static DateColumn dates(LocalDate... values) {
        int[] days = new int[values.length];
        BitSet nulls = new BitSet();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls.set(i);
            } else {
                days[i] = (int) values[i].toEpochDay();
            }
        }
        return new DateColumn(days, nulls);
    }

    public static TagColumn tags(List<Set<String>> tagsByRow) {
        Map<String, BitSet> rows = new HashMap<>();
        for (int i = 0; i < tagsByRow.size(); i++) {
            for (String tag : tagsByRow.get(i)) {
                rows.computeIfAbsent(tag, t -> new BitSet()).set(i);
            }
        }
        return new TagColumn(tagsByRow.size(), rows);
    }

    public static FeatureTable table(Map<String, Column> columns) {
        int size = columns.values().iterator().next().size();
        String[] ids = new String[size];
        for (int i = 0; i < size; i++) {
            ids[i] = "c" + i;
        }
        return new FeatureTable(ids, new LinkedHashMap<>(columns));
    }

    /**
     * Four customers as of {@code asOf}: 0, a recent big spender tagged vip; 1, lapsed, unknown whether a company;
     * 2, never ordered (no recency, no dates, zero frequency); 3, a company tagged vip and key_account.
     */
    public static Map<String, Column> sampleCustomers(LocalDate asOf) {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("recency_days", numbers(3.0, 200.0, null, 30.0));
        columns.put("frequency", numbers(12.0, 2.0, 0.0, 5.0));
        columns.put("monetary", numbers(56000.0, 800.0, 0.0, 10000.0));
        columns.put("region", texts("华东", "华南", null, "华东-上海"));
        columns.put("is_company", booleans(false, null, false, true));
        columns.put("last_order_date", dates(asOf.minusDays(3), asOf.minusDays(200), null, asOf.minusDays(30)));
        columns.put("first_order_date", dates(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1), null,
                LocalDate.of(2026, 6, 1)));
        columns.put("tags", tags(List.of(Set.of("vip"), Set.of(), Set.of("blocked"), Set.of("vip", "key_account"))));
        return columns;
    }
}
