package org.strata.engine.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.EventColumns;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.feature.FeatureComputer;
import org.strata.engine.model.ValueMatrix;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.TextColumn;

class ModelColumnsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    static final String STARS_YAML = """
            key: stars
            name: {zh: 明星客户, en: Stars}
            tiers:
              - key: star
                name: {zh: 明星, en: Star}
                rule: value_matrix = 'star'
            default: {key: other, name: {zh: 其他, en: Others}}
            """;

    /**
     * Net spend in the last 365 days and tickets in the last 365 days:
     * a 9000 / 0, b 9000 / 3, c 100 / 0, d 100 / 7, e nothing / 0 (and a ticket 400 days ago, outside the window).
     */
    static FeatureTable accounts(boolean withEvents) {
        CustomerIndex index = new CustomerIndex();
        CustomerColumns.Builder customers = CustomerColumns.builder(index);
        OrderColumns.Builder orders = OrderColumns.builder().zone(ZONE);
        EventColumns.Builder events = EventColumns.builder().zone(ZONE);
        int a = customers.customer("a");
        int b = customers.customer("b");
        int c = customers.customer("c");
        int d = customers.customer("d");
        int e = customers.customer("e");
        orders.purchase(a, AS_OF.minusDays(10), 4000).purchase(a, AS_OF.minusDays(100), 5000);
        orders.purchase(b, AS_OF.minusDays(20), 9000);
        orders.purchase(c, AS_OF.minusDays(30), 100);
        orders.purchase(d, AS_OF.minusDays(40), 100);
        for (int t = 0; t < 3; t++) {
            events.add(b, AS_OF.minusDays(5 + t), "ticket");
        }
        for (int t = 0; t < 7; t++) {
            events.add(d, AS_OF.minusDays(50 + t), "ticket");
        }
        events.add(e, AS_OF.minusDays(400), "ticket");
        return FeatureComputer.compute(customers.build(), orders.build(), withEvents ? events.build() : null, AS_OF,
                ZONE);
    }

    @Test
    void theValueMatrixSplitsBothAxesAtTheirMediansByDefault() {
        // spend 9000, 9000, 100, 100, 0: median 100, high = above it (a, b);
        // tickets 0, 3, 0, 7, 0: median 0, hard = above it (b, d)
        FeatureTable table = new ModelColumns().addTo(accounts(true));

        assertThat(((TextColumn) table.column("value_matrix")).values())
                .containsExactly("star", "cash_cow", "question", "dog", "question");
    }

    @Test
    void theValueMatrixUsesTheConfiguredFeaturesAndThresholds() {
        // spend above 50 is high (a, b, c, d); more than 5 tickets is hard (d only)
        FeatureTable byThreshold = new ModelColumns(new ValueMatrix("monetary_365d", 50.0, "tickets_365d", 5.0))
                .addTo(accounts(true));
        // by order count in the last 90 days instead of spend: a, b, c, d 1 order, e none; median 1, so no one is high
        FeatureTable byOrders = new ModelColumns(new ValueMatrix("orders_90d", null, "tickets_365d", 5.0))
                .addTo(accounts(true));

        assertThat(((TextColumn) byThreshold.column("value_matrix")).values())
                .containsExactly("star", "star", "star", "cash_cow", "question");
        assertThat(((TextColumn) byOrders.column("value_matrix")).values())
                .containsExactly("question", "question", "question", "dog", "question");
    }

    @Test
    void aSchemeRuleCanTestTheQuadrant() {
        SchemeTierScheme scheme = new SchemeTierScheme(SchemeYaml.read(STARS_YAML), AS_OF);

        assertThat(scheme.assign(accounts(true)).values()).containsExactly("star", "other", "other", "other", "other");
    }

    @Test
    void withoutAnEventsSourceThereIsNoQuadrantAndARuleNamingItSaysSoWithItsPosition() {
        ModelColumns models = new ModelColumns();
        FeatureTable table = models.addTo(accounts(false));

        assertThat(table.has("value_matrix")).isFalse();
        assertThat(table.has("rfm8_class")).isTrue();
        assertThat(models.isComplete(table)).as("nothing more to add").isTrue();
        assertThat(models.isComplete(accounts(true))).isFalse();
        assertThatThrownBy(() -> new SchemeTierScheme(SchemeYaml.read(STARS_YAML), AS_OF).assign(accounts(false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value_matrix is not computed")
                .hasMessageContaining("1:1");
    }

    @Test
    void aMatrixWithoutFeaturesOrWithAnInfiniteThresholdIsRefused() {
        assertThatThrownBy(() -> new ValueMatrix("monetary_365d", null, " ", null))
                .hasMessageContaining("difficulty feature");
        assertThatThrownBy(() -> new ValueMatrix("monetary_365d", Double.POSITIVE_INFINITY, "tickets_365d", null))
                .hasMessageContaining("finite");
    }
}
