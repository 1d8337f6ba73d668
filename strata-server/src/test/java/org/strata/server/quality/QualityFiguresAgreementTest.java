package org.strata.server.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.strata.server.quality.QualityAgreement.count;
import static org.strata.server.quality.QualityAgreement.order;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.strata.server.access.PersonalDataErasure;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.SwitchableScope;

/**
 * The maintained quality figures must equal the report computed from the base tables: for everyone, an owner, a
 * team, an owner with teams and nobody, for all sources and for one, after a write past the imports (as a bulk load
 * makes), REST imports with bad rows, waiting orders and their customer arriving, an owner change, a merge, its undo,
 * an erasure and a rebuild.
 */
class QualityFiguresAgreementTest {

    /**
     * A context (and database) of its own: the test leaves its company behind, which a class that starts from an
     * empty database in a shared context (the dashboard's agreement test) must not find.
     */
    @TestConfiguration
    static class OwnContext extends SwitchableScope.AsPrimary {
    }

    @AutoConfigureMockMvc
    @SignedInAs
    @Import(OwnContext.class)
    abstract static class Contract {

        @Autowired
        MockMvc mvc;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        DemoDataGenerator demo;
        @Autowired
        SwitchableScope scope;
        @Autowired
        DirectQualityReport direct;
        @Autowired
        MaintainedQualityReport maintained;
        @Autowired
        QualityFigures figures;
        @Autowired
        PersonalDataErasure erasure;
        @Autowired
        PlatformTransactionManager transactions;

        @Test
        void maintainedFiguresEqualTheDirectReportAfterEveryKindOfChange() throws Exception {
            scope.everyone();
            CustomerData.deleteAll(jdbc);
            demo.generateIfEmpty(new DemoSettings(7L, 240, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            assertAgreement("after the demo company");

            // legacy values and dates, written past the imports the way a bulk load writes: then announced
            OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
            long lastEvent = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM events", Long.class);
            List<Long> customers = jdbc.queryForList("SELECT id FROM customers WHERE merged_into IS NULL"
                    + " AND owner_id IS NOT NULL ORDER BY id FETCH FIRST 8 ROWS ONLY", Long.class);
            String[][] legacy = {{"138-1234", "Bad@Example.cn"}, {" ", "\t"}, {"\u3000", "wang @example.cn"},
                    {"+86 138 1234 5678", "a@b@c.cn"}, {"+8612812345678", "ok@example"}, {"13812345678", ""}};
            for (int i = 0; i < legacy.length; i++) {
                jdbc.update("UPDATE customers SET phone = ?, email = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
                        legacy[i][0], legacy[i][1], customers.get(i));
            }
            order(jdbc, customers.get(6), "BULK-FUTURE", OffsetDateTime.now().plusDays(30), "10.00");
            order(jdbc, customers.get(6), "BULK-ZERO", OffsetDateTime.now().minusDays(30), "0.00");
            order(jdbc, null, "BULK-WAITING", OffsetDateTime.now().minusDays(3), "-1.00");
            jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) VALUES"
                    + " ('legacy', 'BULK-E1', ?, 'visit', ?), ('legacy', 'BULK-E2', NULL, 'visit', ?)",
                    customers.get(7), OffsetDateTime.now().plusDays(3), OffsetDateTime.now().minusDays(1));
            figures.importWritten(since, lastEvent);
            QualityReport afterLegacy = assertAgreement("after legacy values written past the imports");
            for (QualityCheck check : List.of(QualityCheck.CUSTOMERS_INVALID_PHONE,
                    QualityCheck.CUSTOMERS_INVALID_EMAIL, QualityCheck.CUSTOMERS_MISSING_PHONE,
                    QualityCheck.ORDERS_IN_FUTURE, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT,
                    QualityCheck.ORDERS_WITHOUT_CUSTOMER, QualityCheck.EVENTS_IN_FUTURE,
                    QualityCheck.EVENTS_WITHOUT_CUSTOMER)) {
                assertThat(count(afterLegacy, check)).as(check.code()).isPositive();
            }

            Map<String, Object> known = jdbc.queryForMap("SELECT c.id, i.namespace, i.id_value FROM customers c"
                    + " JOIN customer_identifiers i ON i.customer_id = c.id AND i.kind = 'external_id'"
                    + " WHERE c.merged_into IS NULL AND c.owner_id IS NOT NULL ORDER BY c.id DESC LIMIT 1");
            String source = (String) known.get("namespace");
            String external = (String) known.get("id_value");
            call(post("/api/v1/orders/batch"), """
                    {"source": "%2$s", "items": [
                      {"order_id": "Q-1", "customer_id": "%1$s", "ordered_at": "2026-06-20", "amount": 88},
                      {"order_id": "Q-2", "customer_id": "%1$s", "ordered_at": "2099-01-01", "amount": 0},
                      {"order_id": "Q-3", "customer_id": "Q-NEW", "ordered_at": "2026-06-21", "amount": 12},
                      {"order_id": "Q-4", "customer_id": "%1$s", "ordered_at": "not a date", "amount": 5}
                    ]}""".formatted(external, source));
            assertAgreement("after an order import with a bad row and an order waiting for its customer");

            call(post("/api/v1/orders/batch"), """
                    {"source": "%s", "items": [
                      {"order_id": "Q-5", "customer_id": "Q-NEW-2", "ordered_at": "2026-06-21", "amount": 3}
                    ]}""".formatted(source));
            assertAgreement("after an import of waiting orders only");

            long otherOwner = jdbc.queryForObject("SELECT MAX(owner_id) FROM customers WHERE owner_id <> ("
                    + "SELECT owner_id FROM customers WHERE id = ?)", Long.class,
                    ((Number) known.get("id")).longValue());
            String ownerName = jdbc.queryForObject("SELECT username FROM users WHERE id = ?", String.class,
                    otherOwner);
            // the phone of one surviving customer and the email of another, as identity resolution knows them
            String phone = identifier("phone", "MIN");
            String email = identifier("email", "MAX");
            long mergesBefore = merges();
            call(post("/api/v1/customers/batch"), """
                    {"source": "%s", "items": [
                      {"customer_id": "%s", "owner": "%s"},
                      {"customer_id": "Q-NEW", "name": "新客户 🎉", "owner": "%s"},
                      {"customer_id": "Q-BAD", "phone": "not a phone at all"},
                      {"customer_id": "Q-BOTH", "phone": "%s", "email": "%s"}
                    ]}""".formatted(source, external, ownerName, ownerName, phone, email));
            assertThat(merges()).as("the record with keys of two customers merged them").isGreaterThan(mergesBefore);
            assertAgreement("after a customer import with an owner change, a waiting order's customer and a merge");

            long merge = jdbc.queryForObject("SELECT MAX(id) FROM identity_merges WHERE undone_at IS NULL", Long.class);
            call(post("/api/v1/merges/" + merge + "/undo"), "{}");
            assertAgreement("after undoing a merge");

            long erased = jdbc.queryForObject("SELECT MIN(survivor_id) FROM identity_merges WHERE undone_at IS NULL",
                    Long.class);
            assertThat(erasure.erase(erased)).isPresent();
            QualityReport afterErasure = assertAgreement("after an erasure");
            assertThat(count(afterErasure, QualityCheck.CUSTOMERS_MISSING_PHONE))
                    .isGreaterThan(count(afterLegacy, QualityCheck.CUSTOMERS_MISSING_PHONE));

            figures.rebuildAll();
            assertAgreement("after a rebuild");
        }

        /** Compares both reports under every scope and for one source; returns the unscoped maintained one. */
        private QualityReport assertAgreement(String when) {
            String oneSource = jdbc.queryForObject("SELECT MIN(source) FROM orders WHERE customer_id IS NULL",
                    String.class);
            return new QualityAgreement(scope, jdbc, transactions, direct, maintained).check(when, oneSource);
        }


        private String identifier(String kind, String end) {
            return jdbc.queryForObject("SELECT i.id_value FROM customer_identifiers i WHERE i.kind = ?"
                    + " AND i.customer_id = (SELECT " + end + "(c.id) FROM customers c JOIN customer_identifiers k"
                    + " ON k.customer_id = c.id AND k.kind = ? WHERE c.merged_into IS NULL)"
                    + " ORDER BY i.id_value LIMIT 1", String.class, kind, kind);
        }

        private long merges() {
            return jdbc.queryForObject("SELECT COUNT(*) FROM identity_merges", Long.class);
        }


        private void call(MockHttpServletRequestBuilder request, String body) throws Exception {
            mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(result -> assertThat(result.getResponse().getStatus())
                            .as(result.getResponse().getContentAsString()).isLessThan(300));
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }
}
