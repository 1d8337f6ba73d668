package org.strata.server.customer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The customer list and 360° API on the hand-checked {@link CustomerFixture}, on H2 and on PostgreSQL. */
class CustomerApiTest {

    @AutoConfigureMockMvc
    @SignedInAs
    abstract static class Contract {
        @Autowired
        MockMvc mvc;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        CustomerStatsRefresher stats;

        @BeforeEach
        void loadFixture() {
            CustomerFixture.load(jdbc);
            stats.refreshAll();
        }

        /** GET /api/v1/customers with parameters written as name=value&name=value, values taken literally. */
        ResultActions list(String query) throws Exception {
            var request = get("/api/v1/customers");
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    request.param(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return mvc.perform(request);
        }

        // ------------------------------------------------------------------ list

        @Test
        void listShowsSurvivorsOnlyNewestFirstByDefault() throws Exception {
            list("").andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", contains(5, 3, 2, 1)))
                    .andExpect(jsonPath("$.sort").value("created_at,desc"))
                    .andExpect(jsonPath("$.hasNext").value(false))
                    .andExpect(jsonPath("$.total").value(nullValue()));
        }

        @Test
        void listItemsCarryOwnerTeamAndMaintainedOrderStatistics() throws Exception {
            list("q=TM001").andExpect(jsonPath("$.items[0].ownerName").value("张伟"))
                    .andExpect(jsonPath("$.items[0].teamName").value("上海一组"))
                    .andExpect(jsonPath("$.items[0].orderCount").value(3))
                    .andExpect(jsonPath("$.items[0].totalSpent").value(330.00))
                    .andExpect(jsonPath("$.items[0].lastOrderAt").value("2025-07-01T10:00:00+08:00"));
        }

        @Test
        void sortsByTotalSpentAndLastOrderWithNeverOrderedAsOldest() throws Exception {
            list("sort=total_spent,desc").andExpect(jsonPath("$.items[*].id", contains(2, 1, 3, 5)));
            list("sort=-total_spent").andExpect(jsonPath("$.items[*].id", contains(2, 1, 3, 5)));
            list("sort=total_spent").andExpect(jsonPath("$.items[*].id", contains(5, 3, 1, 2)));
            list("sort=last_order_at,desc").andExpect(jsonPath("$.items[*].id", contains(2, 1, 3, 5)));
            list("sort=last_order_at,asc").andExpect(jsonPath("$.items[*].id", contains(5, 3, 1, 2)));
            list("sort=order_count,desc").andExpect(jsonPath("$.items[*].id", contains(1, 2, 3, 5)));
            list("sort=created_at,asc").andExpect(jsonPath("$.items[*].id", contains(1, 2, 3, 5)));
            list("sort=name,asc").andExpect(jsonPath("$.items[0].name").value("Alice Chen"));
        }

        @Test
        void sortOutsideTheWhitelistIsRejectedWithAProblemNamingTheParameter() throws Exception {
            for (String sort : new String[] {"name;DROP TABLE customers", "id", "total_spent,sideways",
                    "name,asc,desc", "c.name"}) {
                list("sort=" + sort)
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.parameter").value("sort"))
                        .andExpect(jsonPath("$.detail", containsString("total_spent")));
            }
            assertCustomersStillThere();
        }

        private void assertCustomersStillThere() throws Exception {
            list("").andExpect(jsonPath("$.items.length()").value(4));
        }

        @Test
        void pagesWithoutCountingUnlessAskedTo() throws Exception {
            list("sort=total_spent,desc&size=2&page=0").andExpect(jsonPath("$.items[*].id", contains(2, 1)))
                    .andExpect(jsonPath("$.hasNext").value(true));
            list("sort=total_spent,desc&size=2&page=1").andExpect(jsonPath("$.items[*].id", contains(3, 5)))
                    .andExpect(jsonPath("$.hasNext").value(false));
            list("size=3&includeTotal=true&region=华东").andExpect(jsonPath("$.total").value(2));
            list("size=501").andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("size"));
            list("size=0").andExpect(status().isBadRequest());
            list("page=-1").andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("page"));
        }

        @Test
        void searchFindsByNamePhoneInAnySpellingEmailAndSourceIds() throws Exception {
            list("q=王小明").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("q=13812345678").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("q=+86 138-1234-5678").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("q=WANG@example.CN").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("q=tb_001").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("q=POS004").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("q=CRM002").andExpect(jsonPath("$.items[*].id", contains(2)));
            list("q=云帆").andExpect(jsonPath("$.items[*].id", contains(2)));
            list("q=alice").andExpect(jsonPath("$.items[*].id", contains(5)));
            list("q=50%").andExpect(jsonPath("$.items.length()").value(0));
            list("q=nobody").andExpect(jsonPath("$.items.length()").value(0));
        }

        @Test
        void filtersCombineAndATeamIncludesItsGroups() throws Exception {
            list("owner=1").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("team=1").andExpect(jsonPath("$.items[*].id", contains(1)));
            list("team=3").andExpect(jsonPath("$.items[*].id", contains(5, 2)));
            list("industry=软件").andExpect(jsonPath("$.items[*].id", contains(2)));
            list("region=华东").andExpect(jsonPath("$.items[*].id", contains(2, 1)));
            list("type=company").andExpect(jsonPath("$.items[*].id", contains(2)));
            list("source=线下门店").andExpect(jsonPath("$.items[*].id", contains(3)));
            list("region=华东&type=person").andExpect(jsonPath("$.items[*].id", contains(1)));
        }

        @Test
        void refreshingAnAbsorbedCustomerRecomputesItsSurvivorAsRefreshAllWould() throws Exception {
            CustomerFixture.order(jdbc, 100, "线下门店", "POS-100", 4L, "2025-12-01T02:00:00Z", "70.00", "0",
                    "completed");
            list("q=TM001").andExpect(jsonPath("$.items[0].totalSpent").value(330.00));
            stats.refresh(java.util.List.of(4L));
            list("q=TM001").andExpect(jsonPath("$.items[0].totalSpent").value(400.00))
                    .andExpect(jsonPath("$.items[0].orderCount").value(4))
                    .andExpect(jsonPath("$.items[0].lastOrderAt").value("2025-12-01T10:00:00+08:00"));
            assertThat(jdbc.queryForObject("SELECT order_count FROM customer_figures WHERE customer_id = 4",
                    Integer.class)).isZero();
            String before = jdbc.queryForList("SELECT customer_id, order_count, total_spent, last_order_at"
                    + " FROM customer_figures ORDER BY customer_id").toString();
            stats.refreshAll();
            assertThat(jdbc.queryForList("SELECT customer_id, order_count, total_spent, last_order_at"
                    + " FROM customer_figures ORDER BY customer_id").toString()).isEqualTo(before);
        }

        @Test
        void refreshAllFollowsMergesMoreThanOneLevelDeep() throws Exception {
            // customer 5 absorbs customer 1, which had absorbed 4: 5 now counts the orders of 1 and 4
            jdbc.update("UPDATE customers SET merged_into = 5 WHERE id = 1");
            stats.refreshAll();
            list("q=WEB005").andExpect(jsonPath("$.items[0].orderCount").value(3))
                    .andExpect(jsonPath("$.items[0].totalSpent").value(330.00));
            mvc.perform(get("/api/v1/customers/4")).andExpect(jsonPath("$.survivorId").value(5));
            mvc.perform(get("/api/v1/customers/5")).andExpect(jsonPath("$.orderSummary.netRevenue").value(330.00))
                    .andExpect(jsonPath("$.mergedCustomerIds", contains(1, 4)));
        }

        // ------------------------------------------------------------------ 360

        @Test
        void profileSumsTheOrdersOfTheCustomerAndOfThoseMergedIntoIt() throws Exception {
            mvc.perform(get("/api/v1/customers/1")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("王小明"))
                    .andExpect(jsonPath("$.owner.displayName").value("张伟"))
                    .andExpect(jsonPath("$.team.name").value("上海一组"))
                    .andExpect(jsonPath("$.attributes.会员等级").value("金卡"))
                    .andExpect(jsonPath("$.attributes.tags[0]").value("vip"))
                    .andExpect(jsonPath("$.mergedCustomerIds", contains(4)))
                    .andExpect(jsonPath("$.orderSummary.orderCount").value(6))
                    .andExpect(jsonPath("$.orderSummary.cancelledCount").value(1))
                    .andExpect(jsonPath("$.orderSummary.totalAmount").value(730.00))
                    .andExpect(jsonPath("$.orderSummary.averageAmount").value(146.00))
                    .andExpect(jsonPath("$.orderSummary.refundAmount").value(350.00))
                    .andExpect(jsonPath("$.orderSummary.completedOrderCount").value(3))
                    .andExpect(jsonPath("$.orderSummary.netRevenue").value(330.00))
                    .andExpect(jsonPath("$.orderSummary.firstOrderAt").value("2025-05-16T00:30:00+08:00"))
                    .andExpect(jsonPath("$.orderSummary.lastOrderAt").value("2025-10-01T10:00:00+08:00"))
                    .andExpect(jsonPath("$.recentOrders[*].orderNo",
                            contains("TM-5", "TM-4", "TM-3", "TM-2", "TM-1", "POS-6")))
                    .andExpect(jsonPath("$.recentOrders[5].customerId").value(4))
                    .andExpect(jsonPath("$.identifiers[?(@.value == 'POS004')].originCustomerId", contains(4)))
                    .andExpect(jsonPath("$.identifiers.length()").value(5))
                    .andExpect(jsonPath("$.merges[*].absorbedId", contains(4)));
        }

        @Test
        void timelineMergesOrdersAndEventsNewestFirstAndPages() throws Exception {
            mvc.perform(get("/api/v1/customers/1"))
                    .andExpect(jsonPath("$.timeline.items[*].reference",
                            contains("E2", "TM-5", "TM-4", "TM-3", "TM-2", "TM-1", "E1", "POS-6", "E3")))
                    .andExpect(jsonPath("$.timeline.items[0].kind").value("event"))
                    .andExpect(jsonPath("$.timeline.items[0].properties.score").value(9))
                    .andExpect(jsonPath("$.timeline.items[1].amount").value(50.00));
            mvc.perform(get("/api/v1/customers/1/timeline?size=4&page=0"))
                    .andExpect(jsonPath("$.items[*].reference", contains("E2", "TM-5", "TM-4", "TM-3")))
                    .andExpect(jsonPath("$.hasNext").value(true));
            mvc.perform(get("/api/v1/customers/1/timeline?size=4&page=1"))
                    .andExpect(jsonPath("$.items[*].reference", contains("TM-2", "TM-1", "E1", "POS-6")));
            mvc.perform(get("/api/v1/customers/1/timeline?size=4&page=2"))
                    .andExpect(jsonPath("$.items[*].reference", contains("E3")))
                    .andExpect(jsonPath("$.hasNext").value(false));
        }

        @Test
        void profileKeepsTextThatIsNotJsonAndShowsUndoneMerges() throws Exception {
            mvc.perform(get("/api/v1/customers/3")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.attributes").value("not json"))
                    .andExpect(jsonPath("$.owner").value(nullValue()))
                    .andExpect(jsonPath("$.merges[0].survivorId").value(2))
                    .andExpect(jsonPath("$.merges[0].undoneBy").value("li.na"))
                    .andExpect(jsonPath("$.merges[0].undoneAt").value("2025-03-07T08:00:00+08:00"));
            mvc.perform(get("/api/v1/customers/5")).andExpect(jsonPath("$.orderSummary.orderCount").value(0))
                    .andExpect(jsonPath("$.orderSummary.averageAmount").value(nullValue()))
                    .andExpect(jsonPath("$.orderSummary.netRevenue").value(0))
                    .andExpect(jsonPath("$.timeline.items.length()").value(0));
        }

        @Test
        void absorbedCustomerAnswersNotFoundNamingTheSurvivor() throws Exception {
            mvc.perform(get("/api/v1/customers/4")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("https://strata.dev/problems/customer-merged"))
                    .andExpect(jsonPath("$.survivorId").value(1))
                    .andExpect(jsonPath("$.detail", containsString("merged into customer 1")));
            mvc.perform(get("/api/v1/customers/4/timeline")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.survivorId").value(1));
        }

        @Test
        void unknownCustomerIsAProblemNamingTheId() throws Exception {
            mvc.perform(get("/api/v1/customers/999")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.title").value("Customer not found"))
                    .andExpect(jsonPath("$.detail", containsString("999")));
            mvc.perform(get("/api/v1/customers/abc")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.status").value(400));
        }

        @Test
        void apiIsDocumented() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.paths['/api/v1/customers'].get.parameters[*].name", hasItem("sort")))
                    .andExpect(jsonPath("$.paths['/api/v1/customers/{id}'].get.responses['404']").exists())
                    .andExpect(jsonPath("$.paths['/api/v1/quality'].get").exists());
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
