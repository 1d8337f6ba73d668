package org.strata.engine.scheme;

import org.strata.engine.i18n.MessageBundles;
import org.strata.engine.i18n.MessageKey;

/** Problems of a scheme file (YAML) and of a scheme's settings; texts in the engine bundle. */
public enum SchemeError implements MessageKey {
    NOT_YAML("scheme.error.not_yaml", "problem"),
    EMPTY_DOCUMENT("scheme.error.empty_document"),
    FIELD_NAME_NOT_TEXT("scheme.error.field_name_not_text"),
    EXPECTED_MAPPING("scheme.error.expected_mapping", "found"),
    FIELD_REQUIRED("scheme.error.field_required", "field"),
    EXPECTED_TEXT("scheme.error.expected_text", "found"),
    EXPECTED_WHOLE_NUMBER("scheme.error.expected_whole_number", "text"),
    EXPECTED_LIST("scheme.error.expected_list", "found"),
    UNKNOWN_FIELD("scheme.error.unknown_field", "field", "known"),
    UNKNOWN_FIELD_DID_YOU_MEAN("scheme.error.unknown_field_did_you_mean", "field", "known", "suggestion"),
    FOUND_VALUE("scheme.error.found_value", "value"),
    FOUND_LIST("scheme.error.found_list"),
    FOUND_MAPPING("scheme.error.found_mapping"),
    TIERS_REQUIRED("scheme.error.tiers_required"),
    DEFAULT_REQUIRED("scheme.error.default_required"),
    NAME_NEEDS_LANGUAGE("scheme.error.name_needs_language"),
    YAML_PROBLEM("scheme.error.yaml_problem", "line", "column", "problem"),
    YAML_PROBLEM_IN_FIELD("scheme.error.yaml_problem_in_field", "line", "column", "field", "problem"),
    RULE_PROBLEM("scheme.error.rule_problem", "scheme", "part", "line", "column", "problem"),
    PART_TIER("scheme.error.part.tier", "key"),
    PART_TAG("scheme.error.part.tag", "key"),
    FEATURE_NOT_COMPUTED("scheme.error.feature_not_computed", "feature"),
    NOT_EVALUATED("scheme.error.not_evaluated", "cause"),
    INVALID_SCHEME("scheme.error.invalid_scheme", "scheme", "problems"),
    NO_TIERS("scheme.error.no_tiers"),
    NO_DEFAULT_TIER("scheme.error.no_default_tier"),
    DEFAULT_HAS_RULE("scheme.error.default_has_rule", "tier"),
    TIER_NEEDS_RULE("scheme.error.tier_needs_rule", "tier"),
    TIER_KEY_TWICE("scheme.error.tier_key_twice", "tier"),
    DEFAULT_KEY_TAKEN("scheme.error.default_key_taken", "tier"),
    TAG_KEY_TWICE("scheme.error.tag_key_twice", "tag"),
    GROUP_NAMES_UNKNOWN_TAG("scheme.error.group_names_unknown_tag", "group", "tag", "tags"),
    TAG_IN_TWO_GROUPS("scheme.error.tag_in_two_groups", "tag");

    private final Definition definition;

    SchemeError(String code, String... parameters) {
        this.definition = new Definition(MessageBundles.ENGINE, code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
