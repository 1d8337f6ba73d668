package org.strata.server.playbook;

import java.util.List;
import java.util.Map;

/**
 * A playbook as written by a user.
 *
 * @param filter          optional rule over the customer's own features (e.g. {@code region = '华东'})
 * @param holdoutPercent  share of entrants (0..100) kept untreated for the experiment report
 */
public record PlaybookRequest(String nameZh, String nameEn, String description, Boolean enabled,
                              TriggerRequest trigger, String filter, Integer holdoutPercent,
                              List<ActionRequest> actions) {

    /**
     * @param scheme  tiering scheme key (tier, stage and tag triggers)
     * @param tier    tier key: required for entered/left/stayed, optional for stage_changed (any stage)
     * @param days    stayed_in_tier: the number of days
     * @param signal  warning_raised: the churn signal (optional, any signal)
     * @param policy  sla_breached: the SLA policy id (optional, any policy)
     */
    public record TriggerRequest(String kind, String scheme, String tier, String tag, Integer days, String signal,
                                 Long policy) {
    }

    /** @param settings the action's settings, by kind (see README "Playbooks") */
    public record ActionRequest(String kind, Map<String, Object> settings) {
    }
}
