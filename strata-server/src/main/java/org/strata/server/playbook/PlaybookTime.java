package org.strata.server.playbook;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }
}
