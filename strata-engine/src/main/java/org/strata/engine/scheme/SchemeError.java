package org.strata.engine.scheme;

import java.util.List;
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
    NOT_EVALUATED("scheme.error.not_evaluated", "cause");

    private final String code;
    private final List<String> parameters;

    SchemeError(String code, String... parameters) {
        this.code = code;
        this.parameters = List.of(parameters);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public String bundle() {
        return MessageBundles.ENGINE;
    }
}
