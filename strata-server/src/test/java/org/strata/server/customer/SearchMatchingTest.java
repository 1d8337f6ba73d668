package org.strata.server.customer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.dashboard.CustomerBrowseFilter;
import org.strata.server.dashboard.CustomerBrowser;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a text typed into the customer search matches, on the API's list and on the console's list, on H2 and on
 * PostgreSQL (where the name lookup goes through the character index of V14, which must not change what matches).
 */
class SearchMatchingTest {

    @AutoConfigureMockMvc
    @SignedInAs
    abstract static class Contract {
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        CustomerListRepository api;
        @Autowired
        CustomerBrowser console;

        @BeforeEach
        void loadCustomers() {
            CustomerData.deleteAll(jdbc);
            customer(1, "S001", "张伟");
            customer(2, "S002", "张三伟");
            customer(3, "S003", "伟张");
            customer(4, "S004", "李娜");
            customer(5, "S005", "张家港华通贸易有限公司");
            customer(6, "S006", "Alice Chen");
            customer(7, "S007", "ALICE WONG");
            customer(8, "S008", "五折50%店");
            customer(9, "S009", "五折500店");
            customer(10, "S010", "a_b");
            customer(11, "S011", "axb");
            customer(12, "S012", "张伟");
            jdbc.update("UPDATE customers SET merged_into = 1 WHERE id = 12");
            identifier(1, "phone", "+8613812345678");
            identifier(1, "email", "wang.wei@example.cn");
            identifier(4, "shop_user_id", "tb_001");
        }

        void customer(long id, String externalId, String name) {
            jdbc.update("INSERT INTO customers (id, external_id, name) VALUES (?, ?, ?)", id, externalId, name);
            CustomerData.zeroFigures(jdbc, id);
        }

        void identifier(long customer, String kind, String value) {
            jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, id_value)"
                    + " VALUES (?, ?, ?, ?)", customer, customer, kind, value);
        }

        /** The ids the API's list finds, checked against its own count (told by the last page, or counted). */
        List<Long> api(String text) {
            CustomerFilter filter = new CustomerFilter(text, null, null, null, null, null, null);
            CustomerSort sort = CustomerSort.parse("created_at,asc");
            CustomerPage page = api.find(filter, sort, 0, 1_000, true);
            List<Long> ids = page.items().stream().map(CustomerListItem::id).sorted().toList();
            assertThat(page.total()).as("total of " + text).isEqualTo(ids.size());
            assertThat(api.find(filter, sort, 0, 1, true).total()).as("counted total of " + text)
                    .isEqualTo(ids.size());
            return ids;
        }

        /** The ids the console's list finds, checked against the count it shows. */
        List<Long> console(String text) {
            CustomerBrowseFilter filter = new CustomerBrowseFilter(text, null, null, null, null, null, null, null,
                    "created_at,asc");
            List<Long> ids = console.find(filter, 0, 1_000).rows().stream().map(CustomerBrowser.Row::id).sorted()
                    .toList();
            assertThat(console.total(filter).customers()).as("total of " + text).isEqualTo(ids.size());
            return ids;
        }

        void bothFind(String text, Long... ids) {
            assertThat(api(text)).as("API q=" + text).containsExactly(ids);
            assertThat(console(text)).as("console q=" + text).containsExactly(ids);
        }

        @Test
        void oneChineseCharacterFindsEveryNameHoldingItAnywhere() {
            bothFind("张", 1L, 2L, 3L, 5L);
            bothFind("伟", 1L, 2L, 3L);
        }

        @Test
        void twoCharactersMustStandTogetherInThatOrder() {
            bothFind("张伟", 1L);
            bothFind("伟张", 3L);
            bothFind(" 张伟 ", 1L);
        }

        @Test
        void aPartOfACompanyNameFindsIt() {
            bothFind("华通贸易", 5L);
            bothFind("贸易公司");
        }

        @Test
        void mergedAwayCustomersAreNotFound() {
            assertThat(api("张伟")).doesNotContain(12L);
        }

        @Test
        void aPhoneIsFoundHoweverItIsTyped() {
            bothFind("138 1234 5678", 1L);
            bothFind("13812345678", 1L);
            bothFind("+86 138-1234-5678", 1L);
        }

        @Test
        void anEmailTypedInCapitalsFindsItsCustomer() {
            bothFind("WANG.WEI@EXAMPLE.CN", 1L);
        }

        @Test
        void anIdFindsItsCustomer() {
            bothFind("S004", 4L);
            bothFind("tb_001", 4L);
        }

        @Test
        void lettersMatchInAnyCase() {
            bothFind("alice", 6L, 7L);
            bothFind("ALICE", 6L, 7L);
            bothFind("ce Ch", 6L);
        }

        @Test
        void percentAndUnderscoreAreSearchedAsCharacters() {
            bothFind("50%", 8L);
            bothFind("a_b", 10L);
            bothFind("_", 10L);
            bothFind("%", 8L);
        }

        @Test
        void nothingMatchingFindsNothing() {
            bothFind("nobody");
            bothFind("赵");
        }

        @Test
        void onlyTheConsoleTriesAnIdentifierLowerCased() {
            assertThat(api("TB_001")).isEmpty();
            assertThat(console("TB_001")).containsExactly(4L);
        }

        /**
         * Random names and texts from a small alphabet (so that many texts match something), against the rule written
         * out in Java: the name contains the text, letters in any case.
         */
        @Test
        void agreesWithContainsOnRandomNamesAndTexts() {
            CustomerData.deleteAll(jdbc);
            String alphabet = "张伟李娜王aAbB%_ ";
            Random random = new Random(4);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String name = text(random, alphabet, 1 + random.nextInt(6));
                names.add(name);
                customer(i + 1, null, name);
            }
            for (int i = 0; i < 120; i++) {
                String text = text(random, alphabet, 1 + random.nextInt(3)).trim();
                if (text.isEmpty()) {
                    continue;
                }
                TreeSet<Long> expected = new TreeSet<>();
                for (int n = 0; n < names.size(); n++) {
                    if (names.get(n).toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                        expected.add(n + 1L);
                    }
                }
                assertThat(api(text)).as("API q=[" + text + "]").containsExactlyElementsOf(expected);
                assertThat(console(text)).as("console q=[" + text + "]").containsExactlyElementsOf(expected);
            }
        }

        private static String text(Random random, String alphabet, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {

        @Test
        void theNameSearchCanUseTheCharacterIndex() {
            // On a dozen rows the planner would rather read the table; forbidding that shows the index fits the query.
            String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                    StringBuilder lines = new StringBuilder();
                    try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT s.id FROM customers s WHERE"
                            + " string_to_array(lower(s.name), NULL) @> string_to_array(lower('张伟'), NULL)")) {
                        while (rs.next()) {
                            lines.append(rs.getString(1)).append('\n');
                        }
                    }
                    statement.execute("RESET enable_seqscan");
                    return lines.toString();
                }
            });
            assertThat(plan).contains("customers_name_characters_idx");
        }
    }
}
