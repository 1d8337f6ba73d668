package org.strata.server.playbook.experiment;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The intervals and tests on simulated experiments whose true effect is known: a 95% interval covers the truth in
 * about 95% of experiments, and with no effect about 5% of experiments are called significant. Seeded, so the
 * simulations are the same on every run.
 */
class StatsTest {

    private static final int EXPERIMENTS = 2_000;
    private static final double CONFIDENCE = 0.95;

    @Test
    void wilsonIntervalMatchesAHandComputedExample() {
        // 81 of 263: p = 0.3080, Wilson 95% = [0.2553, 0.3662] (Newcombe 1998, Table I style example)
        Stats.Interval interval = Stats.wilson(81, 263, CONFIDENCE);
        assertThat(interval.low()).isCloseTo(0.2553, within(0.0005));
        assertThat(interval.high()).isCloseTo(0.3662, within(0.0005));
    }

    @Test
    void newcombeIntervalMatchesNewcombesPublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80, method 10: [0.0524, 0.3339]
        Stats.Comparison c = Stats.proportions(56, 70, 48, 80, CONFIDENCE);
        assertThat(c.difference()).isCloseTo(0.2, within(1e-9));
        assertThat(c.interval().low()).isCloseTo(0.0524, within(0.0005));
        assertThat(c.interval().high()).isCloseTo(0.3339, within(0.0005));
    }

    @Test
    void theDifferenceOfProportionsIntervalCoversATrueEffectOfFivePointsInAbout95PercentOfExperiments() {
        Random random = new Random(42);
        int covered = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            long treated = successes(random, 600, 0.25);
            long control = successes(random, 300, 0.20);
            if (Stats.proportions(treated, 600, control, 300, CONFIDENCE).interval().contains(0.05)) {
                covered++;
            }
        }
        assertThat((double) covered / EXPERIMENTS).isBetween(0.935, 0.965);
    }

    @Test
    void withoutAnEffectAbout5PercentOfProportionTestsAreSignificant() {
        Random random = new Random(7);
        int significant = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            long treated = successes(random, 900, 0.3);
            long control = successes(random, 100, 0.3);
            if (Stats.proportions(treated, 900, control, 100, CONFIDENCE).significant(0.05)) {
                significant++;
            }
        }
        assertThat((double) significant / EXPERIMENTS).isBetween(0.035, 0.065);
    }

    @Test
    void welchIntervalCoversATrueRevenueDifferenceDespiteUnequalSkewedGroups() {
        Random random = new Random(3);
        int covered = 0;
        // revenue: most customers spend nothing, buyers spend log-normally; treated buy more often
        double trueTreated = 0.4 * Math.exp(6 + 0.5);
        double trueControl = 0.3 * Math.exp(6 + 0.5);
        for (int i = 0; i < EXPERIMENTS; i++) {
            Stats.Sample treated = Stats.Sample.of(revenue(random, 800, 0.4));
            Stats.Sample control = Stats.Sample.of(revenue(random, 200, 0.3));
            if (Stats.means(treated, control, CONFIDENCE).interval().contains(trueTreated - trueControl)) {
                covered++;
            }
        }
        assertThat((double) covered / EXPERIMENTS).isBetween(0.93, 0.965);
    }

    @Test
    void withoutAnEffectAbout5PercentOfWelchTestsAreSignificant() {
        Random random = new Random(11);
        int significant = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            if (Stats.means(Stats.Sample.of(revenue(random, 500, 0.3)), Stats.Sample.of(revenue(random, 500, 0.3)),
                    CONFIDENCE).significant(0.05)) {
                significant++;
            }
        }
        assertThat((double) significant / EXPERIMENTS).isBetween(0.035, 0.065);
    }

    @Test
    void aLargeTrueEffectIsFoundSignificant() {
        Stats.Comparison c = Stats.proportions(400, 1000, 20, 100, CONFIDENCE);
        assertThat(c.pValue()).isLessThan(0.001);
        assertThat(c.interval().low()).isGreaterThan(0.1);
    }

    private static long successes(Random random, int n, double p) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }

    private static double[] revenue(Random random, int n, double buyRate) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble() < buyRate ? Math.exp(6 + random.nextGaussian()) : 0;
        }
        return values;
    }
}
