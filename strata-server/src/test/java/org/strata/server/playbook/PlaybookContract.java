package org.strata.server.playbook;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.SignedInAs;

/**
 * What the playbook contract tests share: the API through MockMvc, and fast retries (50 ms, at most 200 ms apart)
 * so that retry tests take seconds. One Spring context per database serves them all.
 */
@AutoConfigureMockMvc
@SignedInAs
@TestPropertySource(properties = {"strata.playbook.delivery.first-retry=PT0.05S",
        "strata.playbook.delivery.max-retry-delay=PT0.2S", "strata.playbook.delivery.poll-interval=PT0.05S"})
abstract class PlaybookContract {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    PlaybookFixture newFixture() {
        return new PlaybookFixture(context, mvc);
    }
}
