package org.strata.engine.rule;

import org.strata.engine.i18n.MessageBundles;
import org.strata.engine.i18n.MessageKey;

/** The rule language's errors (lexer, parser, type checker) and the phrases they are built from; texts in the engine bundle. */
public enum RuleError implements MessageKey {
    NOT_A_CONDITION("rule.error.not_a_condition", "type", "example"),
    UNKNOWN_FEATURE("rule.error.unknown_feature", "feature"),
    UNKNOWN_FEATURE_DID_YOU_MEAN("rule.error.unknown_feature_did_you_mean", "feature", "suggestion"),
    UNKNOWN_FEATURE_DID_YOU_MEAN_LABELLED("rule.error.unknown_feature_did_you_mean_labelled", "feature", "suggestion", "label"),
    TAGS_NOT_A_VALUE("rule.error.tags_not_a_value", "text"),
    NEEDS_TYPE("rule.error.needs_type", "context", "expected", "text", "found"),
    DATE_SUBTRACTION("rule.error.date_subtraction"),
    DATE_SHIFT_WHOLE_DAYS("rule.error.date_shift_whole_days"),
    NEEDS_NUMBERS("rule.error.needs_numbers", "operator", "text", "found"),
    COMPARISON_MISMATCH("rule.error.comparison_mismatch", "expected", "operator", "found"),
    CANNOT_ORDER_TEXT("rule.error.cannot_order_text", "operator"),
    CANNOT_ORDER_BOOLEANS("rule.error.cannot_order_booleans", "operator"),
    IN_LIST_NOT_CONSTANT("rule.error.in_list_not_constant", "text"),
    IN_LIST_MISMATCH("rule.error.in_list_mismatch", "expected", "value", "found"),
    BETWEEN_TYPE("rule.error.between_type", "text", "found"),
    BETWEEN_END_MISMATCH("rule.error.between_end_mismatch", "expected", "found"),
    FUNCTION_ARITY("rule.error.function_arity", "function", "arity", "signature", "count"),
    ARITY_ONE("rule.error.arity_one"),
    ARITY_EXACTLY("rule.error.arity_exactly", "count"),
    ARITY_AT_LEAST("rule.error.arity_at_least", "min"),
    ARITY_RANGE("rule.error.arity_range", "min", "max"),
    COALESCE_MISMATCH("rule.error.coalesce_mismatch", "expected", "found"),
    HAS_TAG_NEEDS_TEXT("rule.error.has_tag_needs_text"),
    HAS_TAG_NOT_TAGS("rule.error.has_tag_not_tags", "text", "found"),
    NO_TAGS_FEATURE("rule.error.no_tags_feature"),
    SEVERAL_TAGS_FEATURES("rule.error.several_tags_features", "feature", "tag"),
    SHOWN_WITH_TYPE("rule.error.shown_with_type", "text", "type"),
    TYPE_NUMBER("rule.error.type.number"),
    TYPE_TEXT("rule.error.type.text"),
    TYPE_BOOLEAN("rule.error.type.boolean"),
    TYPE_DATE("rule.error.type.date"),
    TYPE_TAGS("rule.error.type.tags"),
    TYPE_ERROR("rule.error.type.error"),
    TOO_LONG("rule.error.too_long", "max"),
    EMPTY("rule.error.empty"),
    UNMATCHED_CLOSE("rule.error.unmatched_close"),
    NO_LIKE("rule.error.no_like"),
    LEFTOVER_DID_YOU_MEAN("rule.error.leftover_did_you_mean", "found", "suggestion"),
    LEFTOVER("rule.error.leftover", "found"),
    TOO_DEEP("rule.error.too_deep", "max"),
    TOO_MANY_OPERATORS("rule.error.too_many_operators", "max"),
    CHAINED("rule.error.chained"),
    COMPARED_WITH_NULL("rule.error.compared_with_null", "operator", "replacement"),
    EXPECTED_IN_OR_BETWEEN("rule.error.expected_in_or_between", "found"),
    EMPTY_IN_LIST("rule.error.empty_in_list"),
    EXPECTED_TEXT_AFTER("rule.error.expected_text_after", "keyword", "found"),
    NUMBER_TOO_LARGE("rule.error.number_too_large", "number"),
    NULL_NOT_A_VALUE("rule.error.null_not_a_value"),
    UNKNOWN_FUNCTION_DID_YOU_MEAN("rule.error.unknown_function_did_you_mean", "function", "suggestion"),
    UNKNOWN_FUNCTION("rule.error.unknown_function", "function", "functions"),
    DATE_ARGUMENT("rule.error.date_argument"),
    NOT_A_DATE("rule.error.not_a_date", "text"),
    END_EXPECTED_VALUE("rule.error.end_expected_value"),
    END_EXPECTED_VALUE_AFTER("rule.error.end_expected_value_after", "token"),
    EXPECTED_VALUE("rule.error.expected_value", "found"),
    EXPECTED_VALUE_AFTER("rule.error.expected_value_after", "token", "found"),
    END_EXPECTED_TOKEN("rule.error.end_expected_token", "expected", "purpose"),
    EXPECTED_TOKEN("rule.error.expected_token", "expected", "purpose", "found"),
    PURPOSE_IN_LIST("rule.error.purpose.in_list"),
    PURPOSE_CLOSE_IN_LIST("rule.error.purpose.close_in_list"),
    PURPOSE_BETWEEN_AND("rule.error.purpose.between_and"),
    PURPOSE_AFTER("rule.error.purpose.after", "keyword"),
    PURPOSE_CLOSE_PAREN("rule.error.purpose.close_paren", "position"),
    PURPOSE_CLOSE_ARGUMENTS("rule.error.purpose.close_arguments", "function"),
    END_OF_RULE("rule.error.end_of_rule"),
    MALFORMED_EXPONENT("rule.error.malformed_exponent", "number"),
    MALFORMED_NUMBER("rule.error.malformed_number", "number"),
    MALFORMED_UNDERSCORE("rule.error.malformed_underscore", "number"),
    UNTERMINATED_STRING("rule.error.unterminated_string", "quote"),
    UNKNOWN_ESCAPE("rule.error.unknown_escape", "escape"),
    UNEXPECTED_BANG("rule.error.unexpected_bang"),
    UNEXPECTED_CHARACTER("rule.error.unexpected_character", "character"),
    UNEXPECTED_PERCENT("rule.error.unexpected_percent", "character"),
    UNEXPECTED_AND_OR_SYMBOL("rule.error.unexpected_and_or_symbol", "character"),
    FEATURE_NOT_COMPUTED("rule.error.feature_not_computed", "feature");

    private final Definition definition;

    RuleError(String code, String... parameters) {
        this.definition = new Definition(MessageBundles.ENGINE, code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
