package org.strata.server.tiering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.server.tiering.TieringFixture.ALICE;
import static org.strata.server.tiering.TieringFixture.BOB;
import static org.strata.server.tiering.TieringFixture.CAROL;
import static org.strata.server.tiering.TieringFixture.DAVE;
import static org.strata.server.tiering.TieringFixture.ERIN;
import static org.strata.server.tiering.TieringFixture.FRANK;

/** Publishing and running schemes against a real database: placements, changes only, ledger, hysteresis, pins. */
class TieringRunTest {

    @TestConfiguration
    static class TestBeans {

        @Bean
        MutableClock clock() {
            return new MutableClock(TieringFixture.START);
        }

        /** Fails a run just before it commits while switched on: a crash in the middle of writing. */
        @Bean
        CrashSwitch crashSwitch() {
            return new CrashSwitch();
        }

        @Bean
        BeforeCommit beforeCommit() {
            return new BeforeCommit();
        }
    }

    /** Does something while a run has written its changes but not committed them yet: another writer racing it. */
    static final class BeforeCommit implements RunCommitHook {
        volatile Runnable action = () -> { };

        @Override
        public void beforeCommit(long runId) {
            Runnable once = action;
            action = () -> { };
            once.run();
        }
    }

    static final class CrashSwitch implements RunCommitHook {
        final AtomicBoolean on = new AtomicBoolean();

        @Override
        public void beforeCommit(long runId) {
            if (on.get()) {
                throw new IllegalStateException("simulated crash in run " + runId);
            }
        }
    }

    @Import(TestBeans.class)
    abstract static class Contract {

        static final String SCHEME = "b2b_test";

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        MutableClock clock;
        @Autowired
        CrashSwitch crash;
        @Autowired
        BeforeCommit beforeCommit;
        @Autowired
        SchemeService schemes;
        @Autowired
        TieringRunner runner;
        @Autowired
        PinService pins;
        @Autowired
        LedgerQueries ledger;
        @Autowired
        DryRunService dryRuns;
        @Autowired
        FeatureSnapshots features;
        @Autowired
        SchemeStore store;
        @Autowired
        ApplicationEventPublisher events;

        TieringFixture data;

        @BeforeEach
        void loadFixture() {
            data = new TieringFixture(jdbc);
            data.reset();
            clock.set(TieringFixture.START);
            crash.on.set(false);
            beforeCommit.action = () -> { };
            features.invalidate();
        }

        void publish(String yaml) {
            schemes.importYaml(yaml, "tester");
            schemes.publish(SchemeYaml.read(yaml).key(), "tester", "test");
        }

        TieringRun run() {
            return runner.runAll(SCHEME, RunTrigger.MANUAL, null);
        }

        /** Data changed behind the cache's back, as an import would (which also publishes CustomerDataChanged). */
        void dataChanged() {
            features.invalidate();
        }

        @Test
        void aPublishedSchemePlacesEveryCustomerAsCheckedByHand() {
            publish(TieringFixture.SCHEME_YAML);

            TieringRun run = run();

            assertThat(run.status()).isEqualTo("succeeded");
            assertThat(run.version()).isEqualTo(1);
            assertThat(run.customersEvaluated()).isEqualTo(5);
            assertThat(run.entered()).isEqualTo(5);
            assertThat(Map.of(ALICE, data.tierOf(SCHEME, ALICE), BOB, data.tierOf(SCHEME, BOB),
                    CAROL, data.tierOf(SCHEME, CAROL), DAVE, data.tierOf(SCHEME, DAVE),
                    FRANK, data.tierOf(SCHEME, FRANK)))
                    .isEqualTo(Map.of(ALICE, "a", BOB, "b", CAROL, "c", DAVE, "d", FRANK, "d"));
            assertThat(data.tierOf(SCHEME, ERIN)).as("merged customers are not tiered").isNull();
            long schemeId = store.get(SCHEME).id();
            LedgerQueries.LedgerEntry entered = ledger.ledger(schemeId, ALICE).stream()
                    .filter(e -> e.event().equals("entered")).findFirst().orElseThrow();
            // erin's order counts for alice, whom she was merged into
            assertThat(entered.why()).containsEntry("monetary_365d", 6_010_000);
            assertThat(entered.runId()).isEqualTo(run.id());
            assertThat(entered.version()).isEqualTo(1);
            assertThat(ledger.tags(schemeId, ALICE)).containsExactly("big_buyer");
            assertThat(ledger.tags(schemeId, DAVE)).isEmpty();
        }

        @Test
        void aSecondRunWithoutDataChangeWritesNothing() {
            publish(TieringFixture.SCHEME_YAML);
            run();
            String before = data.membershipsFingerprint();
            int ledgerRows = data.ledgerRows();
            dataChanged();

            TieringRun second = run();

            assertThat(second.rowsWritten()).isZero();
            assertThat(second.moved() + second.entered() + second.exited() + second.tagsChanged()).isZero();
            assertThat(data.ledgerRows()).isEqualTo(ledgerRows);
            assertThat(data.membershipsFingerprint()).isEqualTo(before);
        }

        @Test
        void aDataChangeMovesExactlyTheAffectedCustomerWithWhy() {
            publish(TieringFixture.SCHEME_YAML);
            run();
            String aliceBefore = data.membershipsFingerprint().split(",")[0];
            data.order(DAVE, LocalDate.of(2026, 6, 15), 600_000, "completed");
            dataChanged();

            TieringRun run = run();

            assertThat(run.moved()).isEqualTo(1);
            assertThat(run.rowsWritten()).isEqualTo(3); // the membership, the "left" row and the "entered" row
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("b");
            assertThat(data.membershipsFingerprint().split(",")[0]).isEqualTo(aliceBefore);
            List<LedgerQueries.LedgerEntry> changes = ledger.runLedger(run.id(), 10);
            assertThat(changes).extracting(LedgerQueries.LedgerEntry::event, LedgerQueries.LedgerEntry::tier,
                            LedgerQueries.LedgerEntry::customerId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("left", "d", DAVE),
                            org.assertj.core.groups.Tuple.tuple("entered", "b", DAVE));
            assertThat(changes.get(1).why()).containsEntry("monetary_365d", 1_100_000);
            assertThat(ledger.timeline(store.get(SCHEME).id(), DAVE)).extracting(LedgerQueries.TierPeriod::tier)
                    .containsExactly("d", "b");
        }

        @Test
        void hysteresisHoldsADowngradeUntilEnoughRunsAgree() {
            publish(TieringFixture.SCHEME_YAML + "hysteresis: {downgrade_after_runs: 2}\n");
            run();
            // three weeks later bob's only order (2025-07-15) has left the 365-day window: the rules say d
            clock.advance(Duration.ofDays(19));

            TieringRun first = run();
            assertThat(data.tierOf(SCHEME, BOB)).isEqualTo("b");
            assertThat(first.heldByHysteresis()).isEqualTo(1);
            assertThat(first.moved()).isZero();

            TieringRun second = run();
            assertThat(data.tierOf(SCHEME, BOB)).isEqualTo("d");
            assertThat(second.moved()).isEqualTo(1);
            LedgerQueries.LedgerEntry entered = ledger.runLedger(second.id(), 10).stream()
                    .filter(e -> e.event().equals("entered")).findFirst().orElseThrow();
            assertThat(entered.why()).containsEntry("consecutive_runs", 2);
        }

        @Test
        void hysteresisLetsAnUpgradeThroughAtOnce() {
            publish(TieringFixture.SCHEME_YAML + "hysteresis: {downgrade_after_runs: 3, min_days_in_tier: 30}\n");
            run();
            data.order(DAVE, LocalDate.of(2026, 6, 20), 5_000_000, "completed");
            dataChanged();

            run();

            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("a");
        }

        @Test
        void aPinHoldsUntilItExpiresAndBothEndsAreInTheLedger() {
            publish(TieringFixture.SCHEME_YAML);
            run();
            Instant expiry = TieringFixture.START.plus(Duration.ofDays(1));

            PinStore.Pin pin = pins.pin(SCHEME, DAVE, "a", "strategic account, board decision", expiry, "zhang.wei");

            assertThat(data.tierOf(SCHEME, DAVE)).as("a pin takes effect at once").isEqualTo("a");
            TieringRun held = run();
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("a");
            assertThat(held.heldByPins()).isEqualTo(1);
            assertThat(held.rowsWritten()).isZero();

            clock.advance(Duration.ofDays(2));
            TieringRun released = run();

            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("d");
            assertThat(released.moved()).isEqualTo(1);
            List<LedgerQueries.LedgerEntry> history = ledger.ledger(store.get(SCHEME).id(), DAVE);
            assertThat(history).extracting(LedgerQueries.LedgerEntry::event)
                    .containsExactly("entered", "pinned", "left", "entered", "unpinned", "left", "entered");
            assertThat(history.get(1).actor()).isEqualTo("zhang.wei");
            assertThat(history.get(1).why()).containsEntry("reason", "strategic account, board decision");
            assertThat(history.get(4).actor()).isEqualTo("expiry");
            assertThat(pins.list(SCHEME, true)).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(pin.id());
                assertThat(p.endedAt()).isEqualTo(expiry);
            });
        }

        @Test
        void aPinOnASchemeThatNeverRanIsHonouredByItsFirstRun() {
            publish(TieringFixture.SCHEME_YAML);

            pins.pin(SCHEME, DAVE, "a", "strategic account, board decision", null, "zhang.wei");
            assertThat(data.tierOf(SCHEME, DAVE)).as("a pin takes effect at once, run or not").isEqualTo("a");
            TieringRun first = run();

            assertThat(first.status()).isEqualTo("succeeded");
            assertThat(first.customersEvaluated()).isEqualTo(5);
            assertThat(first.heldByPins()).isEqualTo(1);
            assertThat(first.entered()).as("everyone but the pinned customer enters with the run").isEqualTo(4);
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("a");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tiering_memberships m JOIN tiering_schemes s "
                    + "ON s.id = m.scheme_id WHERE s.scheme_key = ? AND m.customer_id = ?", Integer.class, SCHEME,
                    DAVE)).isEqualTo(1);
            List<LedgerQueries.LedgerEntry> history = ledger.ledger(store.get(SCHEME).id(), DAVE);
            assertThat(history).extracting(LedgerQueries.LedgerEntry::event).containsExactly("pinned", "entered");
            assertThat(history.get(1).why()).containsEntry("reason", "strategic account, board decision");
            assertThat(run().rowsWritten()).as("the next run finds nothing to change").isZero();
        }

        @Test
        void aPinDuringTheFirstRunOfASchemeWaitsForTheRunAndIsHonoured() throws Exception {
            publish(TieringFixture.SCHEME_YAML);
            CompletableFuture<PinStore.Pin> pinned = new CompletableFuture<>();
            beforeCommit.action = () -> {
                // the run has inserted every first membership (dave's too) and not committed: pin dave now
                Thread pinner = new Thread(() -> {
                    try {
                        pinned.complete(pins.pin(SCHEME, DAVE, "a", "strategic account", null, "zhang.wei"));
                    } catch (RuntimeException e) {
                        pinned.completeExceptionally(e);
                    }
                });
                pinner.start();
                try {
                    // long enough for a pin that does not wait for the run to reach the membership table
                    pinned.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException | InterruptedException | ExecutionException stillWaitingOrFailed) {
                    // either is fine here; the assertions below tell which
                }
            };

            TieringRun first = run();
            PinStore.Pin pin = pinned.get(30, TimeUnit.SECONDS);

            assertThat(first.entered()).isEqualTo(5);
            assertThat(pin.tier()).isEqualTo("a");
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("a");
            assertThat(ledger.ledger(store.get(SCHEME).id(), DAVE)).extracting(LedgerQueries.LedgerEntry::event)
                    .containsExactly("entered", "pinned", "left", "entered");
            TieringRun next = run();
            assertThat(next.heldByPins()).isEqualTo(1);
            assertThat(next.rowsWritten()).isZero();
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("a");
        }

        @Test
        void whoWasInATierOnADateIsAnsweredFromTheLedger() {
            publish(TieringFixture.SCHEME_YAML);
            run();
            data.order(DAVE, LocalDate.of(2026, 6, 15), 600_000, "completed");
            clock.advance(Duration.ofDays(1));
            dataChanged();
            run();
            long schemeId = store.get(SCHEME).id();

            assertThat(ledger.membersOn(schemeId, "b", LocalDate.of(2026, 7, 1), 0, 10).items())
                    .containsExactly(BOB);
            assertThat(ledger.membersOn(schemeId, "b", LocalDate.of(2026, 7, 2), 0, 10).items())
                    .containsExactly(BOB, DAVE);
            assertThat(ledger.membersOn(schemeId, "d", LocalDate.of(2026, 7, 1), 0, 10).items())
                    .containsExactly(DAVE, FRANK);
            assertThat(ledger.membersOn(schemeId, "b", LocalDate.of(2026, 6, 30), 0, 10).total()).isZero();
        }

        @Test
        void aDryRunCountsTheMovesOfADraftWithoutWritingThem() {
            publish(TieringFixture.SCHEME_YAML);
            run();
            String before = data.membershipsFingerprint();
            var draft = SchemeYaml.read(TieringFixture.SCHEME_YAML.replace("monetary_365d >= 1000000",
                    "monetary_365d >= 400000"));

            DryRunService.SchemePreview preview = dryRuns.scheme(draft, store.get(SCHEME).id(), null);

            assertThat(preview.valid()).isTrue();
            assertThat(preview.counts()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 1L),
                    Map.entry("d", 1L));
            assertThat(preview.moving()).isEqualTo(1);
            assertThat(preview.matrix()).containsExactlyInAnyOrder(new DryRunService.MatrixCell("a", "a", 1),
                    new DryRunService.MatrixCell("b", "b", 1), new DryRunService.MatrixCell("c", "c", 1),
                    new DryRunService.MatrixCell("d", "b", 1), new DryRunService.MatrixCell("d", "d", 1));
            assertThat(data.membershipsFingerprint()).isEqualTo(before);
        }

        @Test
        void aDryRunHoldsDowngradesAndHonoursPinsExactlyAsTheRunAfterIt() {
            String yaml = TieringFixture.SCHEME_YAML + "hysteresis: {downgrade_after_runs: 2}\n";
            publish(yaml);
            run();
            pins.pin(SCHEME, DAVE, "a", "strategic account", TieringFixture.START.plus(Duration.ofDays(60)), "li.na");
            // three weeks later bob's only order has left the 365-day window: the rules say d for him and for dave
            clock.advance(Duration.ofDays(19));
            long schemeId = store.get(SCHEME).id();

            DryRunService.SchemePreview held = dryRuns.scheme(SchemeYaml.read(yaml), schemeId, null);
            TieringRun first = run();
            DryRunService.SchemePreview released = dryRuns.scheme(SchemeYaml.read(yaml), schemeId, null);
            TieringRun second = run();

            // bob's downgrade waits for the second run; dave stays in a by his pin
            assertThat(held.heldByHysteresis()).isEqualTo(1);
            assertThat(held.heldByPins()).isEqualTo(1);
            assertThat(held.moving()).isZero();
            assertThat(held.counts()).containsExactly(Map.entry("a", 2L), Map.entry("b", 1L), Map.entry("c", 1L),
                    Map.entry("d", 1L));
            assertThat(held.matrix()).containsExactlyInAnyOrder(new DryRunService.MatrixCell("a", "a", 2),
                    new DryRunService.MatrixCell("b", "b", 1), new DryRunService.MatrixCell("c", "c", 1),
                    new DryRunService.MatrixCell("d", "d", 1));
            assertThat(first.moved()).isEqualTo(held.moving());
            assertThat(first.heldByHysteresis()).isEqualTo(held.heldByHysteresis());
            assertThat(first.heldByPins()).isEqualTo(held.heldByPins());

            assertThat(released.heldByHysteresis()).isZero();
            assertThat(released.moving()).isEqualTo(1);
            assertThat(released.matrix()).contains(new DryRunService.MatrixCell("b", "d", 1));
            assertThat(second.moved()).isEqualTo(released.moving());
            assertThat(data.tierOf(SCHEME, BOB)).isEqualTo("d");
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("a");
        }

        @Test
        void aRulePreviewCountsAndSamplesOrNamesTheErrorPosition() {
            DryRunService.RulePreview preview = dryRuns.rule("monetary_365d >= 1000000", null, 10);
            assertThat(preview.valid()).isTrue();
            assertThat(preview.matching()).isEqualTo(2);
            assertThat(preview.total()).isEqualTo(5);
            assertThat(preview.sample()).extracting(DryRunService.SampleCustomer::customerId)
                    .containsExactly(ALICE, BOB);

            DryRunService.RulePreview typo = dryRuns.rule("monetery_365d >= 1", null, 10);
            assertThat(typo.valid()).isFalse();
            assertThat(typo.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.line()).isEqualTo(1);
                assertThat(d.column()).isEqualTo(1);
                assertThat(d.suggestion()).isEqualTo("monetary_365d");
            });
        }

        @Test
        void aCrashBeforeCommitLeavesMembershipsAndLedgerUntouched() {
            publish(TieringFixture.SCHEME_YAML);
            run();
            String before = data.membershipsFingerprint();
            int ledgerRows = data.ledgerRows();
            data.order(DAVE, LocalDate.of(2026, 6, 15), 600_000, "completed");
            dataChanged();
            crash.on.set(true);

            assertThatThrownBy(this::run).hasMessageContaining("simulated crash");

            assertThat(data.membershipsFingerprint()).isEqualTo(before);
            assertThat(data.ledgerRows()).isEqualTo(ledgerRows);
            assertThat(jdbc.queryForObject("SELECT status FROM tiering_runs ORDER BY id DESC LIMIT 1", String.class))
                    .isEqualTo("failed");
            crash.on.set(false);
            beforeCommit.action = () -> { };
            assertThat(run().moved()).as("the next run does the work").isEqualTo(1);
        }

        @Test
        void theValueMatrixIsAModelColumnThatRulesCanTest() {
            // spend in the last 365 days: alice 6,010,000 (with erin's), bob 2,000,000, dave 500,000, carol 100,000,
            // frank 0 -> median 500,000, so alice and bob are high value; tickets: alice 1, others 0 -> median 0, so
            // alice is hard: alice cash_cow, bob star
            jdbc.update("INSERT INTO events (event_key, customer_id, type, occurred_at) VALUES ('t1', ?, 'ticket', ?)",
                    ALICE, java.sql.Timestamp.from(TieringFixture.START.minusSeconds(86_400 * 3)));
            publish(TieringFixture.SCHEME_YAML.replace("rule: monetary_365d >= 5000000", "rule: value_matrix = 'star'")
                    .replace("rule: monetary_365d >= 1000000", "rule: value_matrix = 'cash_cow'"));

            run();

            assertThat(data.tierOf(SCHEME, BOB)).isEqualTo("a");
            assertThat(data.tierOf(SCHEME, ALICE)).isEqualTo("b");
            assertThat(data.tierOf(SCHEME, CAROL)).isEqualTo("c");
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("d");
        }

        @Test
        void aNewOrderReTiersItsCustomerWithinSeconds() throws InterruptedException {
            publish(TieringFixture.SCHEME_YAML);
            run();
            data.order(DAVE, LocalDate.of(2026, 6, 15), 600_000, "completed");

            events.publishEvent(new CustomerDataChanged(Set.of(DAVE)));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!"b".equals(data.tierOf(SCHEME, DAVE)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(data.tierOf(SCHEME, DAVE)).isEqualTo("b");
            assertThat(jdbc.queryForObject("SELECT run_trigger FROM tiering_runs ORDER BY id DESC LIMIT 1",
                    String.class)).isEqualTo("live");
            assertThat(data.tierOf(SCHEME, BOB)).isEqualTo("b");
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }
}
