package org.strata.server.playbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored playbook, as the API shows it (secrets of actions masked). */
public record Playbook(long id, String nameZh, String nameEn, String description, boolean enabled, Trigger trigger,
                       String filter, int holdoutPercent, List<Action> actions, String createdBy, Instant createdAt,
                       Instant updatedAt) {

    /** What the API shows instead of a secret. */
    static final String MASK = "******";

    public record Trigger(String kind, String labelZh, String labelEn, String scheme, String tier, String tag,
                          Integer days, String signal, Long policy) {
    }

    public record Action(long id, int position, String kind, String labelZh, String labelEn,
                         Map<String, Object> settings) {

        /** Secrets are write-only: shown as set, never as their value. */
        Action masked() {
            Map<String, Object> shown = new LinkedHashMap<>(settings);
            shown.computeIfPresent("secret", (k, v) -> MASK);
            return new Action(id, position, kind, labelZh, labelEn, shown);
        }
    }

    Playbook masked() {
        return new Playbook(id, nameZh, nameEn, description, enabled, trigger, filter, holdoutPercent,
                actions.stream().map(Action::masked).toList(), createdBy, createdAt, updatedAt);
    }
}
