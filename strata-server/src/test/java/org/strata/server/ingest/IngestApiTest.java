package org.strata.server.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.PostgresDatabase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** REST ingestion: per-item results for JSON batches, background file imports with progress and error report. */
class IngestApiTest {

    abstract static class Contract {
        @Autowired
        MockMvc mvc;
        @Autowired
        JdbcTemplate jdbc;

        @BeforeEach
        void emptyDatabase() {
            ImportTables.clear(jdbc);
        }

        @Test
        void aBatchStoresTheValidItemsAndRejectsTheOthersWithTheirJsonPointers() throws Exception {
            String batch = """
                    {"source": "shop", "items": [
                      {"customer_id": "C1", "name": "张伟", "phone": "13800000001"},
                      {"customer_id": "C2", "name": "李娜", "email": "not-an-email"},
                      {"customer_id": "C3", "name": "王芳", "email": "WANG@Example.cn"}
                    ]}""";

            mvc.perform(post("/api/v1/customers/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.accepted").value(2))
                    .andExpect(jsonPath("$.rejected").value(1))
                    .andExpect(jsonPath("$.items[0].status").value("accepted"))
                    .andExpect(jsonPath("$.items[0].id").value(notNullValue()))
                    .andExpect(jsonPath("$.items[1].index").value(1))
                    .andExpect(jsonPath("$.items[1].status").value("rejected"))
                    .andExpect(jsonPath("$.items[1].errors[0].field").value("/items/1/email"))
                    .andExpect(jsonPath("$.items[2].status").value("accepted"));

            assertThat(jdbc.queryForList("SELECT email FROM customers ORDER BY external_id", String.class))
                    .containsExactly(null, "wang@example.cn");
            assertThat(jdbc.queryForObject("SELECT phone FROM customers WHERE external_id = 'C1'", String.class))
                    .isEqualTo("+8613800000001");
        }

        @Test
        void sendingTheSameOrdersAgainChangesNothing() throws Exception {
            String batch = """
                    {"source": "shop", "items": [
                      {"order_id": "O1", "customer_id": "C1", "ordered_at": "2026-03-01 14:05:00", "amount": "¥1,234.50"},
                      {"order_id": "O2", "customer_id": "C1", "ordered_at": "2026/3/2", "amount": 99}
                    ]}""";
            mvc.perform(post("/api/v1/orders/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
                    .andExpect(jsonPath("$.inserted").value(2));

            mvc.perform(post("/api/v1/orders/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.inserted").value(0))
                    .andExpect(jsonPath("$.unchanged").value(2))
                    .andExpect(jsonPath("$.items[1].id").value(notNullValue()));
            assertThat(jdbc.queryForObject("SELECT amount FROM orders WHERE order_no = 'O1'", Double.class))
                    .isEqualTo(1234.5);
        }

        @Test
        void anEventWithAnUnknownMemberIsRejectedAndNamed() throws Exception {
            mvc.perform(post("/api/v1/events/batch").contentType(MediaType.APPLICATION_JSON).content("""
                            {"source": "app", "items": [
                              {"event_id": "E1", "customer_id": "C1", "type": "login", "occurred_at": "2026-03-01"},
                              {"event_id": "E2", "customer_id": "C1", "type": "login", "occurred_at": "2026-03-01",
                               "colour": "red"},
                              42
                            ]}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].status").value("accepted"))
                    .andExpect(jsonPath("$.items[1].errors[0].field").value("/items/1/colour"))
                    .andExpect(jsonPath("$.items[2].errors[0].field").value("/items/2"));
        }

        @Test
        void aFileImportRunsInTheBackgroundAndReportsItsRejectedRows() throws Exception {
            String csv = "order_id,customer_id,ordered_at,amount\nO1,C1,2026-03-01,10\nO2,C1,not a date,11\n"
                    + "O3,C2,2026-03-02,12\n";
            MockMultipartFile file = new MockMultipartFile("file", "orders.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8));

            String location = mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "orders")
                            .param("source", "shop"))
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", containsString("/api/v1/imports/")))
                    .andReturn().getResponse().getHeader("Location");

            awaitDone(location);
            mvc.perform(get(location)).andExpect(jsonPath("$.status").value("completed_with_errors"))
                    .andExpect(jsonPath("$.counts.inserted").value(2))
                    .andExpect(jsonPath("$.counts.rejected").value(1))
                    .andExpect(jsonPath("$.progress").value(1.0));
            mvc.perform(get(location + "/errors")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("line,column,field,value,reason")))
                    .andExpect(content().string(containsString("3,3,ordered_at,not a date,")));
        }

        @Test
        void aChineseReaderGetsTheErrorReportTheRejectedItemsAndTheRefusalsInChineseWithStableCodes()
                throws Exception {
            String csv = "order_id,customer_id,ordered_at,amount\nO1,C1,2026-13-01,10\n";
            MockMultipartFile file = new MockMultipartFile("file", "orders.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8));
            String location = mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "orders"))
                    .andReturn().getResponse().getHeader("Location");
            awaitDone(location);
            mvc.perform(get(location + "/errors").header("Accept-Language", "zh-CN"))
                    .andExpect(content().string(containsString("行号,列号,字段,值,原因")))
                    .andExpect(content().string(containsString("2,3,ordered_at,2026-13-01,不是有效日期，应为 2026-03-01")));
            // the same stored rows read in English by someone else
            mvc.perform(get(location + "/errors").header("Accept-Language", "en"))
                    .andExpect(content().string(containsString("2,3,ordered_at,2026-13-01,\"not a date; expected")));

            mvc.perform(post("/api/v1/customers/batch").contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "zh-CN")
                            .content("{\"items\": [{\"customer_id\": \"C9\", \"email\": \"not-an-email\"}]}"))
                    .andExpect(jsonPath("$.items[0].errors[0].field").value("/items/0/email"))
                    .andExpect(jsonPath("$.items[0].errors[0].code").value("import.error.not_an_email"))
                    .andExpect(jsonPath("$.items[0].errors[0].reason").value(startsWith("不是有效邮箱地址")));

            MockMultipartFile png = new MockMultipartFile("file", "orders.png", "image/png",
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
            mvc.perform(multipart("/api/v1/imports").file(png).param("kind", "orders").header("Accept-Language", "zh-CN"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("import.error.not_readable"))
                    .andExpect(jsonPath("$.detail").value(startsWith("orders.png 不是 CSV 或 Excel 文件，而是PNG 图片")));
        }

        @Test
        void aFileThatIsNotCsvIsRefusedAtOnceWithAProblem() throws Exception {
            MockMultipartFile file = new MockMultipartFile("file", "orders.csv", "application/octet-stream",
                    new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3});

            mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "orders"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("File cannot be imported"));
            mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "invoices"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("customers, orders, order-lines, events")));
            mvc.perform(get("/api/v1/imports/424242")).andExpect(status().isNotFound());
        }

        @Test
        void theIngestionEndpointsAreDescribedInTheOpenApiDocument() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.paths['/api/v1/customers/batch'].post.summary").value(notNullValue()))
                    .andExpect(jsonPath("$.paths['/api/v1/orders/batch'].post").exists())
                    .andExpect(jsonPath("$.paths['/api/v1/events/batch'].post").exists())
                    .andExpect(jsonPath("$.paths['/api/v1/imports'].post").exists())
                    .andExpect(jsonPath("$.paths['/api/v1/imports/{id}/errors'].get").exists())
                    .andExpect(jsonPath("$.paths['/api/v1/merges/{id}/undo'].post").exists());
        }

        private void awaitDone(String location) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                String body = mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
                if (!body.contains("\"status\":\"running\"")) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("import " + location + " still running after 30 s");
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
}
