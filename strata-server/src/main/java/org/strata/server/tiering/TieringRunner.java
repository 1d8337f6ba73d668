package org.strata.server.tiering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.engine.scheme.CompiledScheme;
import org.strata.engine.scheme.ConditionCompiler;
import org.strata.engine.scheme.Placement;
import org.strata.engine.scheme.SchemeException;
import org.strata.engine.scheme.TieringScheme;

/**
 * Runs a published scheme: places customers, then writes only what changed (memberships, rule tags, ledger) in one
 * transaction together with the run's final status, so a crash leaves either the whole run or none of it.
 */
@Service
class TieringRunner {

    private static final Logger log = LoggerFactory.getLogger(TieringRunner.class);

    private final SchemeStore schemes;
    private final RunStore runs;
    private final MembershipStore memberships;
    private final PinStore pins;
    private final FeatureSnapshots features;
    private final TieringTime time;
    private final TransactionTemplate transaction;
    private final List<RunCommitHook> hooks;
    private final ApplicationEventPublisher events;
    /** One run (or pin) per scheme at a time: a live update waits for the nightly run rather than racing it. */
    private final SchemeLocks locks;

    TieringRunner(SchemeStore schemes, RunStore runs, MembershipStore memberships, PinStore pins,
                  FeatureSnapshots features, TieringTime time, PlatformTransactionManager transactions,
                  ObjectProvider<RunCommitHook> hooks, ApplicationEventPublisher events, SchemeLocks locks) {
        this.schemes = schemes;
        this.runs = runs;
        this.memberships = memberships;
        this.pins = pins;
        this.features = features;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
        this.hooks = hooks.orderedStream().toList();
        this.events = events;
        this.locks = locks;
    }

    /** Places every customer. {@code asOf} null = today in the business time zone. */
    TieringRun runAll(String schemeKey, RunTrigger trigger, LocalDate asOf) {
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        LocalDate day = asOf == null ? time.today() : asOf;
        return locked(stored, () -> execute(stored, trigger, day, null, null));
    }

    /**
     * A full run as of a past day, recorded as if it had run at {@code at} (its start time, and the time of every
     * ledger row it writes), so that a history filled in afterwards reads like runs made back then. Only after the
     * scheme's latest run: the ledger's id order must stay its time order.
     */
    TieringRun runAllAt(String schemeKey, RunTrigger trigger, LocalDate asOf, Instant at) {
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        return locked(stored, () -> {
            runs.lastRecorded(stored.id()).filter(last -> !last.isBefore(at)).ifPresent(last -> {
                throw new TieringConflictException("scheme '" + schemeKey + "' has changes recorded at " + last
                        + " already; a run recorded at " + at + " must come after them");
            });
            return execute(stored, trigger, asOf, null, at);
        });
    }

    /** Re-places only these customers (a live update), leaving everyone else as the last run left them. */
    TieringRun runFor(String schemeKey, Collection<Long> customerIds) {
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        return locked(stored, () -> execute(stored, RunTrigger.LIVE, time.today(), customerIds, null));
    }

    private TieringRun locked(SchemeStore.StoredScheme stored, Supplier<TieringRun> work) {
        return locks.exclusively(stored.id(), work);
    }

    /** @param at when the run is recorded as started; null = now */
    private TieringRun execute(SchemeStore.StoredScheme stored, RunTrigger trigger, LocalDate asOf,
                               Collection<Long> only, Instant at) {
        SchemeStore.SchemeVersion version = schemes.published(stored);
        TieringScheme scheme = version.scheme();
        Instant started = at == null ? time.now() : at;
        long startNanos = System.nanoTime();
        long runId = runs.start(stored.id(), version.version(), trigger, asOf, started);
        try {
            FeatureSnapshot snapshot = snapshotFor(scheme, asOf, only);
            long featuresMs = elapsedMs(startNanos);
            CompiledScheme compiled = CompiledScheme.compile(scheme, ConditionCompiler.ruleLanguage(
                    snapshot.catalog()));
            Placement placement = compiled.evaluate(snapshot.table(), asOf);
            BitSet rows = only == null ? RunPlanner.allRows(snapshot.size()) : RunPlanner.rowsOf(snapshot, only);
            CurrentMemberships current = memberships.load(stored.id(), snapshot, only);
            RunPlan plan = RunPlanner.plan(placement, snapshot.customerIds(), rows, current,
                    pins.active(stored.id(), only), started);
            long plannedMs = elapsedMs(startNanos);
            transaction.executeWithoutResult(status -> {
                int written = memberships.write(stored.id(), version.version(), runId, plan, started,
                        "run:" + trigger.code());
                runs.succeeded(runId, plan, written, finished(at, started, startNanos), elapsedMs(startNanos));
                // published for a run that moved nobody too: the dashboard marks where every run left the ledger
                events.publishEvent(TieringChangesWritten.ofRun(stored.id(), stored.key(), runId, started));
                hooks.forEach(hook -> hook.beforeCommit(runId));
            });
            long totalMs = elapsedMs(startNanos);
            log.info("tiering run {} of {} v{} ({}): {} customers, {} moved, {} entered, {} held; {} ms "
                            + "(features {} ms, evaluate and diff {} ms, write {} ms)", runId, stored.key(),
                    version.version(), trigger.code(), plan.evaluated, plan.moved(), plan.entered(),
                    plan.heldByHysteresis, totalMs, featuresMs, plannedMs - featuresMs, totalMs - plannedMs);
            return runs.find(runId).orElseThrow();
        } catch (SchemeException e) {
            runs.failed(runId, e.getMessage(), finished(at, started, startNanos), elapsedMs(startNanos));
            throw new TieringRunFailedException(runId, e);
        } catch (RuntimeException e) {
            runs.failed(runId, String.valueOf(e.getMessage()), finished(at, started, startNanos),
                    elapsedMs(startNanos));
            throw e;
        }
    }

    /**
     * A live update of rules over a customer's own features needs only that customer's data; a scheme reading
     * model columns (which rank customers against each other) needs everyone.
     */
    private FeatureSnapshot snapshotFor(TieringScheme scheme, LocalDate asOf, Collection<Long> only) {
        if (only == null || readsModelColumns(scheme)) {
            return features.all(asOf);
        }
        return features.customers(asOf, only);
    }

    private boolean readsModelColumns(TieringScheme scheme) {
        var models = features.modelColumns();
        return scheme.allTiers().stream().filter(t -> !t.isDefault())
                .anyMatch(t -> mentionsAny(t.rule(), models))
                || scheme.tags().stream().filter(t -> !t.isManual()).anyMatch(t -> mentionsAny(t.rule(), models));
    }

    private static boolean mentionsAny(String rule, Set<String> names) {
        return !Collections.disjoint(names, Arrays.asList(rule.split("[^A-Za-z0-9_]+")));
    }

    /** A run recorded at a given time finishes as long after it as it really took. */
    private Instant finished(Instant at, Instant started, long startNanos) {
        return at == null ? time.now() : started.plusMillis(elapsedMs(startNanos));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
