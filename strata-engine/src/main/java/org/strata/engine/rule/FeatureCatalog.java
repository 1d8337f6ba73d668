package org.strata.engine.rule;

import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The features a rule may name, looked up by name; also finds the feature a mistyped name (or label) meant. */
public final class FeatureCatalog {

    private final Map<String, FeatureDefinition> byName = new LinkedHashMap<>();

    public FeatureCatalog(Collection<FeatureDefinition> definitions) {
        for (FeatureDefinition definition : definitions) {
            if (byName.putIfAbsent(definition.name(), definition) != null) {
                throw new IllegalArgumentException("feature " + definition.name() + " is declared twice");
            }
        }
    }

    public static FeatureCatalog of(FeatureDefinition... definitions) {
        return new FeatureCatalog(List.of(definitions));
    }

    public Optional<FeatureDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public FeatureDefinition get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("feature " + name + " is not declared"));
    }

    public Collection<FeatureDefinition> all() {
        return byName.values();
    }

    public List<FeatureDefinition> ofType(FeatureType type) {
        return byName.values().stream().filter(f -> f.type() == type).toList();
    }

    /**
     * The declared feature that a name not declared most likely meant: close to a feature's name, or to its zh/en
     * label (so `消费金额` or `Monetary value` lead to `monetary`).
     */
    public Optional<FeatureDefinition> closest(String typed) {
        Map<String, FeatureDefinition> spellings = new LinkedHashMap<>();
        for (FeatureDefinition feature : byName.values()) {
            spellings.putIfAbsent(feature.name(), feature);
        }
        for (FeatureDefinition feature : byName.values()) {
            addLabel(spellings, feature.labelZh(), feature);
            addLabel(spellings, feature.labelEn(), feature);
        }
        return NameSuggester.closest(typed, spellings.keySet()).map(spellings::get);
    }

    private static void addLabel(Map<String, FeatureDefinition> spellings, String label, FeatureDefinition feature) {
        if (label != null && !label.isBlank()) {
            spellings.putIfAbsent(label.strip().toLowerCase(Locale.ROOT).replace(' ', '_'), feature);
        }
    }
}
