package org.strata.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins the writer's cell texts: {@link CellFormat} must print exactly what the writer printed before it wrote into
 * byte arrays directly ({@link #previousWriter}, the earlier code kept verbatim as the reference), so a scoring
 * output stays byte-identical across the change.
 */
class CellFormatTest {

    private static final int SAMPLES = 2_000_000;

    @Test
    void numbersPrintAsThePreviousWriterPrintedThemOnRandomDoubles() {
        SplittableRandom random = new SplittableRandom(20261122);
        byte[] buffer = new byte[CellFormat.NUMBER_WIDTH];
        for (int i = 0; i < SAMPLES; i++) {
            double v = randomDouble(random);
            int end = CellFormat.number(buffer, 0, v);
            assertThat(new String(buffer, 0, end, StandardCharsets.US_ASCII)).as("value %s", v)
                    .isEqualTo(previousWriter(v));
        }
    }

    @Test
    void numbersAtTheEdgesPrintAsThePreviousWriterPrintedThem() {
        double[] edges = {0, -0.0, 1, -1, 0.005, -0.005, 0.004999, 0.015, 2.675, 1.005, 99.995, -99.995, 0.1, 0.01,
            0.001, 1e-300, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 0.5, Integer.MIN_VALUE - 0.5,
            21474836.47, 21474836.475, 21474836.4749, 9_999_999_999_999.99, 1e13, -1e13, 1e13 - 0.01, 1e15, 1e300,
            Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        byte[] buffer = new byte[CellFormat.NUMBER_WIDTH];
        for (double v : edges) {
            int end = CellFormat.number(buffer, 0, v);
            assertThat(new String(buffer, 0, end, StandardCharsets.US_ASCII)).as("value %s", v)
                    .isEqualTo(previousWriter(v));
        }
    }

    @Test
    void divisionByAHundredByMultiplicationMatchesIntegerDivision() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < SAMPLES; i++) {
            int value = random.nextInt(Integer.MAX_VALUE);
            assertThat(CellFormat.div100(value)).isEqualTo(value / 100);
        }
        for (int value : new int[] {0, 99, 100, 199, 200, Integer.MAX_VALUE, Integer.MAX_VALUE - 47}) {
            assertThat(CellFormat.div100(value)).isEqualTo(value / 100);
        }
    }

    @Test
    void datesPrintAsLocalDateDoes() {
        SplittableRandom random = new SplittableRandom(11);
        byte[] buffer = new byte[CellFormat.DATE_WIDTH];
        for (int i = 0; i < 200_000; i++) {
            int day = i % 2 == 0 ? random.nextInt(-800_000, 3_000_000) : random.nextInt();
            int end = CellFormat.date(buffer, 0, day);
            assertThat(new String(buffer, 0, end, StandardCharsets.US_ASCII))
                    .isEqualTo(LocalDate.ofEpochDay(day).toString());
        }
    }

    /** Counts, money with cents, long fractions, negatives, tiny and huge magnitudes, ties at half a cent. */
    private static double randomDouble(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt(-1000, 100_000);
            case 1 -> random.nextInt(-10_000_000, 100_000_000) / 100.0;
            case 2 -> random.nextInt(0, 2_000_000) / 1000.0 + 0.005;
            case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 16));
            case 4 -> random.nextLong(-4_000_000_000L, 4_000_000_000L) + random.nextInt(100) / 100.0;
            case 5 -> Double.longBitsToDouble(random.nextLong());
            case 6 -> random.nextDouble() * 1000;
            default -> -random.nextInt(0, 1_000_000) / 100.0;
        };
    }

    /** TableCsvWriter.ByteSink.number as it was before CellFormat (commit 05b3306), turned into a String. */
    private static String previousWriter(double v) {
        if (v == 0) {
            return "0";
        }
        int whole = (int) v;
        if (whole == v) {
            return Integer.toString(whole);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (Math.abs(v) >= 1e13) {
            return Double.toString(v);
        }
        long cents = (long) (Math.abs(v) * 100 + 0.5);
        StringBuilder out = new StringBuilder();
        if (v < 0 && cents != 0) {
            out.append('-');
        }
        long units = cents / 100;
        out.append(units);
        int fraction = (int) (cents - units * 100);
        if (fraction != 0) {
            out.append('.').append((char) ('0' + fraction / 10));
            if (fraction % 10 != 0) {
                out.append((char) ('0' + fraction % 10));
            }
        }
        return out.toString();
    }
}
