package org.strata.engine.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerColumns.Attribute;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.EventColumns;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.data.OrderStatus;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

class FeatureComputerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    static double number(FeatureTable table, String feature, int row) {
        NumberColumn column = (NumberColumn) table.column(feature);
        assertThat(column.isNull(row)).as(feature + " of row " + row + " is null").isFalse();
        return column.values()[row];
    }

    static boolean isNull(FeatureTable table, String feature, int row) {
        return table.column(feature).isNull(row);
    }

    static LocalDate date(FeatureTable table, String feature, int row) {
        DateColumn column = (DateColumn) table.column(feature);
        return column.isNull(row) ? null : LocalDate.ofEpochDay(column.epochDays()[row]);
    }

    /** Features of customers known only by id, as of {@link #AS_OF}. */
    static FeatureTable features(CustomerIndex index, OrderColumns orders) {
        return FeatureComputer.compute(CustomerColumns.idsOnly(index), orders, null, AS_OF, SHANGHAI);
    }

    /** Customer a: three purchases, one refunded in part, one cancelled, one return; b: none; c: one purchase. */
    static FeatureTable sample() {
        CustomerIndex index = new CustomerIndex();
        int a = index.add("a");
        int b = index.add("b");
        int c = index.add("c");
        OrderColumns orders = OrderColumns.builder()
                .add(a, AS_OF.minusDays(100), 200, 120, 0, OrderStatus.COMPLETED)
                .add(a, AS_OF.minusDays(40), 100, 60, 30, OrderStatus.REFUNDED)
                .add(a, AS_OF.minusDays(10), 50, 20, 0, OrderStatus.COMPLETED)
                .add(a, AS_OF.minusDays(5), 999, Double.NaN, 0, OrderStatus.CANCELLED)
                .add(a, AS_OF.minusDays(3), 0, Double.NaN, 15, OrderStatus.RETURN)
                .add(a, AS_OF.minusDays(8), 999, Double.NaN, 0, OrderStatus.PENDING)
                .add(c, AS_OF.minusDays(400), 80, Double.NaN, 0, OrderStatus.COMPLETED)
                .add(a, AS_OF, 777, 1, 0, OrderStatus.COMPLETED) // on the as-of day: not yet counted
                .build();
        return features(index, orders);
    }

    @Test
    void recencyFrequencyAndMonetaryCountOnlyPurchasesBeforeTheAsOfDay() {
        FeatureTable table = sample();
        assertThat(number(table, "recency_days", 0)).isEqualTo(10);
        assertThat(number(table, "frequency", 0)).isEqualTo(3);
        // 200 + (100 - 30) + 50 - 15 (return)
        assertThat(number(table, "monetary", 0)).isEqualTo(305);
        assertThat(number(table, "avg_order_value", 0)).isEqualTo(305.0 / 3);
        assertThat(date(table, "first_order_date", 0)).isEqualTo(AS_OF.minusDays(100));
        assertThat(date(table, "last_order_date", 0)).isEqualTo(AS_OF.minusDays(10));
    }

    @Test
    void customerWithoutPurchaseHasNoRecencyButZeroFrequency() {
        FeatureTable table = sample();
        assertThat(isNull(table, "recency_days", 1)).isTrue();
        assertThat(number(table, "frequency", 1)).isZero();
        assertThat(number(table, "monetary", 1)).isZero();
        assertThat(isNull(table, "avg_order_value", 1)).isTrue();
        assertThat(isNull(table, "tenure_days", 1)).isTrue();
        assertThat(date(table, "first_order_date", 1)).isNull();
        assertThat(isNull(table, "margin", 1)).isTrue();
    }

    @Test
    void refundsCountRefundedPurchasesAndReturns() {
        FeatureTable table = sample();
        assertThat(number(table, "refund_amount", 0)).isEqualTo(45);
        assertThat(number(table, "refund_count", 0)).isEqualTo(2);
    }

    @Test
    void marginIsNetMinusCostAndUnknownWhenAnyPurchaseLacksCost() {
        FeatureTable table = sample();
        // (200 - 120) + (70 - 60) + (50 - 20)
        assertThat(number(table, "margin", 0)).isEqualTo(120);
        assertThat(isNull(table, "margin", 2)).isTrue();
    }

    @Test
    void intervalsUsePurchaseDays() {
        FeatureTable table = sample();
        assertThat(number(table, "purchase_days", 0)).isEqualTo(3);
        assertThat(number(table, "avg_interval_days", 0)).isEqualTo(45); // (100 - 10) / 2
        assertThat(number(table, "last_gap_days", 0)).isEqualTo(30);
        assertThat(isNull(table, "avg_interval_days", 2)).isTrue();
        assertThat(isNull(table, "last_gap_days", 2)).isTrue();
        assertThat(number(table, "tenure_days", 2)).isEqualTo(400);
    }

    @Test
    void trailingWindowsIncludeTheDayExactlyWindowDaysBeforeAsOf() {
        CustomerIndex index = new CustomerIndex();
        int x = index.add("x");
        OrderColumns orders = OrderColumns.builder()
                .purchase(x, AS_OF.minusDays(30), 10)   // in the last 30 days (recency 30)
                .purchase(x, AS_OF.minusDays(31), 20)   // in the 30 days before
                .purchase(x, AS_OF.minusDays(60), 40)   // still in the 30 days before
                .purchase(x, AS_OF.minusDays(61), 80)   // in neither 30-day window, in the last 90
                .purchase(x, AS_OF.minusDays(365), 160) // in the last 365
                .purchase(x, AS_OF.minusDays(366), 320) // in the 365 before
                .build();
        FeatureTable table = features(index, orders);
        assertThat(number(table, "recency_days", 0)).isEqualTo(30);
        assertThat(number(table, "orders_30d", 0)).isEqualTo(1);
        assertThat(number(table, "monetary_30d", 0)).isEqualTo(10);
        assertThat(number(table, "orders_prev_30d", 0)).isEqualTo(2);
        assertThat(number(table, "monetary_prev_30d", 0)).isEqualTo(60);
        assertThat(number(table, "orders_90d", 0)).isEqualTo(4);
        assertThat(number(table, "monetary_90d", 0)).isEqualTo(150);
        assertThat(number(table, "orders_365d", 0)).isEqualTo(5);
        assertThat(number(table, "orders_prev_365d", 0)).isEqualTo(1);
        assertThat(number(table, "monetary_prev_365d", 0)).isEqualTo(320);
    }

    @Test
    void sameDayOrdersAreSeparatePurchasesButOnePurchaseDay() {
        CustomerIndex index = new CustomerIndex();
        int x = index.add("x");
        OrderColumns orders = OrderColumns.builder()
                .purchase(x, AS_OF.minusDays(20), 10)
                .purchase(x, AS_OF.minusDays(20), 10)
                .purchase(x, AS_OF.minusDays(10), 10)
                .build();
        FeatureTable table = features(index, orders);
        assertThat(number(table, "frequency", 0)).isEqualTo(3);
        assertThat(number(table, "purchase_days", 0)).isEqualTo(2);
        assertThat(number(table, "avg_interval_days", 0)).isEqualTo(10);
    }

    @Test
    void ordersOutOfTimeOrderGiveTheSameIntervalsAsSortedOnes() {
        CustomerIndex index = new CustomerIndex();
        int x = index.add("x");
        int y = index.add("y");
        OrderColumns orders = OrderColumns.builder()
                .purchase(x, AS_OF.minusDays(5), 1)
                .purchase(y, AS_OF.minusDays(50), 1)
                .purchase(x, AS_OF.minusDays(60), 1)
                .purchase(x, AS_OF.minusDays(5), 1)
                .purchase(x, AS_OF.minusDays(25), 1)
                .purchase(y, AS_OF.minusDays(2), 1)
                .build();
        FeatureTable table = features(index, orders);
        assertThat(number(table, "purchase_days", 0)).isEqualTo(3);
        assertThat(number(table, "avg_interval_days", 0)).isEqualTo(27.5);
        assertThat(number(table, "last_gap_days", 0)).isEqualTo(20);
        assertThat(number(table, "last_gap_days", 1)).isEqualTo(48);
    }

    @Test
    void eventCountsExistForStandardTypesAndTypesPresent() {
        CustomerIndex index = new CustomerIndex();
        int x = index.add("x");
        EventColumns events = EventColumns.builder()
                .add(x, AS_OF.minusDays(1), "login")
                .add(x, AS_OF.minusDays(30), "Login")
                .add(x, AS_OF.minusDays(31), "login")
                .add(x, AS_OF.minusDays(200), "ticket")
                .add(x, AS_OF.minusDays(3), "email open")
                .add(x, AS_OF, "login") // the as-of day is not counted
                .build();
        FeatureTable table = FeatureComputer.compute(CustomerColumns.idsOnly(index), OrderColumns.builder().build(),
                events, AS_OF, SHANGHAI);
        assertThat(number(table, "logins_30d", 0)).isEqualTo(2);
        assertThat(number(table, "logins_90d", 0)).isEqualTo(3);
        assertThat(number(table, "tickets_90d", 0)).isZero();
        assertThat(number(table, "tickets_365d", 0)).isEqualTo(1);
        assertThat(number(table, "visits_30d", 0)).isZero();
        assertThat(number(table, "email_open_events_30d", 0)).isEqualTo(1);
        assertThat(FeatureComputer.definitions(CustomerColumns.idsOnly(index), events))
                .extracting(FeatureDefinition::name).contains("logins_30d", "visits_365d", "email_open_events_90d");
    }

    @Test
    void withoutEventsOrCustomerDataTheTableHasNoSuchColumns() {
        FeatureTable table = sample();
        assertThat(table.has("logins_30d")).isFalse();
        assertThat(table.has("region")).isFalse();
        assertThat(table.columns().keySet()).containsExactlyElementsOf(
                FeatureComputer.definitions(CustomerColumns.idsOnly(new CustomerIndex()), null).stream()
                        .map(FeatureDefinition::name).toList());
    }

    @Test
    void customerAttributesCustomFieldsAndTagsBecomeColumns() {
        CustomerIndex index = new CustomerIndex();
        CustomerColumns.Builder builder = CustomerColumns.builder(index);
        int a = builder.customer("a");
        int b = builder.customer("b");
        builder.attribute(a, Attribute.REGION, "华东").attribute(b, Attribute.INDUSTRY, "制造")
                .attribute(a, Attribute.OWNER, "li.na").attribute(b, Attribute.TYPE, "distributor")
                .customField(a, "credit limit", "¥1,000").customField(b, "credit limit", "250")
                .customField(a, "level", "gold").customField(b, "level", "7")
                .tag(a, "vip").tag(b, "vip").tag(b, "risk")
                .created(a, AS_OF.minusDays(500));
        int late = index.add("c"); // known only from orders
        OrderColumns orders = OrderColumns.builder().purchase(late, AS_OF.minusDays(3), 5).build();
        CustomerColumns customers = builder.build();
        FeatureTable table = FeatureComputer.compute(customers, orders, null, AS_OF, SHANGHAI);
        assertThat(((TextColumn) table.column("region")).values()).containsExactly("华东", null, null);
        assertThat(((TextColumn) table.column("industry")).values()).containsExactly(null, "制造", null);
        assertThat(((TextColumn) table.column("owner")).values()).containsExactly("li.na", null, null);
        assertThat(((TextColumn) table.column("customer_type")).values()).containsExactly(null, "distributor", null);
        assertThat(number(table, "cf_credit_limit", 0)).isEqualTo(1000);
        assertThat(number(table, "cf_credit_limit", 1)).isEqualTo(250);
        assertThat(isNull(table, "cf_credit_limit", 2)).isTrue();
        assertThat(((TextColumn) table.column("cf_level")).values()).containsExactly("gold", "7", null);
        TagColumn tags = (TagColumn) table.column("tags");
        assertThat(tags.has(0, "vip")).isTrue();
        assertThat(tags.has(1, "risk")).isTrue();
        assertThat(tags.has(2, "vip")).isFalse();
        assertThat(number(table, "tenure_days", 0)).isEqualTo(500); // created before any purchase
        assertThat(FeatureComputer.definitions(customers, null)).filteredOn(d -> d.name().equals("cf_credit_limit"))
                .singleElement().extracting(FeatureDefinition::type).isEqualTo(FeatureType.NUMBER);
    }

    @Test
    void ordersReadInAnotherZoneAreRefused() {
        CustomerIndex index = new CustomerIndex();
        OrderColumns utc = OrderColumns.builder().zone(ZoneId.of("UTC")).build();
        assertThatThrownBy(() -> FeatureComputer.compute(CustomerColumns.idsOnly(index), utc, null, AS_OF, SHANGHAI))
                .hasMessageContaining("UTC").hasMessageContaining("Asia/Shanghai");
    }

    @Test
    void everyComputedColumnIsDeclaredInTheCatalog() {
        FeatureTable table = sample();
        for (String name : table.columns().keySet()) {
            assertThat(StandardFeatures.find(name)).as(name).isPresent();
        }
        assertThat(StandardFeatures.all()).extracting(FeatureDefinition::name).doesNotHaveDuplicates();
        assertThat(StandardFeatures.all()).allSatisfy(d -> {
            assertThat(d.labelZh()).isNotBlank();
            assertThat(d.labelEn()).isNotBlank();
            assertThat(d.description()).isNotBlank();
        });
    }

    @Test
    void thePassOverOrdersGivesTheSameTableOnTwoThreadsAsOnOne() {
        // customers in random order with purchases, refunds, returns, cancellations, unknown costs and days out of
        // order, so every accumulator and the recount of purchase days are exercised on both halves
        SplittableRandom random = new SplittableRandom(3);
        CustomerIndex index = new CustomerIndex();
        for (int c = 0; c < 2_001; c++) {
            index.add("c" + c);
        }
        OrderColumns.Builder orders = OrderColumns.builder().zone(SHANGHAI);
        OrderStatus[] statuses = {OrderStatus.COMPLETED, OrderStatus.COMPLETED, OrderStatus.REFUNDED,
                OrderStatus.RETURN, OrderStatus.CANCELLED};
        for (int i = 0; i < 60_000; i++) {
            int customer = random.nextInt(2_000); // the last customer never buys
            LocalDate day = AS_OF.minusDays(random.nextInt(-5, 900));
            double cost = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(500);
            orders.add(customer, day, random.nextInt(1, 5_000) / 10.0, cost, random.nextInt(4) == 0 ? 20 : 0,
                    statuses[random.nextInt(statuses.length)]);
        }
        CustomerColumns customers = CustomerColumns.idsOnly(index);
        OrderColumns columns = orders.build();

        FeatureTable one = FeatureComputer.compute(customers, columns, null, AS_OF, SHANGHAI, false);
        FeatureTable two = FeatureComputer.compute(customers, columns, null, AS_OF, SHANGHAI, true);

        assertThat(two.columns().keySet()).containsExactlyElementsOf(one.columns().keySet());
        one.columns().forEach((name, column) -> assertThat(two.column(name)).as(name)
                .usingRecursiveComparison().withEqualsForType(BitSet::equals, BitSet.class).isEqualTo(column));
    }
}
