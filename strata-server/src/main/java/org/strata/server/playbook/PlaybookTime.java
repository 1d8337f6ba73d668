package org.strata.server.playbook;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The clock of playbooks: a {@link Clock} bean, when one exists (tests move time forward), else the system clock. */
@Component
public class PlaybookTime {

    private final Clock clock;
    private final ZoneId zone;

    PlaybookTime(ObjectProvider<Clock> clock, @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.zone = ZoneId.of(zone);
    }

    /** Now, to the microsecond: what both databases store, so a time written can be found again by equality. */
    public Instant now() {
        return micros(clock.instant());
    }

    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public ZoneId zone() {
        return zone;
    }
}
