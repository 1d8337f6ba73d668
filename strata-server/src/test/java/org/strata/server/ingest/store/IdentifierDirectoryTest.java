package org.strata.server.ingest.store;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierDirectoryTest {

    @Test
    void findsEveryAddedValueWithItsCustomersAndNothingElseAsAMapOfStringsWould() {
        SplittableRandom random = new SplittableRandom(7);
        IdentifierDirectory directory = new IdentifierDirectory();
        Map<String, long[]> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String value = randomValue(random);
            if (expected.containsKey(value)) {
                continue;
            }
            long customer = random.nextLong(1, Long.MAX_VALUE);
            long origin = random.nextLong(1, Long.MAX_VALUE);
            directory.add(value, customer, origin);
            expected.put(value, new long[] {customer, origin});
        }
        assertThat(directory.size()).isEqualTo(expected.size());
        expected.forEach((value, customers) -> {
            int entry = directory.find(value);
            assertThat(entry).as(value).isNotEqualTo(IdentifierDirectory.NOT_FOUND);
            assertThat(directory.customer(entry)).as(value).isEqualTo(customers[0]);
            assertThat(directory.origin(entry)).as(value).isEqualTo(customers[1]);
        });
        for (int i = 0; i < 50_000; i++) {
            String value = randomValue(random);
            assertThat(directory.find(value) != IdentifierDirectory.NOT_FOUND).as(value)
                    .isEqualTo(expected.containsKey(value));
        }
    }

    @Test
    void valuesThatShareTheirHashAreToldApart() {
        // "Aa" and "BB" have the same String.hashCode, and so do all strings built from them alike
        IdentifierDirectory directory = new IdentifierDirectory();
        directory.add("AaAa", 1, 11);
        directory.add("BBBB", 2, 12);
        directory.add("AaBB", 3, 13);
        assertThat(directory.customer(directory.find("BBBB"))).isEqualTo(2);
        assertThat(directory.origin(directory.find("AaBB"))).isEqualTo(13);
        assertThat(directory.find("BBAa")).isEqualTo(IdentifierDirectory.NOT_FOUND);
        assertThat(directory.find("")).isEqualTo(IdentifierDirectory.NOT_FOUND);
    }

    @Test
    void anEmptyDirectoryFindsNothing() {
        assertThat(new IdentifierDirectory().find("C1")).isEqualTo(IdentifierDirectory.NOT_FOUND);
    }

    /** Short ids with a common prefix, phones, e-mails, Chinese text, the empty string, characters past the BMP. */
    private static String randomValue(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "C" + random.nextInt(100_000);
            case 1 -> "+86138" + (10_000_000 + random.nextInt(90_000_000));
            case 2 -> "c" + random.nextInt(100_000) + "@example.cn";
            case 3 -> "客户" + random.nextInt(1000) + (random.nextBoolean() ? "\uD83D\uDE00" : "");
            default -> random.nextInt(100) == 0 ? "" : Integer.toString(random.nextInt(1000), 36);
        };
    }
}
