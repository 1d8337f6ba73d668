package org.strata.server.tiering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clock and business time zone of tiering. A {@link Clock} bean, when one exists (tests move it forward to
 * let pins expire), replaces the system clock.
 */
@Component
class TieringTime {

    private final Clock clock;
    private final ZoneId zone;

    TieringTime(ObjectProvider<Clock> clock, @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.zone = ZoneId.of(zone);
    }

    Instant now() {
        return clock.instant();
    }

    /** The business time zone in which feature dates (and so as-of dates) are calendar days. */
    ZoneId zone() {
        return zone;
    }

    /** Today in the business time zone: the default as-of date of a run. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first instant after day {@code date} ends: "on date D" means up to the end of D. */
    Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
