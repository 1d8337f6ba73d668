package org.strata.server.dashboard;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.scope.CustomerScope;

@Tag(name = "Dashboard", description = "Figures behind the console's dashboard, within the caller's data scope")
@RestController
@Access(value = Permission.READ, customerScoped = true)
@RequestMapping("/api/v1/dashboard")
class DashboardController {

    private final DashboardQueries direct;
    private final AggregatedFigures aggregated;
    private final DashboardFigures figures;
    private final CustomerScope scope;
    private final PublishedSchemes schemes;
    private final ZoneId zone;

    DashboardController(DashboardQueries direct, AggregatedFigures aggregated, DashboardFigures figures,
                        CustomerScope scope, PublishedSchemes schemes,
                        @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.direct = direct;
        this.aggregated = aggregated;
        this.figures = figures;
        this.scope = scope;
        this.schemes = schemes;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Pre-aggregated figures when the caller's scope is by owner and team (always, for people who sign in) and they
     * are built; while a rebuild is in progress, or after they were discarded, the base tables answer.
     */
    private FigureSource queries() {
        return scope.readsOwnerAndTeamOnly() && figures.built() ? aggregated : direct;
    }

    record Tier(String key, String nameZh, String nameEn, String color, long customers, BigDecimal revenue,
                double customerShare, double revenueShare) {
    }

    record Kpis(long customers, long activeCustomers, BigDecimal revenue, String topTier, double topTierCustomerShare,
                double topTierRevenueShare) {
    }

    /** {@code scheme} null: nothing is published yet, the console says how to start. */
    record Summary(PublishedSchemes.SchemeInfo scheme, LocalDate from, LocalDate to, Kpis kpis, List<Tier> tiers) {
    }

    record Migration(String scheme, Long sinceRun, List<DashboardQueries.RunInfo> runs,
                     List<DashboardQueries.MatrixCell> cells) {
    }

    record HistoryPoint(LocalDate asOf, Map<String, Long> sizes) {
    }

    record Retention(String tier, double retentionRate, double repurchaseRate, long previousBuyers, long buyers) {
    }

    @Operation(summary = "Published schemes with their tiers in order (default tier last)")
    @GetMapping("/schemes")
    List<PublishedSchemes.SchemeInfo> schemes() {
        return schemes.all();
    }

    @Operation(summary = "KPI cards and tier sizes by customers and by revenue of the period (default: last 12 months)")
    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) String scheme,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = period(from, to);
        FigureSource source = queries();
        DashboardQueries.Totals totals = source.totals(period);
        PublishedSchemes.SchemeInfo info = schemes.find(scheme).orElse(null);
        if (info == null) {
            return new Summary(null, period.from(), period.to(),
                    new Kpis(totals.customers(), totals.activeCustomers(), totals.revenue(), null, 0, 0), List.of());
        }
        List<DashboardQueries.TierFigure> tierFigures = source.tiers(info.id(), period);
        long placed = tierFigures.stream().mapToLong(DashboardQueries.TierFigure::customers).sum();
        BigDecimal revenue = tierFigures.stream().map(DashboardQueries.TierFigure::revenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Tier> tiers = new ArrayList<>();
        for (PublishedSchemes.TierInfo tier : info.tiers()) {
            DashboardQueries.TierFigure figure = tierFigures.stream().filter(f -> f.tier().equals(tier.key()))
                    .findFirst().orElse(new DashboardQueries.TierFigure(tier.key(), 0, BigDecimal.ZERO));
            tiers.add(new Tier(tier.key(), tier.nameZh(), tier.nameEn(), tier.color(), figure.customers(),
                    figure.revenue(), percent(figure.customers(), placed), percent(figure.revenue(), revenue)));
        }
        Tier top = tiers.get(0);
        Kpis kpis = new Kpis(totals.customers(), totals.activeCustomers(), totals.revenue(), top.key(),
                top.customerShare(), top.revenueShare());
        return new Summary(info, period.from(), period.to(), kpis, tiers);
    }

    @Operation(summary = "Pareto curve: cumulative share of lifetime net revenue by percent of customers")
    @GetMapping("/pareto")
    List<DashboardQueries.ParetoPoint> pareto() {
        return queries().pareto();
    }

    @Operation(summary = "Migration matrix: tier after run `since` (default: the run before the latest) to tier now")
    @GetMapping("/migration")
    Migration migration(@RequestParam(required = false) String scheme, @RequestParam(required = false) Long since) {
        PublishedSchemes.SchemeInfo info = requireScheme(scheme);
        FigureSource source = queries();
        List<DashboardQueries.RunInfo> runs = source.runs(info.id(), 50);
        Long sinceRun = since;
        if (sinceRun == null && runs.size() > 1) {
            sinceRun = runs.get(1).id();
        } else if (sinceRun != null && runs.stream().noneMatch(r -> r.id() == since)) {
            throw new InvalidDashboardQueryException("run " + since + " is not a succeeded run of scheme "
                    + info.key());
        }
        return new Migration(info.key(), sinceRun, runs, source.migration(info.id(), sinceRun));
    }

    @Operation(summary = "Tier sizes after each run whose as-of day lies in the period")
    @GetMapping("/history")
    List<HistoryPoint> history(@RequestParam(required = false) String scheme,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate to) {
        Period period = period(from, to);
        PublishedSchemes.SchemeInfo info = requireScheme(scheme);
        Map<LocalDate, Map<String, Long>> changed = queries().history(info.id());
        List<HistoryPoint> points = new ArrayList<>();
        Map<String, Long> sizes = Map.of();
        // a run that moved none of the caller's customers is a point too: their tiers stayed as they were
        for (LocalDate day : direct.runDays(info.id())) {
            sizes = changed.getOrDefault(day, sizes);
            if (!day.isBefore(period.from()) && !day.isAfter(period.to())) {
                points.add(new HistoryPoint(day, sizes));
            }
        }
        return points;
    }

    @Operation(summary = "Retention (bought in the previous period and again in this one) and repurchase (more than "
            + "one order in the period) by current tier")
    @GetMapping("/retention")
    List<Retention> retention(@RequestParam(required = false) String scheme,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to) {
        PublishedSchemes.SchemeInfo info = requireScheme(scheme);
        Map<String, DashboardQueries.TierRetention> byTier = new java.util.HashMap<>();
        queries().retention(info.id(), period(from, to)).forEach(r -> byTier.put(r.tier(), r));
        return info.tierKeys().stream().map(key -> {
            DashboardQueries.TierRetention r = byTier.getOrDefault(key,
                    new DashboardQueries.TierRetention(key, 0, 0, 0, 0));
            return new Retention(key, percent(r.retained(), r.previousBuyers()), percent(r.repeatBuyers(), r.buyers()),
                    r.previousBuyers(), r.buyers());
        }).toList();
    }

    private PublishedSchemes.SchemeInfo requireScheme(String key) {
        return schemes.find(key).orElseThrow(() -> new DashboardSchemeNotFoundException(key));
    }

    private Period period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(zone);
        Period fallback = Period.lastTwelveMonths(to == null ? today : to, zone);
        return new Period(from == null ? fallback.from() : from, to == null ? today : to, zone);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static double percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? 0
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
