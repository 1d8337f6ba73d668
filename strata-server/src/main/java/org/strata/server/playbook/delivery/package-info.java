/**
 * The outbox worker and what the console reads of it: deliveries with their attempts, dead letters and replay.
 * A named interface so the web console may show deliveries; the worker's classes stay package-private.
 */
@NamedInterface("delivery")
package org.strata.server.playbook.delivery;

import org.springframework.modulith.NamedInterface;
