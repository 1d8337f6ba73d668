package org.strata.server.quality;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.PostgresDatabase;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quality report on a fixture with each defect once or twice, in two sources:
 * <pre>
 * 天猫: customer 1 fine; 2 missing phone and email; 3 phone "138-1234" (invalid) and email "Bad@Example" (invalid);
 *       4 absorbed into 1 (active merge, not counted as a customer); order 11 fine, 12 without customer, 13 dated
 *       in the future, 14 amount 0, 15 amount -5; event 21 fine, 22 without customer
 * CRM:  customer 5 phone +8613800000005, no email; 6 once merged into 5, merge undone; order 16 without customer
 * </pre>
 */
class QualityReportTest {

    @AutoConfigureMockMvc
    @SignedInAs
    abstract static class Contract {
        @Autowired
        QualityReportService reports;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        MockMvc mvc;
        @Autowired
        QualityFigures figures;

        @BeforeEach
        void loadDefects() {
            CustomerData.deleteAll(jdbc);
            customer(1, "天猫", "+8613812345678", "ok@example.cn", null);
            customer(2, "天猫", null, null, null);
            customer(3, "天猫", "138-1234", "Bad@Example", null);
            customer(4, "天猫", "+8613812345678", null, 1L);
            customer(5, "CRM", "+8613800000005", " ", null);
            customer(6, "CRM", "+862188886666", "six@example.cn", null);
            jdbc.update("INSERT INTO identity_merges (survivor_id, absorbed_id, key_kind, key_value, merged_by)"
                    + " VALUES (1, 4, 'phone', '+8613812345678', 'test')");
            jdbc.update("INSERT INTO identity_merges (survivor_id, absorbed_id, key_kind, key_value, merged_by,"
                    + " undone_by, undone_at) VALUES (5, 6, 'email', 'x@example.cn', 'test', 'admin', ?)",
                    OffsetDateTime.now());
            OffsetDateTime past = OffsetDateTime.now().minusDays(3);
            order(11, "天猫", 1L, past, "10.00");
            order(12, "天猫", null, past, "10.00");
            order(13, "天猫", 1L, OffsetDateTime.now().plusDays(2), "10.00");
            order(14, "天猫", 1L, past, "0.00");
            order(15, "天猫", 2L, past, "-5.00");
            order(16, "CRM", null, past, "99.00");
            event(21, "天猫", 1L);
            event(22, "天猫", null);
            // the fixture writes its rows directly, past the imports that keep the maintained figures
            figures.rebuildAll();
        }

        void customer(long id, String source, String phone, String email, Long mergedInto) {
            jdbc.update("INSERT INTO customers (id, name, source, phone, email, merged_into) VALUES (?, ?, ?, ?, ?, ?)",
                    id, "客户" + id, source, phone, email, mergedInto);
            CustomerData.zeroFigures(jdbc, id);
        }

        void order(long id, String source, Long customer, OffsetDateTime at, String amount) {
            jdbc.update("INSERT INTO orders (id, source, order_no, customer_id, ordered_at, amount) VALUES (?, ?, ?, ?, ?, ?)",
                    id, source, "O" + id, customer, at, new BigDecimal(amount));
        }

        void event(long id, String source, Long customer) {
            jdbc.update("INSERT INTO events (id, source, event_key, customer_id, type, occurred_at) VALUES (?, ?, ?, ?,"
                    + " 'visit', ?)", id, source, "E" + id, customer, OffsetDateTime.now().minusDays(1));
        }

        static QualityReport.Finding finding(QualityReport.SourceQuality source, QualityCheck check) {
            return source.findings().stream().filter(f -> f.check().equals(check.code())).findFirst().orElseThrow();
        }

        static QualityReport.SourceQuality source(QualityReport report, String name) {
            return report.sources().stream().filter(s -> s.source().equals(name)).findFirst().orElseThrow();
        }

        @Test
        void countsEachDefectPerSourceWithSampleIds() {
            QualityReport report = reports.report(null);
            QualityReport.SourceQuality tmall = source(report, "天猫");
            assertThat(tmall.customers()).isEqualTo(3);
            assertThat(tmall.orders()).isEqualTo(5);
            assertThat(tmall.events()).isEqualTo(2);
            assertFinding(tmall, QualityCheck.CUSTOMERS_MISSING_PHONE, 2L);
            assertFinding(tmall, QualityCheck.CUSTOMERS_MISSING_EMAIL, 2L);
            assertFinding(tmall, QualityCheck.CUSTOMERS_INVALID_PHONE, 3L);
            assertFinding(tmall, QualityCheck.CUSTOMERS_INVALID_EMAIL, 3L);
            assertFinding(tmall, QualityCheck.MERGES_ACTIVE, 4L);
            assertFinding(tmall, QualityCheck.MERGES_UNDONE);
            assertFinding(tmall, QualityCheck.ORDERS_WITHOUT_CUSTOMER, 12L);
            assertFinding(tmall, QualityCheck.ORDERS_IN_FUTURE, 13L);
            assertFinding(tmall, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT, 14L, 15L);
            assertFinding(tmall, QualityCheck.EVENTS_WITHOUT_CUSTOMER, 22L);
            assertFinding(tmall, QualityCheck.EVENTS_IN_FUTURE);

            QualityReport.SourceQuality crm = source(report, "CRM");
            assertFinding(crm, QualityCheck.CUSTOMERS_MISSING_EMAIL, 5L);
            assertFinding(crm, QualityCheck.CUSTOMERS_INVALID_PHONE);
            assertFinding(crm, QualityCheck.MERGES_UNDONE, 6L);
            assertFinding(crm, QualityCheck.ORDERS_WITHOUT_CUSTOMER, 16L);

            assertFinding(report.totals(), QualityCheck.ORDERS_WITHOUT_CUSTOMER, 12L, 16L);
            assertFinding(report.totals(), QualityCheck.CUSTOMERS_MISSING_EMAIL, 2L, 5L);
            assertThat(report.totals().customers()).isEqualTo(5);
        }

        @Test
        void restrictsToOneSource() {
            QualityReport report = reports.report("CRM");
            assertThat(report.sources()).extracting(QualityReport.SourceQuality::source).containsExactly("CRM");
            assertFinding(report.totals(), QualityCheck.ORDERS_WITHOUT_CUSTOMER, 16L);
            assertFinding(report.totals(), QualityCheck.MERGES_ACTIVE);
        }

        @Test
        void samplesAreCappedButCountsAreNot() {
            for (long id = 100; id < 108; id++) {
                order(id, "天猫", null, OffsetDateTime.now().minusDays(1), "1.00");
            }
            figures.rebuildAll();
            QualityReport.Finding finding = finding(source(reports.report(null), "天猫"),
                    QualityCheck.ORDERS_WITHOUT_CUSTOMER);
            assertThat(finding.count()).isEqualTo(9);
            assertThat(finding.sampleIds()).containsExactly(12L, 100L, 101L, 102L, 103L);
        }

        @Test
        void answersOverHttp() throws Exception {
            mvc.perform(get("/api/v1/quality").param("source", "天猫")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.sources[0].source").value("天猫"))
                    .andExpect(jsonPath("$.totals.findings[?(@.check == 'orders_in_future')].count").value(1))
                    .andExpect(jsonPath("$.totals.findings[?(@.check == 'orders_in_future')].label").value("订单日期在未来"));
        }

        static void assertFinding(QualityReport.SourceQuality source, QualityCheck check, Long... samples) {
            QualityReport.Finding finding = finding(source, check);
            assertThat(finding.count()).as(check.code()).isEqualTo(samples.length);
            assertThat(finding.sampleIds()).as(check.code()).containsExactlyElementsOf(List.of(samples));
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
