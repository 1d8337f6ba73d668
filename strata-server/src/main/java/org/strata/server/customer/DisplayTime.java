package org.strata.server.customer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Renders stored instants in the company's time zone ({@code strata.time-zone}, default Asia/Shanghai), so that an
 * order placed at 23:30 in Shanghai shows as {@code 2026-03-01T23:30+08:00} and not as the previous day in UTC.
 */
@Component
public class DisplayTime {

    private final ZoneId zone;

    public DisplayTime(@Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public OffsetDateTime of(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column (null stays null) and moves it into the display zone. */
    public OffsetDateTime read(ResultSet rs, String column) throws SQLException {
        return of(rs.getObject(column, OffsetDateTime.class));
    }
}
