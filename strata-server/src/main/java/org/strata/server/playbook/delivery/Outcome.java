package org.strata.server.playbook.delivery;

/** What one attempt achieved. */
public sealed interface Outcome {

    /** Done; {@code status} is the receiver's HTTP status when there was one. */
    record Delivered(Integer status) implements Outcome {
    }

    /** Failed in a way that may pass later (receiver down, 5xx, timeout): retried with back-off. */
    record Retry(Integer status, String error) implements Outcome {
    }

    /** Failed in a way retrying cannot fix (4xx, nobody to assign to): parked as a dead letter at once. */
    record Failed(Integer status, String error) implements Outcome {
    }

    /** Nothing to do (the tag was already gone ...): not an error. */
    record Skipped(String reason) implements Outcome {
    }
}
