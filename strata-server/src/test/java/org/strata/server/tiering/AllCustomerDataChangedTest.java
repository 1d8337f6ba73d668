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
                event -> event.recomputeAlongside("first", meetTheOther),
                event -> event.recomputeAlongside("second", meetTheOther))));
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
                event -> event.recomputeAlongside("first", slowWork),
                event -> event.recomputeAlongside("second", slowWork))));
        assertThat(finished).hasValue(2);
    }

    @Test
    void aFailedRecomputationFailsThePublisherAfterTheOthersHaveFinished() {
        AtomicInteger finished = new AtomicInteger();
        ApplicationEventPublisher events = deliveringTo(List.of(
                event -> event.recomputeAlongside("broken", () -> {
                    throw new IllegalStateException("figures table missing");
                }),
                event -> event.recomputeAlongside("slow", () -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.incrementAndGet();
                })));
        assertThatThrownBy(() -> AllCustomerDataChanged.publishAndAwait(events))
                .isInstanceOf(IllegalStateException.class).hasMessage("figures table missing");
        assertThat(finished).hasValue(1);
    }
}
