package org.strata.engine.rule;

import org.strata.engine.feature.FeatureType;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random data sets and random well-typed rules over them, for the differential and round-trip tests. Constants are
 * often taken from the data so that equality and the ends of {@code between} are hit, and values stay in a range
 * where no arithmetic overflows (PostgreSQL raises an error on double overflow and underflow, Java does not).
 */
public final class RandomRules {

    public static final FeatureCatalog CATALOG = FeatureCatalog.of(
            TestFeatures.feature("n1", FeatureType.NUMBER, "", "数一", "Number one"),
            TestFeatures.feature("n2", FeatureType.NUMBER, "", "数二", "Number two"),
            TestFeatures.feature("n3", FeatureType.NUMBER, "", "数三", "Number three"),
            TestFeatures.feature("t1", FeatureType.TEXT, "", "文一", "Text one"),
            TestFeatures.feature("t2", FeatureType.TEXT, "", "文二", "Text two"),
            TestFeatures.feature("b1", FeatureType.BOOLEAN, "", "真一", "Flag one"),
            TestFeatures.feature("b2", FeatureType.BOOLEAN, "", "真二", "Flag two"),
            TestFeatures.feature("d1", FeatureType.DATE, "", "日一", "Date one"),
            TestFeatures.feature("d2", FeatureType.DATE, "", "日二", "Date two"),
            TestFeatures.feature("tags", FeatureType.TAGS, "", "标签", "Tags"));

    private static final String[] NUMBERS = {"n1", "n2", "n3"};
    private static final String[] TEXTS = {"t1", "t2"};
    private static final String[] FLAGS = {"b1", "b2"};
    private static final String[] DATES = {"d1", "d2"};
    private static final double[] NUMBER_POOL = {0, 1, 2, 3, 5, 10, 30, 100, 0.5, 0.25, 0.1, 0.2, 0.3, 2.5, 199.75,
        -1, -7.5, -0.0, 1e-3, 64};
    private static final String[] TEXT_POOL = {"华东", "华南", "华东-上海", "a", "A", "ab", "a%", "_x", "", "O'Reilly",
        "x\\y", "a\nb", "%", "b_", "a!b", "!%"};
    private static final String[] TAG_POOL = {"vip", "new", "b2b", "x' or '1'='1"};

    private final Random random;
    private final FeatureTable table;
    private final LocalDate asOf;

    public RandomRules(Random random, FeatureTable table, LocalDate asOf) {
        this.random = random;
        this.table = table;
        this.asOf = asOf;
    }

    // ---- data ------------------------------------------------------------------------------------------------

    public static FeatureTable randomTable(Random random, LocalDate asOf) {
        int[] sizes = {0, 1, 2, 63, 64, 65, 130};
        int rows = random.nextInt(4) == 0 ? sizes[random.nextInt(sizes.length)] : 1 + random.nextInt(300);
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : NUMBERS) {
            double nullRatio = nullRatio(random);
            Double[] values = new Double[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = random.nextDouble() < nullRatio ? null : random.nextInt(3) == 0
                        ? NUMBER_POOL[random.nextInt(NUMBER_POOL.length)] : (double) (random.nextInt(221) - 20);
            }
            columns.put(name, TestTables.numbers(values));
        }
        for (String name : TEXTS) {
            double nullRatio = nullRatio(random);
            String[] values = new String[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = random.nextDouble() < nullRatio ? null : TEXT_POOL[random.nextInt(TEXT_POOL.length)];
            }
            columns.put(name, TestTables.texts(values));
        }
        for (String name : FLAGS) {
            double nullRatio = nullRatio(random);
            Boolean[] values = new Boolean[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = random.nextDouble() < nullRatio ? null : random.nextBoolean();
            }
            columns.put(name, TestTables.booleans(values));
        }
        for (String name : DATES) {
            double nullRatio = nullRatio(random);
            LocalDate[] values = new LocalDate[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = random.nextDouble() < nullRatio ? null : asOf.minusDays(random.nextInt(400) - 30);
            }
            columns.put(name, TestTables.dates(values));
        }
        List<Set<String>> tags = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Set<String> set = new java.util.HashSet<>();
            for (String tag : TAG_POOL) {
                if (random.nextInt(3) == 0) {
                    set.add(tag);
                }
            }
            tags.add(set);
        }
        columns.put("tags", TestTables.tags(tags));
        return TestTables.table(columns);
    }

    private static double nullRatio(Random random) {
        double[] ratios = {0, 0, 0.05, 0.2, 0.5, 0.9, 1};
        return ratios[random.nextInt(ratios.length)];
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    public Expr condition(int depth) {
        int choice = random.nextInt(depth <= 0 ? 9 : 14);
        return switch (choice) {
            case 0 -> new Expr.Comparison(operator(true), number(2), random.nextBoolean() ? numberConstant() : number(2));
            case 1 -> new Expr.Comparison(operator(true), date(1), random.nextBoolean() ? dateConstant() : date(1));
            case 2 -> new Expr.Comparison(random.nextBoolean() ? ComparisonOperator.EQUAL : ComparisonOperator.NOT_EQUAL,
                    text(), random.nextBoolean() ? textConstant() : text());
            case 3 -> random.nextInt(5) == 0 ? new Expr.BooleanLiteral(random.nextBoolean()) : flag();
            case 4 -> in(depth);
            case 5 -> between();
            case 6 -> new Expr.IsNull(anyValue(depth), random.nextBoolean());
            case 7 -> new Expr.TextMatch(random.nextBoolean() ? TextMatchOperator.CONTAINS : TextMatchOperator.STARTS_WITH,
                    text(), pattern());
            case 8 -> hasTag();
            case 9, 10 -> new Expr.Logical(LogicalOperator.AND, condition(depth - 1), condition(depth - 1));
            case 11 -> new Expr.Logical(LogicalOperator.OR, condition(depth - 1), condition(depth - 1));
            case 12 -> new Expr.Not(condition(depth - 1));
            default -> random.nextBoolean()
                    ? new Expr.Comparison(random.nextBoolean() ? ComparisonOperator.EQUAL : ComparisonOperator.NOT_EQUAL,
                    condition(depth - 1), condition(depth - 1))
                    : new Expr.Call(Function.COALESCE, List.of(condition(depth - 1), condition(depth - 1)));
        };
    }

    private ComparisonOperator operator(boolean ordered) {
        ComparisonOperator[] operators = ComparisonOperator.values();
        return ordered ? operators[random.nextInt(operators.length)]
                : random.nextBoolean() ? ComparisonOperator.EQUAL : ComparisonOperator.NOT_EQUAL;
    }

    private Expr in(int depth) {
        boolean negated = random.nextBoolean();
        int count = 1 + random.nextInt(4);
        List<Expr> candidates = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < count; i++) {
                    candidates.add(numberConstant());
                }
                return new Expr.In(number(1), candidates, negated);
            }
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    candidates.add(textConstant());
                }
                return new Expr.In(text(), candidates, negated);
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    candidates.add(new Expr.DateLiteral(dateFromData()));
                }
                return new Expr.In(date(0), candidates, negated);
            }
            default -> {
                candidates.add(new Expr.BooleanLiteral(random.nextBoolean()));
                if (random.nextBoolean()) {
                    candidates.add(new Expr.BooleanLiteral(random.nextBoolean()));
                }
                return new Expr.In(depth > 0 && random.nextBoolean() ? condition(depth - 1) : flag(), candidates,
                        negated);
            }
        }
    }

    private Expr between() {
        Expr between = random.nextBoolean()
                ? new Expr.Between(number(1), random.nextInt(4) == 0 ? number(0) : numberConstant(), numberConstant())
                : new Expr.Between(date(1), dateConstant(), random.nextInt(4) == 0 ? date(0) : dateConstant());
        return random.nextInt(3) == 0 ? new Expr.Not(between) : between;
    }

    private Expr anyValue(int depth) {
        return switch (random.nextInt(4)) {
            case 0 -> number(2);
            case 1 -> date(1);
            case 2 -> text();
            default -> depth > 0 ? condition(depth - 1) : flag();
        };
    }

    public Expr number(int depth) {
        if (depth <= 0) {
            return random.nextInt(3) == 0 ? numberConstant() : new Expr.Feature(pick(NUMBERS));
        }
        return switch (random.nextInt(12)) {
            case 0, 1 -> new Expr.Feature(pick(NUMBERS));
            case 2 -> numberConstant();
            case 3 -> new Expr.Negate(number(depth - 1));
            case 4, 5, 6 -> new Expr.Arithmetic(ArithmeticOperator.values()[random.nextInt(4)], number(depth - 1),
                    number(depth - 1));
            case 7 -> new Expr.Call(Function.ABS, List.of(number(depth - 1)));
            case 8 -> new Expr.Call(random.nextBoolean() ? Function.MIN : Function.MAX,
                    List.of(number(depth - 1), number(depth - 1)));
            case 9 -> new Expr.Call(Function.COALESCE, List.of(number(depth - 1), number(depth - 1)));
            case 10 -> new Expr.Call(Function.DAYS_SINCE, List.of(date(0)));
            default -> new Expr.Call(Function.DAYS_BETWEEN, List.of(date(0), date(0)));
        };
    }

    public Expr date(int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 6);
        return switch (choice) {
            case 0, 1 -> new Expr.Feature(pick(DATES));
            case 2 -> dateConstant();
            case 3 -> new Expr.Arithmetic(random.nextBoolean() ? ArithmeticOperator.ADD : ArithmeticOperator.SUBTRACT,
                    date(depth - 1), dayCount());
            case 4 -> new Expr.Call(Function.TODAY, List.of());
            default -> new Expr.Call(Function.COALESCE, List.of(date(depth - 1), date(depth - 1)));
        };
    }

    private Expr dayCount() {
        int days = random.nextInt(61) - 30;
        return days < 0 ? new Expr.Negate(new Expr.NumberLiteral(-days)) : new Expr.NumberLiteral(days);
    }

    private Expr text() {
        return switch (random.nextInt(5)) {
            case 0 -> textConstant();
            case 1 -> new Expr.Call(Function.COALESCE, List.of(new Expr.Feature(pick(TEXTS)), textConstant()));
            default -> new Expr.Feature(pick(TEXTS));
        };
    }

    private Expr flag() {
        return new Expr.Feature(pick(FLAGS));
    }

    private Expr hasTag() {
        String tag = random.nextInt(6) == 0 ? "nobody" : TAG_POOL[random.nextInt(TAG_POOL.length)];
        return random.nextBoolean() ? new Expr.Call(Function.HAS_TAG, List.of(new Expr.TextLiteral(tag)))
                : new Expr.Call(Function.HAS_TAG, List.of(new Expr.Feature("tags"), new Expr.TextLiteral(tag)));
    }

    /** A number that occurs in the data more often than not, so = and the ends of ranges are hit. */
    private Expr numberConstant() {
        double value = NUMBER_POOL[random.nextInt(NUMBER_POOL.length)];
        if (random.nextInt(3) > 0 && table.size() > 0) {
            NumberColumn column = (NumberColumn) table.column(pick(NUMBERS));
            int row = random.nextInt(table.size());
            if (!column.isNull(row)) {
                value = column.values()[row];
            }
        }
        return literal(value);
    }

    /** Parsed number literals are never negative: a minus sign is a Negate node, so generate the same shape. */
    public static Expr literal(double value) {
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative ? new Expr.Negate(new Expr.NumberLiteral(-value)) : new Expr.NumberLiteral(value);
    }

    private Expr textConstant() {
        String value = TEXT_POOL[random.nextInt(TEXT_POOL.length)];
        if (random.nextBoolean() && table.size() > 0) {
            String fromData = ((TextColumn) table.column(pick(TEXTS))).values()[random.nextInt(table.size())];
            value = fromData != null ? fromData : value;
        }
        return new Expr.TextLiteral(value);
    }

    private String pattern() {
        String value = TEXT_POOL[random.nextInt(TEXT_POOL.length)];
        return value.isEmpty() || random.nextBoolean() ? value : value.substring(random.nextInt(value.length()));
    }

    private Expr dateConstant() {
        return switch (random.nextInt(4)) {
            case 0 -> new Expr.Call(Function.TODAY, List.of());
            case 1 -> new Expr.Arithmetic(ArithmeticOperator.SUBTRACT, new Expr.Call(Function.TODAY, List.of()),
                    new Expr.NumberLiteral(random.nextInt(100)));
            default -> new Expr.DateLiteral(dateFromData());
        };
    }

    private LocalDate dateFromData() {
        if (table.size() > 0) {
            DateColumn column = (DateColumn) table.column(pick(DATES));
            int row = random.nextInt(table.size());
            if (!column.isNull(row)) {
                return LocalDate.ofEpochDay(column.epochDays()[row]);
            }
        }
        return asOf.minusDays(random.nextInt(400) - 30);
    }

    private String pick(String[] names) {
        return names[random.nextInt(names.length)];
    }

    /** How each row's features read, for a failure message. */
    public static String describeRow(FeatureTable table, int row) {
        Map<String, Object> values = new HashMap<>();
        for (var entry : table.columns().entrySet()) {
            Column column = entry.getValue();
            Object value;
            if (column instanceof NumberColumn n) {
                value = n.isNull(row) ? null : n.values()[row];
            } else if (column instanceof TextColumn t) {
                value = t.values()[row];
            } else if (column instanceof DateColumn d) {
                value = d.isNull(row) ? null : LocalDate.ofEpochDay(d.epochDays()[row]);
            } else if (column instanceof org.strata.engine.table.BooleanColumn b) {
                value = b.isNull(row) ? null : b.values().get(row);
            } else {
                org.strata.engine.table.TagColumn tags = (org.strata.engine.table.TagColumn) column;
                List<String> carried = new ArrayList<>();
                tags.rowsByTag().forEach((tag, rows) -> {
                    if (rows.get(row)) {
                        carried.add(tag);
                    }
                });
                value = carried;
            }
            values.put(entry.getKey(), value);
        }
        return "row " + row + " " + new java.util.TreeMap<>(values);
    }

    public static BitSet difference(BitSet a, BitSet b) {
        BitSet diff = (BitSet) a.clone();
        diff.xor(b);
        return diff;
    }
}
