/**
 * Dashboard figures for the web console: tier sizes by count and revenue, the Pareto curve, who moved between runs,
 * tier sizes over time, retention by tier and the KPI cards, answered as JSON under {@code /api/v1/dashboard}.
 * Every query adds the caller's {@link org.strata.server.scope.CustomerScope} condition, so a manager sees the
 * figures of her own customers only once access control is in place.
 */
package org.strata.server.dashboard;
