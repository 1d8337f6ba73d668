package org.strata.server.customer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.dashboard.CustomerBrowseFilter;
import org.strata.server.dashboard.CustomerBrowser;
import org.strata.server.sql.SuspendedIndexes;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a text typed into the customer search matches, on the API's list and on the console's list, on H2 and on
 * PostgreSQL (where the name lookup goes through the index of the characters and character pairs of V19, which must
 * not change what matches; the rows here get their keys from V19's triggers, the bulk import's from Java: NameKeysTest).
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

        /** Replaces the customers with these names, ids 101, 102, ... in order. */
        void loadNames(String... names) {
            CustomerData.deleteAll(jdbc);
            for (int i = 0; i < names.length; i++) {
                customer(101 + i, null, names[i]);
            }
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

        @Test
        void digitsAreFoundInsideNumbers() {
            loadNames("客户4242", "客户142421", "客户2442", "客户424", "客户24", "客户42", "客户1242");
            bothFind("4242", 101L, 102L);
            bothFind("42", 101L, 102L, 103L, 104L, 106L, 107L);
            bothFind("24", 101L, 102L, 103L, 104L, 105L, 107L);
            bothFind("424", 101L, 102L, 104L);
            bothFind("242", 101L, 102L, 107L);
            bothFind("4", 101L, 102L, 103L, 104L, 105L, 106L, 107L);
        }

        @Test
        void twoChineseCharactersAreFoundAnywhereInTheName() {
            bothFind("家港", 5L);
            bothFind("公司", 5L);
            bothFind("港华", 5L);
            bothFind("华张");
        }

        @Test
        void textsOfOddAndEvenLengthsFindTheNamesHoldingThem() {
            bothFind("张家港", 5L);
            bothFind("张家港华", 5L);
            bothFind("华通贸易有", 5L);
            bothFind("通贸易有限公", 5L);
            bothFind("家港华通贸易有限公司", 5L);
            bothFind("张家港华通贸易有限公司", 5L);
            bothFind("张家港华通贸易有限公司了");
        }

        @Test
        void aTextRepeatingItsPairsNeedsThemRepeatedInTheName() {
            loadNames("aaa", "aaaa", "baaaab", "aabaa", "abab", "ababa");
            bothFind("aaaa", 102L, 103L);
            bothFind("aaa", 101L, 102L, 103L);
            bothFind("aa", 101L, 102L, 103L, 104L);
            bothFind("abab", 105L, 106L);
            bothFind("ababa", 106L);
            bothFind("baab");
        }

        @Test
        void charactersThatSeparateOrQuoteElsewhereAreSearchedLikeAnyOther() {
            loadNames("a\u001Fb", "a\u001F\u001Fb", "a b", "ab", "a|b", "{a,b}", "a\\&b", "NULL", "甲\n乙", "x.y");
            bothFind("a\u001Fb", 101L);
            bothFind("a\u001F\u001Fb", 102L);
            bothFind("ab", 104L);
            bothFind("a,b", 106L);
            bothFind("{a", 106L);
            bothFind("\\&", 107L);
            bothFind("null", 108L);
            bothFind("甲\n乙", 109L);
            bothFind("甲乙");
            bothFind(".", 110L);
            bothFind("x.y", 110L);
            bothFind("xy");
        }

        @Test
        void emojiCountAsOneCharacterEach() {
            loadNames("😀张伟😀", "张😀伟", "😀😀");
            bothFind("😀", 101L, 102L, 103L);
            bothFind("😀张", 101L);
            bothFind("伟😀", 101L);
            bothFind("张😀伟", 102L);
            bothFind("😀😀", 103L);
            bothFind("😀伟", 102L);
        }

        /**
         * Random names and texts from a small alphabet (so that many texts match something), against the rule written
         * out in Java: the name contains the text, letters in any case.
         */
        @Test
        void agreesWithContainsOnRandomNamesAndTexts() {
            agreesWithContains("张伟李娜王aAbB%_ ", 4, 6, 3);
        }

        /**
         * The same with few distinct characters and longer texts, so that pairs repeat within names and texts and a
         * name often holds every pair of a text without holding the text; U+001F was V15's separator.
         */
        @Test
        void agreesWithContainsWhenPairsRepeat() {
            agreesWithContains("42客a\u001F", 7, 9, 6);
        }

        private void agreesWithContains(String alphabet, long seed, int longestName, int longestText) {
            CustomerData.deleteAll(jdbc);
            Random random = new Random(seed);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String name = text(random, alphabet, 1 + random.nextInt(longestName));
                names.add(name);
                customer(i + 1, null, name);
            }
            for (int i = 0; i < 120; i++) {
                String text = text(random, alphabet, 1 + random.nextInt(longestText)).trim();
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

        private static final String NAME_INDEX = """
                SELECT indexdef FROM pg_indexes WHERE tablename = 'customers' AND indexname = ?""";

        @Autowired
        CustomerTextSearch textSearch;
        @Autowired
        PlatformTransactionManager transactions;

        @Test
        void theSearchLooksUpTheNameKeysIndexForShortAndLongTexts() {
            for (String text : List.of("张", "张伟", "张家港", "4242", "a\u001Fb")) {
                assertThat(plan(SearchTerm.of(text))).as("API q=" + text).contains("customers_name_keys_idx");
                assertThat(plan(SearchTerm.typedInConsole(text))).as("console q=" + text)
                        .contains("customers_name_keys_idx");
            }
        }

        @Test
        void theNameKeysIndexReplacesTheTextIndexes() {
            assertThat(jdbc.queryForList(NAME_INDEX, String.class, "customers_name_characters_idx")).isEmpty();
            assertThat(jdbc.queryForList(NAME_INDEX, String.class, "customers_name_grams_idx")).isEmpty();
            assertThat(jdbc.queryForList(NAME_INDEX, String.class, "customers_name_keys_idx")).hasSize(1);
        }

        /** A bulk load drops the indexes of customers and builds them again from their definitions in the catalogue. */
        @Test
        void aBulkLoadBuildsTheNameKeysIndexAgainAsItWas() {
            String before = jdbc.queryForObject(NAME_INDEX, String.class, "customers_name_keys_idx");
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                SuspendedIndexes suspended = SuspendedIndexes.suspend(jdbc, List.of("customers"));
                assertThat(suspended.names()).contains("customers_name_keys_idx");
                assertThat(jdbc.queryForList(NAME_INDEX, String.class, "customers_name_keys_idx")).isEmpty();
                suspended.restore("64MB");
            });
            assertThat(jdbc.queryForObject(NAME_INDEX, String.class, "customers_name_keys_idx")).isEqualTo(before);
            assertThat(plan(SearchTerm.of("张伟"))).contains("customers_name_keys_idx");
            bothFind("张伟", 1L);
        }

        /**
         * The plan of a search over customers with sequential and plain index scans forbidden: on a dozen rows the
         * planner would rather read the table, and the only other way to answer the OR is a bitmap of its indexes,
         * so the name's index appears in the plan exactly when the condition's expression is the index's.
         */
        private String plan(SearchTerm term) {
            CustomerTextSearch.Condition condition = textSearch.matching("c", term);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
            return new TransactionTemplate(transactions).execute(status -> {
                jdbc.execute("SET LOCAL enable_seqscan = off");
                jdbc.execute("SET LOCAL enable_indexscan = off");
                return String.join("\n", named.queryForList("EXPLAIN SELECT c.id FROM customers c WHERE "
                        + condition.sql(), condition.params(), String.class));
            });
        }
    }
}
