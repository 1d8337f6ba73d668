package org.strata.server.tiering;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.engine.scheme.CompiledScheme;
import org.strata.engine.scheme.ConditionCompiler;
import org.strata.engine.scheme.SchemePresets;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TieringScheme;

/** Drafts, presets, publication and settings of schemes. A draft may be unfinished; publishing checks every rule. */
@Service
class SchemeService {

    private final SchemeStore store;
    private final FeatureSnapshots features;
    private final TieringSchedules schedules;
    private final TieringTime time;

    SchemeService(SchemeStore store, FeatureSnapshots features, TieringSchedules schedules, TieringTime time) {
        this.store = store;
        this.features = features;
        this.schedules = schedules;
        this.time = time;
    }

    SchemeStore.StoredScheme create(TieringScheme scheme, String by) {
        store.create(scheme, by);
        return store.get(scheme.key());
    }

    SchemeStore.StoredScheme updateDraft(String key, TieringScheme scheme, String by) {
        store.updateDraft(store.get(key), scheme, by);
        return store.get(key);
    }

    /** Creates the scheme, or replaces the draft of an existing one with the same key. */
    @Transactional
    SchemeStore.StoredScheme importYaml(String yaml, String by) {
        TieringScheme scheme = SchemeYaml.read(yaml);
        return store.exists(scheme.key()) ? updateDraft(scheme.key(), scheme, by) : create(scheme, by);
    }

    /** A new scheme from a preset, under {@code key} (the preset's own key when null). */
    SchemeStore.StoredScheme instantiate(String presetKey, String key, String by) {
        TieringScheme preset = SchemePresets.find(presetKey).orElseThrow(() -> new TieringNotFoundException(
                "no preset '" + presetKey + "'; presets are " + SchemePresets.KEYS));
        TieringScheme scheme = key == null || key.isBlank() ? preset : new TieringScheme(key, preset.nameZh(),
                preset.nameEn(), preset.description(), preset.tiers(), preset.defaultTier(), preset.tags(),
                preset.tagGroups(), preset.hysteresis());
        return create(scheme, by);
    }

    /**
     * Publishes the draft as the next version, after checking every rule against the features customers have.
     *
     * @throws org.strata.engine.scheme.SchemeException with every problem, each with its tier or tag and line:column
     */
    SchemeStore.SchemeVersion publish(String key, String by, String note) {
        SchemeStore.StoredScheme stored = store.get(key);
        TieringScheme draft = stored.draft();
        CompiledScheme.compile(draft, ConditionCompiler.ruleLanguage(features.all(time.today()).catalog()));
        return store.publish(stored, by, note);
    }

    List<SchemeStore.SchemeVersion> versions(String key) {
        return store.versions(store.get(key).id());
    }

    SchemeStore.SchemeVersion version(String key, int version) {
        SchemeStore.StoredScheme stored = store.get(key);
        return store.version(stored.id(), version).orElseThrow(() -> new TieringNotFoundException(
                "scheme '" + key + "' has no version " + version));
    }

    SchemeStore.StoredScheme schedule(String key, ScheduleSpec schedule) {
        store.setSchedule(store.get(key).id(), schedule);
        SchemeStore.StoredScheme updated = store.get(key);
        schedules.register(updated);
        return updated;
    }

    SchemeStore.StoredScheme liveUpdates(String key, boolean enabled) {
        store.setLiveUpdates(store.get(key).id(), enabled);
        return store.get(key);
    }
}
