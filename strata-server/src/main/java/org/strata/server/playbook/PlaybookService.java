package org.strata.server.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TagDefinition;
import org.strata.engine.scheme.TieringScheme;
import org.strata.server.tiering.CustomerRuleFilter;

/** Checks and stores playbooks. Every mistake is reported with the JSON pointer of its field. */
@Service
class PlaybookService {

    private final PlaybookStore store;
    private final CustomerRuleFilter rules;
    private final JdbcClient jdbc;
    private final PlaybookTime time;

    PlaybookService(PlaybookStore store, CustomerRuleFilter rules, JdbcClient jdbc, PlaybookTime time) {
        this.store = store;
        this.rules = rules;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Transactional
    Playbook create(PlaybookRequest request, String by) {
        return get(store.insert(check(request), by, time.now()));
    }

    /**
     * Replaces a playbook. An action whose secret comes back as the mask the API shows ("******") keeps the secret
     * of the action at the same position, so a client can send back what it read.
     */
    @Transactional
    Playbook update(long id, PlaybookRequest request) {
        List<Playbook.Action> current = get(id).actions();
        PlaybookStore.Draft draft = check(request);
        List<PlaybookStore.DraftAction> actions = new ArrayList<>();
        for (int i = 0; i < draft.actions().size(); i++) {
            PlaybookStore.DraftAction action = draft.actions().get(i);
            if (Playbook.MASK.equals(action.settings().get("secret")) && i < current.size()
                    && current.get(i).kind().equals(action.kind().code())) {
                java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(action.settings());
                settings.put("secret", current.get(i).settings().get("secret"));
                action = new PlaybookStore.DraftAction(action.kind(), settings);
            }
            actions.add(action);
        }
        store.update(id, new PlaybookStore.Draft(draft.nameZh(), draft.nameEn(), draft.description(), draft.enabled(),
                draft.schemeId(), draft.trigger(), draft.tier(), draft.tag(), draft.days(), draft.signal(),
                draft.policy(), draft.filter(), draft.holdoutPercent(), actions), time.now());
        return get(id);
    }

    @Transactional
    Playbook enable(long id, boolean enabled) {
        get(id);
        store.enable(id, enabled, time.now());
        return get(id);
    }

    @Transactional
    void delete(long id) {
        get(id);
        store.delete(id, time.now());
    }

    Playbook get(long id) {
        return store.find(id).orElseThrow(() -> new PlaybookNotFoundException("no playbook " + id));
    }

    List<Playbook> list() {
        return store.list();
    }

    private PlaybookStore.Draft check(PlaybookRequest request) {
        String nameZh = required(request.nameZh(), "/nameZh");
        String nameEn = request.nameEn() == null || request.nameEn().isBlank() ? nameZh : request.nameEn();
        PlaybookRequest.TriggerRequest trigger = request.trigger();
        if (trigger == null) {
            throw new PlaybookBadRequestException("/trigger", "required: {\"kind\": one of " + TriggerKind.codes()
                    + ", ...}");
        }
        TriggerKind kind = TriggerKind.of(trigger.kind(), "/trigger/kind");
        Long schemeId = null;
        if (kind.needsScheme()) {
            String key = required(trigger.scheme(), "/trigger/scheme");
            schemeId = store.schemeId(key).orElseThrow(() -> new PlaybookBadRequestException("/trigger/scheme",
                    "no tiering scheme '" + key + "'"));
            TieringScheme scheme = published(schemeId, key);
            if (kind.needsTier() || trigger.tier() != null) {
                String tier = required(trigger.tier(), "/trigger/tier");
                if (scheme.tier(tier).isEmpty()) {
                    throw new PlaybookBadRequestException("/trigger/tier", "scheme '" + key + "' has no tier '" + tier
                            + "'; its tiers are " + scheme.allTiers().stream().map(t -> t.key()).toList());
                }
            }
            if (kind.needsTag()) {
                String tag = required(trigger.tag(), "/trigger/tag");
                List<String> tags = scheme.tags().stream().map(TagDefinition::key).toList();
                if (!tags.contains(tag)) {
                    throw new PlaybookBadRequestException("/trigger/tag", "scheme '" + key + "' has no tag '" + tag
                            + "'; its tags are " + tags);
                }
            }
        }
        Integer days = null;
        if (kind == TriggerKind.STAYED_IN_TIER) {
            days = trigger.days();
            if (days == null || days <= 0) {
                throw new PlaybookBadRequestException("/trigger/days", "required: the number of days (above 0)");
            }
        }
        String filter = request.filter() == null || request.filter().isBlank() ? null : request.filter().trim();
        if (filter != null) {
            List<String> problems = rules.check(filter);
            if (!problems.isEmpty()) {
                throw new PlaybookBadRequestException("/filter", String.join("; ", problems));
            }
        }
        int holdout = Optional.ofNullable(request.holdoutPercent()).orElse(0);
        if (holdout < 0 || holdout > 100) {
            throw new PlaybookBadRequestException("/holdoutPercent", holdout + " is not a share between 0 and 100");
        }
        List<PlaybookRequest.ActionRequest> actions = Optional.ofNullable(request.actions()).orElse(List.of());
        if (actions.isEmpty()) {
            throw new PlaybookBadRequestException("/actions", "a playbook needs at least one action");
        }
        List<PlaybookStore.DraftAction> checked = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String pointer = "/actions/" + i;
            PlaybookRequest.ActionRequest action = actions.get(i);
            ActionKind actionKind = ActionKind.of(action == null ? null : action.kind(), pointer + "/kind");
            checked.add(new PlaybookStore.DraftAction(actionKind, ActionSettings.check(actionKind,
                    new ActionSettings(action.settings(), pointer + "/settings"), trigger)));
        }
        return new PlaybookStore.Draft(nameZh, nameEn, request.description(),
                request.enabled() == null || request.enabled(), schemeId, kind,
                kind.needsScheme() ? trigger.tier() : null, kind.needsTag() ? trigger.tag() : null, days,
                kind == TriggerKind.WARNING_RAISED ? trigger.signal() : null,
                kind == TriggerKind.SLA_BREACHED ? trigger.policy() : null, filter, holdout, checked);
    }

    private TieringScheme published(long schemeId, String key) {
        return jdbc.sql("SELECT v.yaml FROM tiering_scheme_versions v JOIN tiering_schemes s ON s.id = v.scheme_id "
                        + "AND v.version = s.published_version WHERE s.id = ?")
                .param(schemeId).query(String.class).optional().map(SchemeYaml::read)
                .orElseThrow(() -> new PlaybookBadRequestException("/trigger/scheme", "scheme '" + key
                        + "' has no published version yet; publish it first"));
    }

    private static String required(String value, String pointer) {
        if (value == null || value.isBlank()) {
            throw new PlaybookBadRequestException(pointer, "required");
        }
        return value.trim();
    }
}
