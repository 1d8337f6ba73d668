package org.strata.server.dashboard;

import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The spend band of a lifetime revenue ({@link FigureStatements#spendBand}) computed in Java, equal to what
 * PostgreSQL computes, or else asked of it.
 *
 * <p>Why the two agree: PostgreSQL casts the NUMERIC revenue to a double by its text (strtod, correctly rounded), as
 * {@code cents / 100.0} is correctly rounded (both operands exact); the addition and the multiplication are the same
 * IEEE operations. Only the logarithms may differ, each within one unit in the last place of the true value (the C
 * library's {@code log}, {@link StrictMath#log}): after the multiplication by 1000 they differ by less than 1e-10 for
 * any NUMERIC(18, 2) amount. So the floors agree unless the product lies within that of an integer; there
 * {@link #of} answers {@link #ASK} and {@link #asked} takes the database's answer.
 */
final class SpendBands {

    /** What {@link #of} answers where only the database can tell. */
    static final int ASK = Integer.MIN_VALUE;

    /** Far more than the two logarithms can differ by after the multiplication (see the class comment). */
    private static final double MARGIN = 1e-9;
    /** Cents up to this are exact doubles. */
    private static final long EXACT_CENTS = 1L << 53;

    private SpendBands() {
    }

    /** The band of a revenue of {@code cents}, or {@link #ASK}. */
    static int of(long cents) {
        if (cents == 0) {
            return 0;
        }
        if (cents > EXACT_CENTS || cents < -EXACT_CENTS) {
            return ASK;
        }
        double amount = cents / 100.0;
        double scaled = cents > 0 ? StrictMath.log(amount + 1) * 1000 : StrictMath.log(1 - amount) * 1000;
        double floor = Math.floor(scaled);
        if (scaled - floor < MARGIN || floor + 1 - scaled < MARGIN) {
            return ASK;
        }
        return cents > 0 ? 1 + (int) floor : -1 - (int) floor;
    }

    /** The band of a revenue of {@code cents} as the database computes it. */
    static int asked(JdbcTemplate jdbc, long cents) {
        Integer band = jdbc.queryForObject("SELECT " + FigureStatements.spendBand("v.revenue")
                + " FROM (SELECT CAST(? AS NUMERIC(18, 2)) AS revenue) v", Integer.class, BigDecimal.valueOf(cents, 2));
        return band;
    }
}
