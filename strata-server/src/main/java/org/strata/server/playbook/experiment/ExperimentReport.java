package org.strata.server.playbook.experiment;

import java.time.Instant;

/**
 * Treated versus control on three outcomes after entering: conversion (an order within {@code days}), revenue per
 * customer in that window (net of refunds), retention (an order in the following {@code days}, counted over entrants
 * whose second window has ended). Intervals at {@code confidence}; a difference is significant when p < 1 - confidence.
 */
public record ExperimentReport(String title, String titleZh, int days, double confidence, Instant asOf,
                               Group treated, Group control, Metric conversion, Metric revenue, Metric retention) {

    /**
     * @param entrants          entrants whose conversion window has ended
     * @param retentionEntrants entrants whose retention window has ended
     */
    public record Group(String label, String labelZh, long entrants, long converted, double conversionRate,
                        Stats.Interval conversionInterval, double revenuePerCustomer,
                        Stats.Interval revenueInterval, long retentionEntrants, long retained, double retentionRate,
                        Stats.Interval retentionInterval) {
    }

    /** Treated minus control. */
    public record Metric(String name, String nameZh, double difference, Stats.Interval interval, double pValue,
                         boolean significant) {

        static Metric of(String name, String nameZh, Stats.Comparison c, double confidence) {
            return new Metric(name, nameZh, c.difference(), c.interval(), c.pValue(),
                    !Double.isNaN(c.pValue()) && c.significant(1 - confidence));
        }
    }
}
