package org.strata.server.playbook.warning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the customers each churn signal fires for, as of a moment, with the reason in both languages. Order figures
 * come from the statistics kept on the customer row (completed orders, merged customers included), so the purchase
 * signals read one row per customer instead of every order.
 */
@Component
class ChurnSignals {

    private static final double DAY_MS = 86_400_000.0;

    /** Why a signal fired for one customer. */
    record Reason(String zh, String en, String details) {
    }

    private final JdbcTemplate jdbc;
    private final WarningProperties settings;

    ChurnSignals(JdbcTemplate jdbc, WarningProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Map<Long, Reason> detect(ChurnSignal signal, Instant now) {
        return switch (signal) {
            case PURCHASE_GAP -> purchaseGap(now);
            case LOGINS_DOWN -> loginsDown(now);
            case QUIET_AFTER_ACTIVE -> quietAfterActive(now);
        };
    }

    /** No purchase for more than gapFactor times the customer's own average interval between orders. */
    private Map<Long, Reason> purchaseGap(Instant now) {
        Map<Long, Reason> found = new HashMap<>();
        jdbc.query("SELECT c.id, f.order_count, f.first_order_at, f.last_order_at FROM customers c "
                + "JOIN customer_figures f ON f.customer_id = c.id WHERE c.merged_into IS NULL "
                + "AND f.order_count >= ? AND f.last_order_at < ?", rs -> {
                    int orders = rs.getInt(2);
                    long first = rs.getTimestamp(3).getTime();
                    long last = rs.getTimestamp(4).getTime();
                    double averageDays = (last - first) / DAY_MS / (orders - 1);
                    double silentDays = (now.toEpochMilli() - last) / DAY_MS;
                    if (averageDays >= 1 && silentDays > settings.gapFactor() * averageDays) {
                        double times = silentDays / averageDays;
                        found.put(rs.getLong(1), new Reason(
                                String.format(Locale.ROOT, "已 %.0f 天未购买，是其平均购买间隔（%.0f 天）的 %.1f 倍",
                                        silentDays, averageDays, times),
                                String.format(Locale.ROOT, "No purchase for %.0f days, %.1f times the customer's "
                                        + "average interval of %.0f days", silentDays, times, averageDays),
                                String.format(Locale.ROOT, "{\"silentDays\": %.1f, \"averageIntervalDays\": %.1f, "
                                        + "\"orders\": %d}", silentDays, averageDays, orders)));
                    }
                }, settings.gapMinOrders(), Timestamp.from(now));
        return found;
    }

    /** Logins in the last window down by loginDrop or more against the window before. */
    private Map<Long, Reason> loginsDown(Instant now) {
        Duration window = Duration.ofDays(settings.loginWindowDays());
        Timestamp split = Timestamp.from(now.minus(window));
        Map<Long, Reason> found = new HashMap<>();
        jdbc.query("SELECT COALESCE(c.merged_into, c.id), SUM(CASE WHEN e.occurred_at >= ? THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN e.occurred_at < ? THEN 1 ELSE 0 END) FROM events e "
                        + "JOIN customers c ON c.id = e.customer_id WHERE e.type = 'login' AND e.occurred_at >= ? "
                        + "AND e.occurred_at < ? GROUP BY COALESCE(c.merged_into, c.id)", rs -> {
                    long current = rs.getLong(2);
                    long previous = rs.getLong(3);
                    if (previous >= settings.loginMinimum() && current <= previous * (1 - settings.loginDrop())) {
                        long percent = Math.round(100.0 * (previous - current) / previous);
                        found.put(rs.getLong(1), new Reason(
                                "近 " + window.toDays() + " 天登录 " + current + " 次，比前 " + window.toDays()
                                        + " 天（" + previous + " 次）下降 " + percent + "%",
                                current + " logins in the last " + window.toDays() + " days, down " + percent
                                        + "% from " + previous + " in the " + window.toDays() + " days before",
                                "{\"current\": " + current + ", \"previous\": " + previous + "}"));
                    }
                }, split, split, Timestamp.from(now.minus(window.multipliedBy(2))), Timestamp.from(now));
        return found;
    }

    /** Ordered in the quietDays before the last quietDays, and not since. */
    private Map<Long, Reason> quietAfterActive(Instant now) {
        Duration quiet = Duration.ofDays(settings.quietDays());
        Map<Long, Reason> found = new HashMap<>();
        jdbc.query("SELECT c.id, f.last_order_at FROM customers c JOIN customer_figures f ON f.customer_id = c.id "
                + "WHERE c.merged_into IS NULL AND f.last_order_at >= ? AND f.last_order_at < ?", rs -> {
                    long days = Math.round((now.toEpochMilli() - rs.getTimestamp(2).getTime()) / DAY_MS);
                    found.put(rs.getLong(1), new Reason(
                            "此前活跃，已 " + days + " 天（超过 " + quiet.toDays() + " 天）没有下单",
                            "Was active, but no order for " + days + " days (more than " + quiet.toDays() + ")",
                            "{\"daysSinceLastOrder\": " + days + "}"));
                }, Timestamp.from(now.minus(quiet.multipliedBy(2))), Timestamp.from(now.minus(quiet)));
        return found;
    }
}
