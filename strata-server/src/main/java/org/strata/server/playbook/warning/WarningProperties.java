package org.strata.server.playbook.warning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the churn signals ({@code strata.playbook.warnings.*}).
 *
 * @param gapFactor       purchase_gap: silent for more than this many times the customer's own average interval
 * @param gapMinOrders    purchase_gap: orders needed before a customer's average interval means anything
 * @param loginWindowDays logins_down: the length of the current and of the previous period compared
 * @param loginMinimum    logins_down: logins the previous period needs, so 2 -> 1 is not called a drop
 * @param loginDrop       logins_down: the share of logins lost (0.5 = down 50% or more)
 * @param quietDays       quiet_after_active: days without an order after having ordered in the period before
 */
@ConfigurationProperties("strata.playbook.warnings")
public record WarningProperties(Double gapFactor, Integer gapMinOrders, Integer loginWindowDays, Integer loginMinimum,
                                Double loginDrop, Integer quietDays) {

    public WarningProperties {
        gapFactor = gapFactor == null ? 2.0 : gapFactor;
        gapMinOrders = gapMinOrders == null ? 3 : gapMinOrders;
        loginWindowDays = loginWindowDays == null ? 30 : loginWindowDays;
        loginMinimum = loginMinimum == null ? 4 : loginMinimum;
        loginDrop = loginDrop == null ? 0.5 : loginDrop;
        quietDays = quietDays == null ? 90 : quietDays;
    }
}
