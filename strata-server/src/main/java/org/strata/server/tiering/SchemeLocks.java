package org.strata.server.tiering;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One writer of a scheme's memberships at a time. A run reads the stored memberships, plans, then writes; a pin that
 * slipped in between (on a scheme that never ran, both would insert the same customer's first membership) made one
 * of them fail on the primary key. Callers hold the lock until their transaction has committed.
 */
@Component
class SchemeLocks {

    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T exclusively(long schemeId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(schemeId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
