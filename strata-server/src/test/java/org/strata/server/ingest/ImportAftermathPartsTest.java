package org.strata.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

class ImportAftermathPartsTest {

    @Test
    void aCustomerImportMayChangeEverything() {
        // merges and newly linked waiting orders move orders and events between customers
        assertThat(ImportAftermath.partsWrittenBy(ImportKind.CUSTOMERS)).isEqualTo(EnumSet.allOf(Part.class));
    }

    @Test
    void ordersAndOrderLinesChangeOnlyOrders() {
        assertThat(ImportAftermath.partsWrittenBy(ImportKind.ORDERS)).containsExactly(Part.ORDERS);
        assertThat(ImportAftermath.partsWrittenBy(ImportKind.ORDER_LINES)).containsExactly(Part.ORDERS);
    }

    @Test
    void eventsChangeOnlyEvents() {
        assertThat(ImportAftermath.partsWrittenBy(ImportKind.EVENTS)).containsExactly(Part.EVENTS);
    }
}
