package org.strata.server.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** The demo's one source of randomness, with the few distributions it needs. */
final class DemoRandom {

    private final SplittableRandom random;

    DemoRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    int between(int fromInclusive, int toExclusive) {
        return random.nextInt(fromInclusive, toExclusive);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Favours the front of the list (common surnames are far more common than rare ones). */
    <T> T pickSkewed(T[] values) {
        double u = random.nextDouble();
        return values[(int) (u * u * values.length)];
    }

    <T> T pickWeighted(List<T> values, ToDoubleFunction<T> weight) {
        double total = values.stream().mapToDouble(weight).sum();
        double u = random.nextDouble() * total;
        for (T value : values) {
            u -= weight.applyAsDouble(value);
            if (u < 0) {
                return value;
            }
        }
        return values.get(values.size() - 1);
    }

    double normal() {
        // Box–Muller; 1 - u keeps the logarithm away from zero.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * normal());
    }

    int poisson(double mean) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * normal()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    String digits(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }
}
