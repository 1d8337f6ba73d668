package org.strata.server.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.SqlDialect;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

/**
 * The SQL classification of phones and emails ({@link QualityRules#kindOfPhone}, {@link QualityRules#kindOfEmail},
 * which the maintained figures count) says missing, valid or invalid exactly when the Java checks the direct report
 * makes do, for tricky spellings and for random strings of the characters that decide, on both databases.
 */
class QualityRulesInSqlTest {

    abstract static class Contract {

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        SqlDialect dialect;

        @Test
        void theSqlKindOfEveryPhoneAndEmailIsTheOneJavaFinds() {
            SoftAssertions softly = new SoftAssertions();
            String phoneKind = QualityRules.kindOfPhone(dialect, "v.x");
            String emailKind = QualityRules.kindOfEmail(dialect, "v.x");
            List<String> values = values();
            for (String value : values) {
                List<String> kinds = jdbc.queryForObject("SELECT " + phoneKind + ", " + emailKind
                                + " FROM (SELECT CAST(? AS VARCHAR(400)) AS x) v",
                        (rs, n) -> List.of(rs.getString(1), rs.getString(2)), value);
                softly.assertThat(kinds.get(0)).as("phone [%s]", value).isEqualTo(javaKind(value, true));
                softly.assertThat(kinds.get(1)).as("email [%s]", value).isEqualTo(javaKind(value, false));
            }
            softly.assertAll();
            assertThat(values.stream().filter(v -> "V".equals(javaKind(v, true)))).hasSizeGreaterThan(20);
            assertThat(values.stream().filter(v -> "V".equals(javaKind(v, false)))).hasSizeGreaterThan(20);
        }

        /** As DirectQualityReport judges a stored value. */
        private static String javaKind(String value, boolean phone) {
            if (QualityRules.isMissing(value)) {
                return "M";
            }
            return (phone ? QualityRules.isValidPhone(value) : QualityRules.isValidEmail(value)) ? "V" : "I";
        }

        private static List<String> values() {
            List<String> values = new ArrayList<>(Arrays.asList(null, "", " ", "\t", "\u3000", " \u3000\t\n\r\f\u000B",
                    "\u00A0", "+8613812345678", "+86138123456789", "+861381234567", "+8612812345678",
                    "+86 13812345678", " +8613812345678", "+8613812345678 ", "+862188886666", "+14155550123",
                    "+8012345678", "+86", "13812345678", "电话", "＋8613812345678", "+８613812345678",
                    "wang@example.cn", "Wang@example.cn", "wang@example", "wang @example.cn", "a@b@c.cn", "@x.cn",
                    "a@.cn", "a@x.", "a@x..cn", "a.b+c@mail.example.org", "王@例子.中国", "a@b.c\u3000", "a\u00A0@b.cn"));
            Random random = new Random(11);
            String phoneCharacters = "+8613579024 -\u3000";
            String emailCharacters = "ab.@Z1 \t\u3000王";
            for (int i = 0; i < 300; i++) {
                values.add("+861" + randomOf(random, "0123456789", 9 + random.nextInt(3)) + (random.nextInt(5) == 0
                        ? randomOf(random, phoneCharacters, 1) : ""));
                values.add(randomOf(random, phoneCharacters, 1 + random.nextInt(16)));
                values.add(randomOf(random, "abc", 1 + random.nextInt(3)) + "@" + randomOf(random, "xy", 1
                        + random.nextInt(3)) + "." + randomOf(random, "cn", 1 + random.nextInt(2)));
                values.add(randomOf(random, emailCharacters, 1 + random.nextInt(10)));
            }
            return values;
        }

        private static String randomOf(Random random, String characters, int length) {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < length; i++) {
                value.append(characters.charAt(random.nextInt(characters.length())));
            }
            return value.toString();
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
