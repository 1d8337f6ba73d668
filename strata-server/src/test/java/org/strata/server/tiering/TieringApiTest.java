package org.strata.server.tiering;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tiering REST API end to end over the fixture: presets, publish, runs, memberships, ledger, pins, previews. */
@H2Database
@AutoConfigureMockMvc
@SignedInAs(username = "li.na")
@Import(TieringRunTest.TestBeans.class)
class TieringApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    FeatureSnapshots features;
    @Autowired
    SchemeStore store;
    @Autowired
    TieringRunner runner;

    @BeforeEach
    void loadFixture() {
        new TieringFixture(jdbc).reset();
        clock.set(TieringFixture.START);
        features.invalidate();
    }

    void instantiateAndPublishB2b() throws Exception {
        mvc.perform(post("/api/v1/tiering/presets/b2b_manufacturing/instantiate")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"b2b\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value("b2b"))
                .andExpect(jsonPath("$.publishedVersion").doesNotExist());
        mvc.perform(post("/api/v1/tiering/schemes/b2b/publish")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"first\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.publishedBy").value(
                        TestSecurityContextHolder.getContext().getAuthentication().getName()));
    }

    @Test
    void aPresetIsPublishedRunAndQueriedThroughTheApi() throws Exception {
        instantiateAndPublishB2b();

        mvc.perform(post("/api/v1/tiering/schemes/b2b/runs"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("succeeded"))
                .andExpect(jsonPath("$.entered").value(5));

        mvc.perform(get("/api/v1/tiering/schemes/b2b/memberships").param("tier", "a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.a").value(1))
                .andExpect(jsonPath("$.counts.d").value(2))
                .andExpect(jsonPath("$.page.items", hasSize(1)))
                .andExpect(jsonPath("$.page.items[0].customerId").value(TieringFixture.ALICE))
                .andExpect(jsonPath("$.page.items[0].name").value("alice"));
        mvc.perform(get("/api/v1/tiering/schemes/b2b/customers/" + TieringFixture.ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[0].tier").value("a"))
                .andExpect(jsonPath("$.timeline[0].why.monetary_365d").value(6010000))
                .andExpect(jsonPath("$.ledger[0].event").value("entered"));
        mvc.perform(get("/api/v1/tiering/schemes/b2b/tiers/d/members").param("date", "2026-07-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customers.total").value(2))
                .andExpect(jsonPath("$.customers.items[0]").value(TieringFixture.DAVE));
        mvc.perform(get("/api/v1/tiering/schemes/b2b/runs"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].trigger").value("MANUAL"));
        mvc.perform(get("/api/v1/tiering/schemes/b2b/versions"))
                .andExpect(jsonPath("$[0].note").value("first"));
    }

    @Test
    @SignedInAs(username = "wang")
    void pinsAreCreatedListedAndEndedThroughTheApi() throws Exception {
        instantiateAndPublishB2b();
        mvc.perform(post("/api/v1/tiering/schemes/b2b/runs")).andExpect(status().isCreated());

        String created = mvc.perform(post("/api/v1/tiering/schemes/b2b/pins")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": 1004, \"tier\": \"a\", \"reason\": \"战略客户\", "
                                + "\"expiresAt\": \"2026-12-31T16:00:00Z\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pinnedBy").value("wang"))
                .andReturn().getResponse().getContentAsString();
        long pinId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/tiering/schemes/b2b/memberships").param("tier", "a"))
                .andExpect(jsonPath("$.counts.a").value(2));
        mvc.perform(delete("/api/v1/tiering/schemes/b2b/pins/" + pinId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endedBy").value("wang"));
        mvc.perform(get("/api/v1/tiering/schemes/b2b/pins")).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(post("/api/v1/tiering/schemes/b2b/pins").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": 1004, \"tier\": \"gold\", \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("its tiers are [a, b, c, d]")));
    }

    @Test
    void aRulePreviewAnswersWithCountSampleOrDiagnostics() throws Exception {
        mvc.perform(post("/api/v1/tiering/preview/rule").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\": \"monetary_365d >= 1000000 and customer_type != 'distributor'\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.matching").value(2))
                .andExpect(jsonPath("$.sample[0].values.monetary_365d").value(6010000));
        mvc.perform(post("/api/v1/tiering/preview/rule").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\": \"frequency >= 1 and\\n  monetery >= 5\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.diagnostics[0].line").value(2))
                .andExpect(jsonPath("$.diagnostics[0].column").value(3))
                .andExpect(jsonPath("$.diagnostics[0].suggestion").value("monetary"));
    }

    @Test
    void aRuleTypoIsExplainedInTheLanguageTheCallerAsksForWithAStableCode() throws Exception {
        String typo = "{\"rule\": \"frequency >= 1 and\\n  monetery >= 5\"}";
        mvc.perform(post("/api/v1/tiering/preview/rule").contentType(MediaType.APPLICATION_JSON).content(typo)
                        .header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(jsonPath("$.diagnostics[0].message")
                        .value("未知指标 `monetery`；您是不是要写 `monetary`（消费金额）？"))
                .andExpect(jsonPath("$.diagnostics[0].code").value("rule.error.unknown_feature_did_you_mean_labelled"))
                .andExpect(jsonPath("$.diagnostics[0].line").value(2));
        mvc.perform(post("/api/v1/tiering/preview/rule").contentType(MediaType.APPLICATION_JSON).content(typo)
                        .header("Accept-Language", "en-US"))
                .andExpect(jsonPath("$.diagnostics[0].message")
                        .value("unknown feature `monetery`; did you mean `monetary` (消费金额)?"));
        // the console's language (its cookie) wins over what the browser prefers
        mvc.perform(post("/api/v1/tiering/preview/rule").contentType(MediaType.APPLICATION_JSON).content(typo)
                        .header("Accept-Language", "en-US").cookie(new jakarta.servlet.http.Cookie("strata-lang", "zh-CN")))
                .andExpect(jsonPath("$.diagnostics[0].message", containsString("未知指标")));
    }

    @Test
    void aDryRunOfTheDraftShowsTheMigrationMatrix() throws Exception {
        instantiateAndPublishB2b();
        mvc.perform(post("/api/v1/tiering/schemes/b2b/runs")).andExpect(status().isCreated());

        mvc.perform(post("/api/v1/tiering/schemes/b2b/dry-run"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.moving").value(0))
                .andExpect(jsonPath("$.matrix", hasItem(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.hasEntry("from", (Object) "d"),
                        org.hamcrest.Matchers.hasEntry("to", (Object) "d"),
                        org.hamcrest.Matchers.hasEntry("customers", (Object) 2)))));
    }

    @Test
    void yamlImportAndExportRoundTripAndProblemsNameTheLine() throws Exception {
        mvc.perform(post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                        .content(TieringFixture.SCHEME_YAML))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("b2b_test"));
        mvc.perform(get("/api/v1/tiering/schemes/b2b_test/yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rule: monetary_365d >= 5000000")));

        mvc.perform(post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                        .content("key: broken\nname: x\ntiers:\n  - key: a\n    name: A\n    rulez: frequency > 1\n"
                                + "default: {key: b, name: B}\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type", containsString("yaml")))
                .andExpect(jsonPath("$.problems[0].line").value(6))
                .andExpect(jsonPath("$.problems[0].field").value("tiers[0].rulez"));
        mvc.perform(post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                        .header("Accept-Language", "zh-CN")
                        .content("key: broken\nname: x\ntiers:\n  - key: a\n    name: A\n    rulez: frequency > 1\n"
                                + "default: {key: b, name: B}\n"))
                .andExpect(jsonPath("$.code").value("scheme.error.yaml"))
                .andExpect(jsonPath("$.problems[0].code").value("scheme.error.unknown_field_did_you_mean"))
                .andExpect(jsonPath("$.problems[0].message", startsWith("未知字段 rulez；此处可用的字段：")))
                .andExpect(jsonPath("$.detail", containsString("第 6 行第 5 列（tiers[0].rulez）：未知字段 rulez")));
    }

    @Test
    void publishingABadRuleIsRefusedWithItsTierAndPosition() throws Exception {
        mvc.perform(post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                        .content(TieringFixture.SCHEME_YAML.replace("rule: monetary_365d >= 1000000",
                                "rule: monetary_365d >= 1000000 and frequncy > 2")))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/tiering/schemes/b2b_test/publish"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].part").value("tier b"))
                .andExpect(jsonPath("$.problems[0].column").value(30))
                .andExpect(jsonPath("$.problems[0].suggestion").value("frequency"));
        mvc.perform(post("/api/v1/tiering/schemes/b2b_test/publish").header("Accept-Language", "zh-CN"))
                .andExpect(jsonPath("$.code").value("scheme.error.rules"))
                .andExpect(jsonPath("$.problems[0].where").value("层级 b"))
                .andExpect(jsonPath("$.problems[0].message", startsWith("未知指标 `frequncy`；您是不是要写 `frequency`")))
                .andExpect(jsonPath("$.detail", startsWith("方案 b2b_test，层级 b，规则第 1 行第 30 列：未知指标")));
        mvc.perform(post("/api/v1/tiering/schemes/b2b_test/runs"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("has not been published")));
    }

    @Test
    void schedulesAreStoredAndRegisteredAgainAtStart() throws Exception {
        instantiateAndPublishB2b();

        mvc.perform(put("/api/v1/tiering/schemes/b2b/schedule").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\": \"weekly\", \"day\": 1, \"time\": \"02:30\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schedule.cron").value("0 30 2 * * MON"))
                .andExpect(jsonPath("$.schedule.timeZone").value("Asia/Shanghai"));

        TieringSchedules afterRestart = new TieringSchedules(store, runner);
        try {
            afterRestart.registerStoredSchedules();
            org.assertj.core.api.Assertions.assertThat(afterRestart.isRegistered("b2b")).isTrue();
        } finally {
            afterRestart.destroy();
        }
        mvc.perform(put("/api/v1/tiering/schemes/b2b/schedule").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\": \"monthly\", \"day\": 31, \"time\": \"02:30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("1..28")));
    }

    @Test
    @SignedInAs(username = "zhou")
    void manualTagsAreGivenAndTakenByHandOnePerExclusiveGroup() throws Exception {
        mvc.perform(post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                        .content(TieringFixture.SCHEME_YAML + """
                                  - {key: gold_service, name: 金牌服务}
                                  - {key: basic_service, name: 基础服务}
                                tag_groups:
                                  - {key: service, name: 服务等级, tags: [gold_service, basic_service]}
                                """))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/tiering/schemes/b2b_test/publish")).andExpect(status().isOk());
        String tags = "/api/v1/tiering/schemes/b2b_test/customers/" + TieringFixture.DAVE + "/tags/";

        mvc.perform(put(tags + "basic_service")).andExpect(status().isNoContent());
        mvc.perform(put(tags + "gold_service")).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/tiering/schemes/b2b_test/runs")).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/tiering/schemes/b2b_test/customers/" + TieringFixture.DAVE))
                .andExpect(jsonPath("$.tags", org.hamcrest.Matchers.contains("gold_service")))
                .andExpect(jsonPath("$.ledger[?(@.event == 'tag_removed')].tag").value("basic_service"))
                .andExpect(jsonPath("$.ledger[?(@.event == 'tag_removed')].actor").value("zhou"));
        mvc.perform(put(tags + "big_buyer")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("given by its rule")));
        mvc.perform(delete(tags + "gold_service")).andExpect(status().isNoContent());
        mvc.perform(delete(tags + "gold_service")).andExpect(status().isNotFound());
    }

    @Test
    void theFeatureCatalogAndPresetsAreListed() throws Exception {
        mvc.perform(get("/api/v1/features"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'monetary')].labelZh").value("消费金额"))
                .andExpect(jsonPath("$[?(@.name == 'monetary')].unit").value("CNY"));
        mvc.perform(get("/api/v1/tiering/presets"))
                .andExpect(jsonPath("$", hasSize(7)))
                .andExpect(jsonPath("$[6].key").value("b2b_manufacturing"));
        mvc.perform(get("/api/v1/tiering/schemes/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no scheme with key 'nope'"));
    }
}
