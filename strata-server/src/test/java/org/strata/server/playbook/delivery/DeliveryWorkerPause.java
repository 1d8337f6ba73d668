package org.strata.server.playbook.delivery;

import org.springframework.context.ApplicationContext;

/**
 * Holds the delivery worker still while a test deletes what its calls write (tasks, owners, tags): stopping it lets
 * the calls under way finish and be recorded, so none of them writes into the next test's rows.
 */
public final class DeliveryWorkerPause {

    private DeliveryWorkerPause() {
    }

    public static void whileStopped(ApplicationContext context, Runnable work) {
        DeliveryWorker worker = context.getBean(DeliveryWorker.class);
        boolean wasRunning = worker.isRunning();
        worker.stop();
        try {
            work.run();
        } finally {
            if (wasRunning) {
                worker.start();
            }
        }
    }
}
