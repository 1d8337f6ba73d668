package org.strata.server.playbook.delivery;

import java.util.Set;
import org.strata.server.playbook.ActionKind;

/** Carries out actions of some kinds. Must be idempotent per {@link Delivery#idempotencyKey()}: it may run twice. */
public interface ActionPerformer {

    Set<ActionKind> kinds();

    Outcome perform(Delivery delivery);
}
