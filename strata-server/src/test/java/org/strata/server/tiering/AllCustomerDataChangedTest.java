package org.strata.server.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

class AllCustomerDataChangedTest {

    /** Delivers the event to the listeners in turn, as Spring's multicaster does. */
    private static ApplicationEventPublisher deliveringTo(List<Consumer<AllCustomerDataChanged>> listeners) {
        return event -> listeners.forEach(listener -> listener.accept((AllCustomerDataChanged) event));
    }

    @Test
    void recomputationsOfDifferentListenersRunAtTheSameTime() {
        // each waits until the other has started: delivered one after the other, the barrier would break
        CyclicBarrier bothStarted = new CyclicBarrier(2);
        Runnable meetTheOther = () -> {
            try {
                bothStarted.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other recomputation did not run alongside", e);
            }
        };
        AllCustomerDataChanged.publishAndAwait(deliveringTo(List.of(
                event -> event.recompute("first", meetTheOther),
                event -> event.recompute("second", meetTheOther))), true);
        assertThat(bothStarted.isBroken()).isFalse();
    }

    @Test
    void thePublisherGoesOnOnlyWhenEveryRecomputationHasFinished() {
        AtomicInteger finished = new AtomicInteger();
        Runnable slowWork = () -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        };
        AllCustomerDataChanged.publishAndAwait(deliveringTo(List.of(
                event -> event.recompute("first", slowWork),
                event -> event.recompute("second", slowWork))), true);
        assertThat(finished).hasValue(2);
    }

    @Test
    void aFailedRecomputationFailsThePublisherAfterTheOthersHaveFinished() {
        AtomicInteger finished = new AtomicInteger();
        ApplicationEventPublisher events = deliveringTo(List.of(
                event -> event.recompute("broken", () -> {
                    throw new IllegalStateException("figures table missing");
                }),
                event -> event.recompute("slow", () -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.incrementAndGet();
                })));
        assertThatThrownBy(() -> AllCustomerDataChanged.publishAndAwait(events, true))
                .isInstanceOf(IllegalStateException.class).hasMessage("figures table missing");
        assertThat(finished).hasValue(1);
    }

    @Test
    void inTurnEachRecomputationHasFinishedBeforeTheNextListenerHearsOfTheChange() {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        AllCustomerDataChanged.publishAndAwait(deliveringTo(List.of(
                event -> {
                    order.add("first heard");
                    event.recompute("first", () -> order.add("first done"));
                },
                event -> {
                    order.add("second heard");
                    event.recompute("second", () -> order.add("second done"));
                })), false);
        assertThat(order).containsExactly("first heard", "first done", "second heard", "second done");
    }
}
