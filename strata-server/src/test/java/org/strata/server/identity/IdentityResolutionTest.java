package org.strata.server.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.ImportTables;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ProgressListener;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.PostgresDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.strata.server.ingest.ImportRows.customer;
import static org.strata.server.ingest.ImportRows.order;
import static org.strata.server.ingest.ImportRows.rows;

/** Customers sharing a phone, email or id become one, transitively, and every merge can be undone exactly. */
@TestPropertySource(properties = "strata.import.batch-size=3")
class IdentityResolutionTest {

    static final String P1 = "+8613800000001";
    static final String P2 = "+8613800000002";

    abstract static class Contract {
        @Autowired
        ImportService imports;
        @Autowired
        MergeService merges;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        MockMvc mvc;

        @BeforeEach
        void emptyDatabase() {
            ImportTables.clear(jdbc);
        }

        ImportJob importCustomers(CustomerRecord... customers) {
            return imports.importRows(ImportKind.CUSTOMERS, "shop", "customers.csv", rows(customers),
                    ProgressListener.NONE);
        }

        void importOrders(OrderRecord... orders) {
            imports.importRows(ImportKind.ORDERS, "shop", "orders.csv", rows(orders), ProgressListener.NONE);
        }

        long id(String externalId) {
            return jdbc.queryForObject("SELECT id FROM customers WHERE external_id = ?", Long.class, externalId);
        }

        List<Long> roots() {
            return jdbc.queryForList("SELECT id FROM customers WHERE merged_into IS NULL ORDER BY id", Long.class);
        }

        /** Who holds what: identifier values and order numbers per customer id, for before/after comparisons. */
        Map<String, Object> holdings() {
            return Map.of(
                    "identifiers", jdbc.queryForList("SELECT kind, id_value, customer_id, origin_customer_id"
                            + " FROM customer_identifiers ORDER BY kind, id_value"),
                    "orders", jdbc.queryForList("SELECT order_no, customer_id FROM orders ORDER BY order_no"),
                    "roots", roots());
        }

        @Test
        void recordsSharingAPhoneOrAnEmailBecomeOneCustomerTransitively() {
            // A-phone-B, B-email-C: one customer, whose survivor is the oldest record. D stays apart. C comes in a
            // second batch and finds the email already held by A.
            ImportJob job = importCustomers(customer("A", P1, null), customer("B", P1, "b@example.cn"),
                    customer("D", P2, null), customer("C", null, "b@example.cn"));

            long a = id("A");
            assertThat(job.counts().merges()).isEqualTo(2);
            assertThat(roots()).containsExactly(a, id("D"));
            assertThat(jdbc.queryForList("SELECT DISTINCT customer_id FROM customer_identifiers"
                    + " WHERE origin_customer_id IN (?, ?, ?)", Long.class, a, id("B"), id("C"))).containsExactly(a);
            assertThat(jdbc.queryForList("SELECT survivor_id, absorbed_id, key_kind, key_value, merged_by"
                    + " FROM identity_merges ORDER BY id")).containsExactly(
                    Map.of("survivor_id", a, "absorbed_id", id("B"), "key_kind", "phone", "key_value", P1,
                            "merged_by", "import:job " + job.id()),
                    Map.of("survivor_id", a, "absorbed_id", id("C"), "key_kind", "email",
                            "key_value", "b@example.cn", "merged_by", "import:job " + job.id()));
        }

        @Test
        void aLaterRecordLinkingTwoCustomersMergesThemWithTheirOrders() {
            importCustomers(customer("A", P1, null), customer("B", P2, "b@example.cn"));
            importOrders(order("O1", "A", "10"), order("O2", "B", "20"));

            ImportJob job = importCustomers(customer("X", P2, "a-and-b@example.cn"), customer("Y", P1,
                    "a-and-b@example.cn"));

            long a = id("A");
            assertThat(job.counts().merges()).isEqualTo(3);
            assertThat(roots()).containsExactly(a);
            assertThat(jdbc.queryForList("SELECT DISTINCT customer_id FROM orders", Long.class)).containsExactly(a);
            assertThat(jdbc.queryForList("SELECT DISTINCT customer_id FROM customer_identifiers", Long.class))
                    .containsExactly(a);
            assertThat(importCustomers(customer("X", P2, "a-and-b@example.cn")).counts().merges()).isZero();
        }

        @Test
        void undoRestoresTheAbsorbedCustomerWithExactlyWhatItBrought() {
            importCustomers(customer("A", P1, null));
            importOrders(order("O1", "A", "10"));
            Map<String, Object> beforeB = holdings();
            importCustomers(customer("B", P1, "b@example.cn"));
            importOrders(order("O2", "B", "20"));
            long a = id("A");
            long b = id("B");
            assertThat(jdbc.queryForList("SELECT customer_id FROM orders", Long.class)).containsOnly(a);

            MergeRecord merge = merges.mergesOf(b).get(0);
            MergeRecord undone = merges.undo(merge.id(), "test");

            assertThat(undone.undone()).isTrue();
            assertThat(undone.undoneBy()).isEqualTo("test");
            assertThat(roots()).containsExactly(a, b);
            assertThat(jdbc.queryForObject("SELECT customer_id FROM orders WHERE order_no = 'O2'", Long.class))
                    .isEqualTo(b);
            assertThat(jdbc.queryForList("SELECT id_value FROM customer_identifiers WHERE customer_id = ?"
                    + " ORDER BY id_value", String.class, b)).containsExactly("B", "b@example.cn");
            // A holds what it held before B arrived; the phone stays with A, who brought it first.
            assertThat(jdbc.queryForList("SELECT kind, id_value, customer_id, origin_customer_id"
                    + " FROM customer_identifiers WHERE customer_id = ? ORDER BY kind, id_value", a))
                    .isEqualTo(beforeB.get("identifiers"));
        }

        @Test
        void anUndoneMergeIsNotRedoneByTheNextImportOfTheSameRecords() {
            CustomerRecord[] records = {customer("A", P1, null), customer("B", P1, "b@example.cn")};
            importCustomers(records);
            merges.undo(merges.mergesOf(id("B")).get(0).id(), "test");
            Map<String, Object> afterUndo = holdings();

            ImportJob again = importCustomers(records);
            ImportJob viaThirdRecord = importCustomers(customer("Z", P1, "b@example.cn"));

            assertThat(again.counts().merges()).isZero();
            assertThat(again.counts().unchanged()).isEqualTo(2);
            assertThat(roots()).contains(id("A"), id("B"));
            // Z may join one of them, never both.
            assertThat(viaThirdRecord.counts().merges()).isEqualTo(1);
            assertThat(roots()).hasSize(2);
            assertThat(holdings().get("orders")).isEqualTo(afterUndo.get("orders"));
        }

        @Test
        void undoingAMergeGivesBackAlsoWhatWasMergedIntoTheAbsorbedCustomerBefore() {
            importCustomers(customer("A", P1, null), customer("B", P2, "b@example.cn"));
            importCustomers(customer("C", P2, null));
            importOrders(order("O1", "A", "1"), order("O2", "B", "2"), order("O3", "C", "3"));
            importCustomers(customer("X", P1, "b@example.cn"));
            long a = id("A");
            long b = id("B");
            assertThat(roots()).containsExactly(a);

            MergeRecord aAbsorbsB = jdbc.queryForObject("SELECT id FROM identity_merges WHERE survivor_id = ?"
                    + " AND absorbed_id = ?", (rs, row) -> merges.find(rs.getLong(1)), a, b);
            merges.undo(aAbsorbsB.id(), "test");

            assertThat(roots()).containsExactly(a, b);
            assertThat(jdbc.queryForList("SELECT order_no FROM orders WHERE customer_id = ? ORDER BY order_no",
                    String.class, b)).containsExactly("O2", "O3");
            assertThat(jdbc.queryForObject("SELECT merged_into FROM customers WHERE id = ?", Long.class, id("C")))
                    .isEqualTo(b);
            assertThat(jdbc.queryForObject("SELECT customer_id FROM customer_identifiers WHERE id_value = ?",
                    Long.class, "b@example.cn")).isEqualTo(b);
            assertThat(jdbc.queryForObject("SELECT customer_id FROM orders WHERE order_no = 'O1'", Long.class))
                    .isEqualTo(a);
        }

        @Test
        void undoingTwiceIsRefused() {
            importCustomers(customer("A", P1, null), customer("B", P1, null));
            long mergeId = merges.mergesOf(id("B")).get(0).id();
            merges.undo(mergeId, "test");

            assertThatThrownBy(() -> merges.undo(mergeId, "test")).isInstanceOf(MergeAlreadyUndoneException.class);
        }

        @Test
        void theUndoEndpointAnswersWithTheMergeAndProblemDetailsForMistakes() throws Exception {
            importCustomers(customer("A", P1, null), customer("B", P1, null));
            long mergeId = merges.mergesOf(id("B")).get(0).id();

            mvc.perform(post("/api/v1/merges/{id}/undo", mergeId)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.absorbedId").value(id("B")))
                    .andExpect(jsonPath("$.undoneBy").value("tester"));
            mvc.perform(post("/api/v1/merges/{id}/undo", mergeId)).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.title").value("Merge already undone"));
            mvc.perform(post("/api/v1/merges/{id}/undo", 999_999)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("no merge with id 999999"));
        }
    }

    @Nested
    @H2Database
    @AutoConfigureMockMvc
    @SignedInAs
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    @AutoConfigureMockMvc
    @SignedInAs
    class OnPostgres extends Contract {
    }

    /** The same contract when every file is loaded in bulk (one transaction, indexes rebuilt): same results. */
    @Nested
    @PostgresDatabase
    @AutoConfigureMockMvc
    @SignedInAs
    @TestPropertySource(properties = "strata.import.bulk=always")
    class OnPostgresInBulk extends Contract {
    }
}
