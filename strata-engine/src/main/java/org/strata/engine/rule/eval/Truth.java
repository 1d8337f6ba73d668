package org.strata.engine.rule.eval;

/**
 * A column of three-valued logic: a row is TRUE when set in {@code trues}, FALSE when set in {@code falses}, and
 * UNKNOWN (SQL's NULL) when in neither. A rule matches the rows that are TRUE, as a SQL WHERE clause does.
 */
record Truth(long[] trues, long[] falses) {

    /** Rows where {@code bits} says true and the value is known (not in {@code nulls}). */
    static Truth of(long[] bits, long[] nulls, Frame frame) {
        int words = frame.words();
        long[] trues = new long[words];
        long[] falses = new long[words];
        for (int w = 0; w < words; w++) {
            long known = ~nulls[w] & (w == words - 1 ? frame.lastWordMask() : -1L);
            trues[w] = bits[w] & known;
            falses[w] = ~bits[w] & known;
        }
        return new Truth(trues, falses);
    }

    static Truth constant(Boolean value, Frame frame) {
        long[] none = new long[frame.words()];
        if (value == null) {
            return new Truth(none, new long[frame.words()]);
        }
        return value ? new Truth(frame.allRows(), none) : new Truth(none, frame.allRows());
    }

    Truth and(Truth other) {
        long[] t = new long[trues.length];
        long[] f = new long[trues.length];
        for (int w = 0; w < t.length; w++) {
            t[w] = trues[w] & other.trues[w];
            f[w] = falses[w] | other.falses[w];
        }
        return new Truth(t, f);
    }

    Truth or(Truth other) {
        long[] t = new long[trues.length];
        long[] f = new long[trues.length];
        for (int w = 0; w < t.length; w++) {
            t[w] = trues[w] | other.trues[w];
            f[w] = falses[w] & other.falses[w];
        }
        return new Truth(t, f);
    }

    Truth not() {
        return new Truth(falses, trues);
    }

    /** SQL's {@code =} on two conditions: unknown when either is unknown. */
    Truth equalTo(Truth other) {
        long[] t = new long[trues.length];
        long[] f = new long[trues.length];
        for (int w = 0; w < t.length; w++) {
            t[w] = (trues[w] & other.trues[w]) | (falses[w] & other.falses[w]);
            f[w] = (trues[w] & other.falses[w]) | (falses[w] & other.trues[w]);
        }
        return new Truth(t, f);
    }

    /** The rows that are unknown, as a null mask. */
    long[] unknowns(Frame frame) {
        long[] nulls = new long[trues.length];
        for (int w = 0; w < nulls.length; w++) {
            nulls[w] = ~(trues[w] | falses[w]) & (w == nulls.length - 1 ? frame.lastWordMask() : -1L);
        }
        return nulls;
    }

    /** Coalesce: where this is unknown, take {@code fallback}. */
    Truth orElse(Truth fallback) {
        long[] t = new long[trues.length];
        long[] f = new long[trues.length];
        for (int w = 0; w < t.length; w++) {
            long unknown = ~(trues[w] | falses[w]);
            t[w] = trues[w] | (fallback.trues[w] & unknown);
            f[w] = falses[w] | (fallback.falses[w] & unknown);
        }
        return new Truth(t, f);
    }
}
