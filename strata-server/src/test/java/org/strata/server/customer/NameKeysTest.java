package org.strata.server.customer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.PostgresDatabase;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name keys computed in Java (NameKeys with the database's lower-casing, as the bulk import stages them) are the
 * keys the database computes (customer_name_keys, V19, as its triggers store them for every other writer).
 */
@PostgresDatabase
class NameKeysTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseLowerCase databaseLowerCase;

    /**
     * Every code point in one name, in order and then shuffled: each character is lower-cased as the database does,
     * and each pair of neighbours numbered alike. Java's own toLowerCase would fail here: PostgreSQL lower-cases
     * characters of newer Unicode versions than Java 17 knows (e.g. U+2C2F, U+A7C0, U+10570).
     */
    @Test
    void everyCodePointIsLowerCasedAndPairedAsTheDatabaseDoes() {
        List<Integer> codePoints = new ArrayList<>();
        for (int codePoint = 1; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                codePoints.add(codePoint);
            }
        }
        assertSameKeys(text(codePoints));
        java.util.Collections.shuffle(codePoints, new Random(19));
        assertSameKeys(text(codePoints.subList(0, 50_000)));
        assertThat(Character.toLowerCase(0x2C2F)).as("Java 17 leaves U+2C2F").isEqualTo(0x2C2F);
        assertThat(lowerCase().applyAsInt(0x2C2F)).as("the database's lower()")
                .isEqualTo(jdbc.queryForObject("SELECT ascii(lower(chr(11311)))", Integer.class));
    }

    /** Names as customers have them, and with letters that have cases (Latin, Turkish, Greek, German) and emoji. */
    @Test
    void namesGetTheKeysTheDatabaseGivesThem() {
        Random random = new Random(7);
        int[] alphabet = "张伟李娜王客户有限公司0123456789 aAbBzZİIıiΣσςẞßÅåΩΩ😀😁-_%.\u001F".codePoints().toArray();
        for (int i = 0; i < 300; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                name.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSameKeys(name.toString());
        }
        assertSameKeys("");
        assertSameKeys("客户4242");
    }

    @Test
    void aNameKeyIsACharactersCodePointAndAPairIsNegative() {
        assertThat(NameKeys.of("Ab", codePoint -> Character.toLowerCase(codePoint)))
                .containsExactly(NameKeys.pair('a', 'b'), 'a', 'b');
        assertThat(NameKeys.pair('a', 'b')).isNegative();
        assertThat(NameKeys.of("aaa", codePoint -> codePoint)).containsExactly(NameKeys.pair('a', 'a'), 'a');
    }

    /** Any other writer (the batch import, the demo, a test's or a user's SQL) gets the keys from the triggers. */
    @Test
    void rowsWrittenWithoutKeysGetThemFromTheTriggers() {
        CustomerData.deleteAll(jdbc);
        jdbc.update("INSERT INTO customers (id, name) VALUES (1, '张伟 Alice'), (2, NULL)");
        assertThat(keysOf(1)).containsExactly(databaseKeys("张伟 Alice"));
        assertThat(keysOf(2)).isNull();

        jdbc.update("UPDATE customers SET name = 'ALICE 王' WHERE id IN (1, 2)");
        assertThat(keysOf(1)).containsExactly(databaseKeys("ALICE 王"));
        assertThat(keysOf(2)).containsExactly(databaseKeys("ALICE 王"));

        jdbc.update("UPDATE customers SET name = NULL WHERE id = 1");
        assertThat(keysOf(1)).as("an erased name").isNull();

        // a writer that brings the keys keeps them: the triggers compute nothing then
        jdbc.update("UPDATE customers SET name = 'x', name_keys = ? WHERE id = 2", (Object) new Integer[] {120});
        assertThat(keysOf(2)).containsExactly(120);
        CustomerData.deleteAll(jdbc);
    }

    /** Where lower() turns a character into two (full case mapping), Java cannot repeat it and leaves it to SQL. */
    @Test
    void aLowerCasingThatChangesTheLengthCannotBeRepeatedInJava() {
        assertThat(DatabaseLowerCase.LowerCaseTable.of("Aİb", "ai\u0307b")).isEmpty();
        IntUnaryOperator table = DatabaseLowerCase.LowerCaseTable.of("AẞΣ😀\uD801\uDC00", "aßσ😀\uD801\uDC28")
                .orElseThrow();
        assertThat(table.applyAsInt('A')).isEqualTo('a');
        assertThat(table.applyAsInt('ẞ')).isEqualTo('ß');
        assertThat(table.applyAsInt(0x10400)).isEqualTo(0x10428);
        assertThat(table.applyAsInt('Z')).as("a code point the text did not hold").isEqualTo('Z');
    }

    private void assertSameKeys(String name) {
        // isEqualTo, not containsExactly: the latter diffs two million keys element by element before comparing
        assertThat(NameKeys.of(name, lowerCase())).as("keys of [%s]", name.length() > 40 ? name.substring(0, 40)
                + "…" : name).isEqualTo(databaseKeys(name));
    }

    private IntUnaryOperator lowerCase() {
        Optional<IntUnaryOperator> lowerCase = databaseLowerCase.codePointByCodePoint();
        assertThat(lowerCase).as("a libc database lower-cases character by character").isPresent();
        return lowerCase.get();
    }

    private int[] databaseKeys(String name) {
        return jdbc.queryForObject("SELECT customer_name_keys(CAST(? AS text))", (rs, n) -> ints(rs.getArray(1)),
                name);
    }

    private int[] keysOf(long customer) {
        return jdbc.queryForObject("SELECT name_keys FROM customers WHERE id = ?", (rs, n) -> ints(rs.getArray(1)),
                customer);
    }

    private static int[] ints(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((Integer[]) array.getArray()).mapToInt(Integer::intValue)
                .toArray();
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
