package org.strata.server.playbook.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deliveries are carried out ({@code strata.playbook.delivery.*}).
 *
 * @param enabled        false stops the worker (deliveries wait in the outbox)
 * @param pollInterval   how often the worker looks for due deliveries when nothing woke it
 * @param batchSize      deliveries claimed at once
 * @param concurrency    deliveries carried out in parallel
 * @param firstRetry     delay before the first retry; each further retry doubles it (with jitter)
 * @param maxRetryDelay  the longest delay between two attempts
 * @param retryFor       how long a delivery is retried before it is parked as a dead letter
 * @param lease          how long a claimed delivery stays reserved for the worker that claimed it
 * @param requestTimeout timeout of one HTTP call
 */
@ConfigurationProperties("strata.playbook.delivery")
public record DeliveryProperties(Boolean enabled, Duration pollInterval, Integer batchSize, Integer concurrency,
                                 Duration firstRetry, Duration maxRetryDelay, Duration retryFor, Duration lease,
                                 Duration requestTimeout) {

    public DeliveryProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        concurrency = concurrency == null ? 32 : concurrency;
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }
}
