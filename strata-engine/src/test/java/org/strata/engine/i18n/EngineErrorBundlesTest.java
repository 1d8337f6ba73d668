package org.strata.engine.i18n;

import org.junit.jupiter.api.Test;
import org.strata.engine.csv.CsvError;
import org.strata.engine.rule.RuleError;
import org.strata.engine.scheme.SchemeError;
import org.strata.engine.score.ScoreError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineErrorBundlesTest {

    private static List<MessageKey> engineKeys() {
        List<MessageKey> keys = new ArrayList<>();
        keys.addAll(Arrays.asList(CommonText.values()));
        keys.addAll(Arrays.asList(RuleError.values()));
        keys.addAll(Arrays.asList(SchemeError.values()));
        keys.addAll(Arrays.asList(CsvError.values()));
        keys.addAll(Arrays.asList(ScoreError.values()));
        return keys;
    }

    @Test
    void everyEngineCodeHasAnEnglishAndAChineseTextWithTheDeclaredPlaceholders() {
        assertThat(MessageBundles.problems(MessageBundles.ENGINE, engineKeys())).isEmpty();
    }

    @Test
    void theCheckFindsAMissingCodeAndAPlaceholderMismatch() {
        enum Broken implements MessageKey {
            MISSING("rule.error.no_such_code"), WRONG_PLACEHOLDERS("rule.error.unknown_feature", "name");

            private final Definition definition;

            Broken(String code, String... parameters) {
                this.definition = new Definition(MessageBundles.ENGINE, code, parameters);
            }

            @Override
            public Definition definition() {
                return definition;
            }
        }
        assertThat(MessageBundles.problems(MessageBundles.ENGINE, List.of(Broken.values())))
                .contains("rule.error.no_such_code is missing in org/strata/engine/i18n/errors.properties",
                        "rule.error.no_such_code is missing in org/strata/engine/i18n/errors_zh_CN.properties",
                        "rule.error.unknown_feature in org/strata/engine/i18n/errors_zh_CN.properties places "
                                + "[feature] but takes [name]");
    }

    @Test
    void anyChineseLocaleReadsChineseAndEveryOtherLocaleEnglish() {
        Message empty = RuleError.EMPTY.with();
        assertThat(empty.text(Locale.SIMPLIFIED_CHINESE)).startsWith("规则为空");
        assertThat(empty.text(Locale.forLanguageTag("zh"))).startsWith("规则为空");
        assertThat(empty.text(Locale.FRENCH)).startsWith("the rule is empty");
        assertThat(empty.text(null)).startsWith("the rule is empty");
    }

    @Test
    void argumentsAreShownWithoutGroupingAndNestedMessagesAndListsInTheSameLanguage() {
        Message tooLong = RuleError.TOO_LONG.with(4000);
        assertThat(tooLong.english()).contains("at most 4000 words");
        Message mismatch = RuleError.COMPARISON_MISMATCH.with(RuleError.TYPE_NUMBER.with(), ">=", "`'abc'`");
        assertThat(mismatch.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("`>=` 之后应为数字，实际是 `'abc'`");
        Message unknown = RuleError.UNKNOWN_FUNCTION.with("f", List.of("abs", "min"));
        assertThat(unknown.english()).isEqualTo("unknown function `f`; functions are abs, min");
        assertThat(unknown.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未知函数 `f`；可用的函数有：abs、min");
    }

    @Test
    void aMessageWithTheWrongNumberOfArgumentsIsAProgrammingMistake() {
        assertThatThrownBy(() -> RuleError.UNKNOWN_FEATURE.with("a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule.error.unknown_feature");
    }
}
