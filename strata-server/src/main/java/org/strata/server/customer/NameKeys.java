package org.strata.server.customer;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The keys of a customer name in {@code customers_name_keys_idx}, computed in Java exactly as the database's
 * {@code customer_name_keys(name)} (V19) computes them: every character of the lower-cased name as its code point, and
 * every pair of neighbours as {@link #pair}, sorted ascending without repeats. The bulk import of customers stages
 * them with every row, so that a million rows need no SQL call each.
 * <p>
 * The lower-casing must be the database's own, not Java's: PostgreSQL's {@code lower()} follows the operating system's
 * Unicode tables (glibc 2.36 lower-cases 40 code points of Unicode 14 that Java 17 leaves as they are), and a name
 * whose keys came from another lower-casing than the search text's could be missed. {@link DatabaseLowerCase} reads
 * the database's mapping; CustomerBulkLoader falls back to the SQL function where there is none.
 */
public final class NameKeys {

    /** The number of code points; a pair (a, b) is first numbered a * CODE_POINTS + b. */
    private static final long CODE_POINTS = 0x110000;
    /** 2^31 - 1, a prime: pairs are folded into the negative integers by their rest modulo it. */
    private static final long MODULUS = Integer.MAX_VALUE;

    private static final int[] NONE = {};

    private NameKeys() {
    }

    /**
     * @param name      a name, not null
     * @param lowerCase the database's {@code lower()} of one code point (a code point again)
     */
    public static int[] of(String name, IntUnaryOperator lowerCase) {
        if (name.isEmpty()) {
            return NONE;
        }
        int[] keys = new int[2 * name.length()];
        int n = 0;
        int previous = -1;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            i += Character.charCount(codePoint);
            int lower = lowerCase.applyAsInt(codePoint);
            keys[n++] = lower;
            if (previous >= 0) {
                keys[n++] = pair(previous, lower);
            }
            previous = lower;
        }
        Arrays.sort(keys, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || keys[i] != keys[distinct - 1]) {
                keys[distinct++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, distinct);
    }

    /**
     * The key of the neighbours a, b: negative, so never a character's. Pairs outnumber 31 bits, so a few share a
     * key; that only lets more names past the index, never fewer, as the LIKE after it decides.
     */
    static int pair(int first, int second) {
        return (int) ((first * CODE_POINTS + second) % MODULUS - MODULUS);
    }
}
