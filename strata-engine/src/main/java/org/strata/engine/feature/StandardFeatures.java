package org.strata.engine.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one catalog of Strata's features: every column {@link FeatureComputer} makes and every column a model adds, with
 * name, type, unit, zh/en label and description. The rule language, the API and the UI read their names and labels
 * from here.
 *
 * <p>Time: an as-of date D means "at the start of day D in the business time zone". Orders on or after D are ignored.
 * A trailing window of w days holds the days D-w .. D-1, so an order exactly w days before D is inside it (and then
 * {@code recency_days = w}: {@code orders_30d > 0} exactly when {@code recency_days <= 30}). The window before it
 * holds D-2w .. D-w-1.
 */
public final class StandardFeatures {

    /** Trailing window lengths in days. */
    public static final int[] WINDOWS = {30, 90, 365};

    public static final FeatureDefinition RECENCY_DAYS = number("recency_days", "days", "最近购买距今天数",
            "Days since last purchase", "Days from the last purchase day to the as-of date; empty without a purchase.");
    public static final FeatureDefinition FREQUENCY = number("frequency", "orders", "购买次数", "Purchases",
            "Number of purchases before the as-of date (cancelled and pending orders do not count; orders on the same "
                    + "day count separately).");
    public static final FeatureDefinition MONETARY = number("monetary", "CNY", "消费金额", "Net spend",
            "Sum of purchase amounts minus refunds and returns.");
    public static final FeatureDefinition AVG_ORDER_VALUE = number("avg_order_value", "CNY", "客单价",
            "Average order value", "Net spend divided by purchases; empty without a purchase.");
    public static final FeatureDefinition TENURE_DAYS = number("tenure_days", "days", "客户时长", "Tenure",
            "Days from the earlier of the created date and the first purchase to the as-of date.");
    public static final FeatureDefinition FIRST_ORDER_DATE = date("first_order_date", "首次购买日期",
            "First purchase date", "Day of the first purchase.");
    public static final FeatureDefinition LAST_ORDER_DATE = date("last_order_date", "最近购买日期",
            "Last purchase date", "Day of the last purchase before the as-of date.");
    public static final FeatureDefinition MARGIN = number("margin", "CNY", "毛利", "Margin",
            "Net spend minus cost of goods; empty when the cost of any purchase is unknown.");
    public static final FeatureDefinition REFUND_AMOUNT = number("refund_amount", "CNY", "退款金额", "Refunds",
            "Value refunded on purchases plus the value of returns.");
    public static final FeatureDefinition REFUND_COUNT = number("refund_count", "refunds", "退款次数",
            "Refund count", "Purchases with a refund plus returns.");
    public static final FeatureDefinition AVG_INTERVAL_DAYS = number("avg_interval_days", "days", "平均购买间隔",
            "Average days between purchases", "Mean number of days between consecutive purchase days "
                    + "(= (last - first) / (purchase days - 1)); empty with fewer than two purchase days.");
    public static final FeatureDefinition PURCHASE_DAYS = number("purchase_days", "days", "购买天数",
            "Purchase days", "Number of distinct days with a purchase (several orders on one day are one day).");
    public static final FeatureDefinition LAST_GAP_DAYS = number("last_gap_days", "days", "最近两次购买间隔",
            "Gap before last purchase", "Days between the last two purchase days; empty with fewer than two. A "
                    + "long gap followed by a purchase marks a reactivated customer.");
    public static final FeatureDefinition REGION = text("region", "地区", "Region", "Customer's region.");
    public static final FeatureDefinition INDUSTRY = text("industry", "行业", "Industry", "Customer's industry.");
    public static final FeatureDefinition OWNER = text("owner", "负责人", "Owner", "Account owner (sales rep).");
    public static final FeatureDefinition CUSTOMER_TYPE = text("customer_type", "客户类型", "Customer type",
            "Type of customer, e.g. distributor, end customer, individual.");
    public static final FeatureDefinition TAGS = new FeatureDefinition("tags", FeatureType.TAGS, "", "标签", "Tags",
            "Tags the customer carries; test with has_tag('x').");

    public static final FeatureDefinition R_SCORE = number("r_score", "score", "R 评分", "R score",
            "Recency score 1..k (k = bins); higher = more recent.");
    public static final FeatureDefinition F_SCORE = number("f_score", "score", "F 评分", "F score",
            "Frequency score 1..k; higher = more purchases.");
    public static final FeatureDefinition M_SCORE = number("m_score", "score", "M 评分", "M score",
            "Monetary score 1..k; higher = more spend.");
    public static final FeatureDefinition RFM_SEGMENT = text("rfm_segment", "RFM 分群", "RFM segment",
            "Segment of the RFM segment map (champions, loyal_customers, ...).");
    public static final FeatureDefinition RFM8_CLASS = text("rfm8_class", "RFM 八类客户", "RFM 8 classes",
            "Class of the Chinese 8-class RFM scheme (important_value, ...).");
    public static final FeatureDefinition ABC_CLASS = text("abc_class", "ABC 分类", "ABC class",
            "A, B or C by cumulative share of revenue or margin.");
    public static final FeatureDefinition PYRAMID_LEVEL = text("pyramid_level", "客户金字塔层级", "Pyramid level",
            "Level of the customer pyramid by value rank (top, large, medium, small, inactive).");
    public static final FeatureDefinition LIFECYCLE_STAGE = text("lifecycle_stage", "生命周期阶段",
            "Lifecycle stage", "prospect, new, active, mature, dormant, churned or reactivated.");
    public static final FeatureDefinition VALUE_MATRIX = text("value_matrix", "价值矩阵象限", "Value matrix quadrant",
            "star, cash_cow, question or dog by value and difficulty.");

    private static final Map<String, String> EVENT_PLURALS = Map.of("login", "logins", "visit", "visits",
            "ticket", "tickets");
    private static final Map<String, String[]> EVENT_LABELS = Map.of("login", new String[] {"登录次数", "Logins"},
            "visit", new String[] {"访问次数", "Visits"}, "ticket", new String[] {"工单数", "Support tickets"});

    private StandardFeatures() {
    }

    /** Features computed from orders, in the column order of a feature table. */
    public static List<FeatureDefinition> orderFeatures() {
        List<FeatureDefinition> list = new ArrayList<>(List.of(RECENCY_DAYS, FREQUENCY, MONETARY, AVG_ORDER_VALUE,
                TENURE_DAYS, FIRST_ORDER_DATE, LAST_ORDER_DATE, MARGIN, REFUND_AMOUNT, REFUND_COUNT,
                AVG_INTERVAL_DAYS, PURCHASE_DAYS, LAST_GAP_DAYS));
        for (int days : WINDOWS) {
            list.add(number("orders_" + days + "d", "orders", "近" + days + "天购买次数", "Purchases, last " + days
                    + " days", "Purchases in the " + days + " days before the as-of date."));
            list.add(number("orders_prev_" + days + "d", "orders", "前一" + days + "天购买次数", "Purchases, previous "
                    + days + " days", "Purchases in the " + days + " days before the last " + days + " days."));
            list.add(number("monetary_" + days + "d", "CNY", "近" + days + "天消费金额", "Net spend, last " + days
                    + " days", "Net spend (purchases minus refunds and returns) in the last " + days + " days."));
            list.add(number("monetary_prev_" + days + "d", "CNY", "前一" + days + "天消费金额", "Net spend, previous "
                    + days + " days", "Net spend in the " + days + " days before the last " + days + " days."));
        }
        return list;
    }

    /** Customer attributes (present when the customers themselves were loaded, not only their ids). */
    public static List<FeatureDefinition> attributeFeatures() {
        return List.of(REGION, INDUSTRY, OWNER, CUSTOMER_TYPE, TAGS);
    }

    /** Columns the models add to a feature table. */
    public static List<FeatureDefinition> modelOutputs() {
        return List.of(R_SCORE, F_SCORE, M_SCORE, RFM_SEGMENT, RFM8_CLASS, ABC_CLASS, PYRAMID_LEVEL,
                LIFECYCLE_STAGE, VALUE_MATRIX);
    }

    /** Event counts for the standard types, the ones every table computed with an events source has. */
    public static List<FeatureDefinition> standardEventFeatures() {
        List<FeatureDefinition> list = new ArrayList<>();
        for (String type : org.strata.engine.data.EventColumns.STANDARD_TYPES) {
            for (int days : WINDOWS) {
                list.add(eventCount(type, days));
            }
        }
        return list;
    }

    /** Every fixed feature: order features, standard event counts, attributes and model outputs. */
    public static List<FeatureDefinition> all() {
        List<FeatureDefinition> list = new ArrayList<>(orderFeatures());
        list.addAll(standardEventFeatures());
        list.addAll(attributeFeatures());
        list.addAll(modelOutputs());
        return list;
    }

    public static Optional<FeatureDefinition> find(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The count of events of {@code type} in the trailing window of {@code days}: logins_30d, visits_90d ... */
    public static FeatureDefinition eventCount(String type, int days) {
        String base = EVENT_PLURALS.getOrDefault(type, slug(type) + "_events");
        String[] labels = EVENT_LABELS.getOrDefault(type, new String[] {type + " 事件数", type + " events"});
        return number(base + "_" + days + "d", "events", "近" + days + "天" + labels[0],
                labels[1] + ", last " + days + " days",
                "Events of type '" + type + "' in the " + days + " days before the as-of date.");
    }

    /** A custom field of the customers, named {@code cf_<slug>} so it can never shadow a standard feature. */
    public static FeatureDefinition customField(String field, FeatureType type) {
        return new FeatureDefinition("cf_" + slug(field), type, "", field, field,
                "Custom field '" + field + "' of the customer record.");
    }

    /** Lower snake case made of ASCII letters and digits; other characters become their code point in hex. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        for (int cp : text.strip().toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                out.append((char) cp);
            } else if (cp < 128) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
            } else {
                // keeps Chinese field names distinct and stable (客户等级 -> u5ba2_u6237_...) instead of collapsing them
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append('u').append(Integer.toHexString(cp)).append('_');
            }
        }
        String s = out.toString().replaceAll("_+$", "");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "f_" + s : s;
    }

    /** Definitions by name, in order. */
    public static Map<String, FeatureDefinition> byName(List<FeatureDefinition> definitions) {
        Map<String, FeatureDefinition> map = new LinkedHashMap<>();
        definitions.forEach(d -> map.put(d.name(), d));
        return map;
    }

    private static FeatureDefinition number(String name, String unit, String zh, String en, String description) {
        return new FeatureDefinition(name, FeatureType.NUMBER, unit, zh, en, description);
    }

    private static FeatureDefinition text(String name, String zh, String en, String description) {
        return new FeatureDefinition(name, FeatureType.TEXT, "", zh, en, description);
    }

    private static FeatureDefinition date(String name, String zh, String en, String description) {
        return new FeatureDefinition(name, FeatureType.DATE, "", zh, en, description);
    }
}
