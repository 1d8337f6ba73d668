package org.strata.server.playbook.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals and tests for comparing a treated group with a control group. Proportions: Wilson score
 * intervals per group, Newcombe's hybrid score interval (his method 10) for the difference, and the pooled
 * two-proportion z-test; all behave well for small groups and rates near 0 or 1, where the textbook Wald interval
 * does not. Means: Welch's t interval and test, which do not assume equal variances (revenue rarely has them).
 */
public final class Stats {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Stats() {
    }

    public record Interval(double low, double high) {

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /** A difference between treated and control with its interval and two-sided p-value. */
    public record Comparison(double difference, Interval interval, double pValue) {

        public boolean significant(double alpha) {
            return pValue < alpha;
        }
    }

    static double z(double confidence) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** Wilson score interval of a proportion {@code successes / n}. */
    public static Interval wilson(long successes, long n, double confidence) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z = z(confidence);
        double p = (double) successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z2n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Treated minus control proportion: Newcombe's hybrid score interval and the pooled z-test. */
    public static Comparison proportions(long x1, long n1, long x2, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) {
            return new Comparison(Double.NaN, new Interval(-1, 1), Double.NaN);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = wilson(x1, n1, confidence);
        Interval w2 = wilson(x2, n2, confidence);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = d + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double pValue = se == 0 ? (d == 0 ? 1 : 0) : 2 * (1 - NORMAL.cumulativeProbability(Math.abs(d) / se));
        return new Comparison(d, new Interval(low, high), pValue);
    }

    /** Summary of a sample: its size, mean and (n-1) variance. */
    public record Sample(long n, double mean, double variance) {

        public static Sample of(double[] values) {
            long n = values.length;
            double mean = 0;
            for (double v : values) {
                mean += v;
            }
            mean = n == 0 ? 0 : mean / n;
            double squares = 0;
            for (double v : values) {
                squares += square(v - mean);
            }
            return new Sample(n, mean, n < 2 ? 0 : squares / (n - 1));
        }
    }

    /** Treated minus control mean: Welch's t interval and test (Welch–Satterthwaite degrees of freedom). */
    public static Comparison means(Sample treated, Sample control, double confidence) {
        double d = treated.mean() - control.mean();
        if (treated.n() < 2 || control.n() < 2) {
            return new Comparison(d, new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), Double.NaN);
        }
        double a = treated.variance() / treated.n();
        double b = control.variance() / control.n();
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return new Comparison(d, new Interval(d, d), d == 0 ? 1 : 0);
        }
        double df = square(a + b) / (square(a) / (treated.n() - 1) + square(b) / (control.n() - 1));
        TDistribution t = new TDistribution(null, df);
        double critical = t.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double pValue = 2 * (1 - t.cumulativeProbability(Math.abs(d) / se));
        return new Comparison(d, new Interval(d - critical * se, d + critical * se), pValue);
    }

    private static double square(double x) {
        return x * x;
    }
}
