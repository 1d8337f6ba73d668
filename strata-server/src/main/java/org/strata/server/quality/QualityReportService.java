package org.strata.server.quality;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.customer.DisplayTime;
import org.strata.server.scope.CustomerScope;

/**
 * The data-quality report: from the maintained figures when the caller's scope is by owner and team (always, for
 * people who sign in and for the command line), otherwise, or before the figures were ever built, from the base
 * tables directly.
 */
@Service
public class QualityReportService {

    private final MaintainedQualityReport maintained;
    private final DirectQualityReport direct;
    private final QualityFigures figures;
    private final CustomerScope scope;
    private final DisplayTime time;
    private final Clock clock = Clock.systemUTC();

    QualityReportService(MaintainedQualityReport maintained, DirectQualityReport direct, QualityFigures figures,
                         CustomerScope scope, DisplayTime time) {
        this.maintained = maintained;
        this.direct = direct;
        this.figures = figures;
        this.scope = scope;
        this.time = time;
    }

    /** @param source restricts the report to one source; null for all */
    @Transactional(readOnly = true)
    public QualityReport report(String source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        QualityTally tally = scope.readsOwnerAndTeamOnly() && figures.built() ? maintained.tally(source, now)
                : direct.tally(source, now);
        return tally.toReport(time.of(now), source);
    }

    /**
     * The report computed from the base tables whatever the scope, as {@link #report} did before the figures were
     * maintained: many seconds at a million customers. For benchmarks and checks against the maintained figures.
     */
    @Transactional(readOnly = true)
    public QualityReport reportFromBaseTables(String source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return direct.tally(source, now).toReport(time.of(now), source);
    }
}
