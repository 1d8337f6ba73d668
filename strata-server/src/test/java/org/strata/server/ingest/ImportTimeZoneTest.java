package org.strata.server.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Local times without an offset are read in the configured business time zone, not in Asia/Shanghai regardless. */
@H2Database
@AutoConfigureMockMvc
@SignedInAs
@TestPropertySource(properties = "strata.time-zone=Europe/London")
class ImportTimeZoneTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLocalOrderTimeIsReadInTheConfiguredZone() throws Exception {
        ImportTables.clear(jdbc);
        mvc.perform(post("/api/v1/orders/batch").contentType(MediaType.APPLICATION_JSON).content("""
                        {"source": "shop", "items": [
                          {"order_id": "TZ1", "customer_id": "C1", "ordered_at": "2026-07-01 09:00:00", "amount": 1}
                        ]}"""))
                .andExpect(status().isOk());

        OffsetDateTime stored = jdbc.queryForObject("SELECT ordered_at FROM orders WHERE order_no = 'TZ1'",
                OffsetDateTime.class);
        // 09:00 in London in summer (BST, UTC+1) is 08:00 UTC; read in Shanghai it would be 01:00 UTC.
        assertThat(stored.withOffsetSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(8);
    }
}
