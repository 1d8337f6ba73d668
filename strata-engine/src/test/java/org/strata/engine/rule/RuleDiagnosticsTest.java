package org.strata.engine.rule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.rule.TestFeatures.CATALOG;
import static org.strata.engine.rule.TestFeatures.errors;

class RuleDiagnosticsTest {

    @Test
    void unknownFeatureSuggestsTheClosestNameWithPositionAndLength() {
        List<Diagnostic> diagnostics = RuleChecker.check("monetery > 1", CATALOG).diagnostics();
        assertThat(diagnostics).hasSize(1);
        Diagnostic diagnostic = diagnostics.get(0);
        assertThat(List.of(diagnostic.line(), diagnostic.column(), diagnostic.offset(), diagnostic.length()))
                .containsExactly(1, 1, 0, 8);
        assertThat(diagnostic.message().english())
                .isEqualTo("unknown feature `monetery`; did you mean `monetary` (消费金额)?");
        assertThat(diagnostic.suggestion()).isEqualTo("monetary");
        assertThat(diagnostics.get(0).endColumn()).isEqualTo(9);
    }

    @Test
    void aTypoReadsInChineseWithThePositionAndTheSuggestion() {
        Diagnostic typo = RuleChecker.check("frequency >= 5 and monetery > 1", CATALOG).diagnostics().get(0);
        assertThat(typo.code()).isEqualTo("rule.error.unknown_feature_did_you_mean_labelled");
        assertThat(typo.text(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("第 1 行第 20 列：未知指标 `monetery`；您是不是要写 `monetary`（消费金额）？");
        assertThat(typo.text(Locale.ENGLISH))
                .isEqualTo("1:20: unknown feature `monetery`; did you mean `monetary` (消费金额)?");
    }

    @Test
    void syntaxErrorsReadInChineseToo() {
        List<Diagnostic> diagnostics = RuleChecker.check("frequency >= ", CATALOG).diagnostics();
        assertThat(diagnostics.get(0).message().text(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("规则意外结束：`>=` 之后应为一个值");
        assertThat(RuleChecker.check("region > 'a'", CATALOG).diagnostics().get(0).message()
                .text(Locale.SIMPLIFIED_CHINESE)).startsWith("`>` 不能比较文本的大小");
    }

    @Test
    void aChineseLabelLeadsToTheFeatureName() {
        assertThat(errors("消费金额 > 100")).containsExactly(
                "1:1: unknown feature `消费金额`; did you mean `monetary` (消费金额)?");
        assertThat(RuleChecker.check("最近消费天 < 3", CATALOG).diagnostics().get(0).suggestion())
                .isEqualTo("recency_days");
    }

    @Test
    void aNameFarFromEveryFeatureGetsNoWildGuess() {
        assertThat(errors("zzzzzz > 1")).containsExactly("1:1: unknown feature `zzzzzz`");
    }

    @Test
    void typeMismatchNamesTheOperatorAndWhatWasFound() {
        assertThat(errors("frequency >= 'abc'")).containsExactly(
                "1:14: expected a number after `>=` but found `'abc'`");
        assertThat(errors("frequency = region")).containsExactly(
                "1:13: expected a number after `=` but found `region` (text)");
    }

    @Test
    void allErrorsAreReportedAtOnceInSourceOrder() {
        assertThat(errors("monetery > 1 and frequncy >= 'abc' or regoin = 1 and days_since(monetary) > x")).containsExactly(
                "1:1: unknown feature `monetery`; did you mean `monetary` (消费金额)?",
                "1:18: unknown feature `frequncy`; did you mean `frequency` (消费频次)?",
                "1:39: unknown feature `regoin`; did you mean `region` (区域)?",
                "1:65: `days_since` needs a date but `monetary` is a number",
                "1:77: unknown feature `x`");
    }

    @Test
    void parsingRecoversAfterASyntaxErrorAndKeepsCheckingTheRest() {
        assertThat(errors("frequency >= and monetery > 1 and region = 'a' + 1")).containsExactly(
                "1:14: expected a value after `>=` but found `and`",
                "1:18: unknown feature `monetery`; did you mean `monetary` (消费金额)?",
                "1:44: `+` needs numbers but `'a'` is text");
    }

    @Test
    void unknownFunctionAndWrongArgumentCountOrType() {
        assertThat(errors("dayz_since(last_order_date) > 3")).containsExactly(
                "1:1: unknown function `dayz_since`; did you mean `days_since`?");
        assertThat(errors("days_since(last_order_date, 1) > 3")).containsExactly(
                "1:1: `days_since` takes 1 argument (days_since(date)) but got 2");
        assertThat(errors("days_since(monetary) > 3")).containsExactly(
                "1:12: `days_since` needs a date but `monetary` is a number");
        assertThat(errors("coalesce(frequency, 'x') > 1")).containsExactly(
                "1:21: `coalesce` needs values of one type: expected a number but found `'x'`");
    }

    @Test
    void lexicalErrors() {
        assertThat(errors("region = 'abc")).containsExactly("1:10: unterminated string: add a closing '");
        assertThat(errors("frequency % 2 = 0")).containsExactly(
                "1:11: unexpected character `%`; there is no `%` operator");
        assertThat(errors("frequency > 1 && monetary > 2")).containsExactly(
                "1:15: unexpected character `&&`; write `and` / `or`");
        assertThat(errors("1e > 2")).containsExactly("1:1: malformed number `1e`: an exponent needs digits, like 1e3");
        assertThat(errors("region = 'a\\q'")).containsExactly(
                "1:12: unknown escape `\\q` in a string; use \\\\, \\', \\\", \\n or \\t");
    }

    @Test
    void unexpectedEndOfRuleIsReportedOnce() {
        assertThat(errors("frequency >=")).containsExactly("1:13: unexpected end of rule: expected a value after `>=`");
        assertThat(errors("frequency > 1 and (region = ")).containsExactly(
                "1:29: unexpected end of rule: expected a value after `=`");
        assertThat(errors("(frequency > 1")).containsExactly(
                "1:15: unexpected end of rule: expected `)` to close the `(` at 1:1");
        assertThat(errors("")).containsExactly("1:1: the rule is empty: write a condition like `frequency >= 5`");
    }

    @Test
    void positionsCountLinesAndColumns() {
        assertThat(errors("frequency > 1\n  and monetary >= 'x'")).containsExactly(
                "2:19: expected a number after `>=` but found `'x'`");
    }

    @Test
    void nullIsNotAValueAndComparisonsWithItSayWhatToWrite() {
        assertThat(errors("recency_days = null")).containsExactly(
                "1:14: `= null` is never true (a comparison with null is unknown); write `is null`");
        assertThat(errors("recency_days != null")).containsExactly(
                "1:14: `!= null` is never true (a comparison with null is unknown); write `is not null`");
        assertThat(errors("region in ('a', null)")).hasSize(1).first().asString().startsWith("1:17: `null` is not a value");
    }

    @Test
    void misusedOperators() {
        assertThat(errors("frequency > 1 < 2")).containsExactly(
                "1:15: conditions cannot be chained: write `a < b and b < c` instead of `a < b < c`");
        assertThat(errors("region < 'b'")).containsExactly(
                "1:1: `<` cannot order text; compare text with =, !=, in, contains or starts_with");
        assertThat(errors("monetary")).containsExactly("1:1: a rule must be a condition (true or false), but this is"
                + " a number; compare it with something, e.g. `monetary > 0`");
        assertThat(errors("not monetary")).containsExactly(
                "1:5: `not` needs a condition (true/false) but `monetary` is a number");
        assertThat(errors("frequency > 1 monetary > 2")).containsExactly(
                "1:15: unexpected `monetary` after a complete condition; join conditions with `and` or `or`");
        assertThat(errors("frequency > 1)")).containsExactly("1:14: unexpected `)` without a matching `(`");
    }

    @Test
    void dateRules() {
        assertThat(errors("last_order_date - first_order_date > 3")).containsExactly("1:1: subtracting dates is not"
                + " supported: count the days with days_between(from, to) or days_since(date)");
        assertThat(errors("last_order_date > today() - 1.5")).containsExactly("1:29: only a whole number of days can"
                + " be added to or subtracted from a date, like `today() - 30`");
        assertThat(errors("date('2026-02-30') < last_order_date")).containsExactly(
                "1:6: `2026-02-30` is not a date; write year-month-day, like date('2026-01-01')");
        assertThat(errors("last_order_date > 3")).containsExactly("1:19: expected a date after `>` but found `3`");
    }

    @Test
    void inListsHoldConstantsOfTheValuesType() {
        assertThat(errors("region in (1, 'a', frequency)")).containsExactly(
                "1:12: expected text in the `in` list of `region` but found `1`",
                "1:20: an `in` list holds constants (numbers, texts in quotes, dates, true/false) but found `frequency`");
    }

    @Test
    void tagsAreOnlyTestedWithHasTag() {
        assertThat(errors("tags = 'x'")).containsExactly("1:1: `tags` holds tags; test one with has_tag('vip')");
        assertThat(errors("has_tag(vip)")).containsExactly(
                "1:9: `has_tag` needs the tag as a text in quotes, like has_tag('vip')");
        assertThat(errors("has_tag(region, 'x')")).containsExactly("1:9: `has_tag` tests a tags feature but `region`"
                + " is text");
        FeatureCatalog noTags = FeatureCatalog.of(TestFeatures.feature("frequency",
                org.strata.engine.feature.FeatureType.NUMBER, "", "频次", "Frequency"));
        assertThat(RuleChecker.check("has_tag('vip')", noTags).diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("1:1: no tags feature is declared, so `has_tag` cannot be used");
    }

    @Test
    void textMatchingTakesAQuotedText() {
        assertThat(errors("region contains 5")).containsExactly(
                "1:17: expected a text in quotes after `contains` but found `5`");
        assertThat(errors("frequency starts_with 'a'")).containsExactly(
                "1:1: `starts_with` needs text but `frequency` is a number");
    }

    @Test
    void aValidRuleHasNoDiagnosticsAndAnInvalidOneThrowsThemAll() {
        RuleCheck check = RuleChecker.check("recency_days <= 30 and frequency >= 5 and monetary >= 10000", CATALOG);
        assertThat(check.isValid()).isTrue();
        assertThat(check.orThrow().featureNames()).containsExactly("frequency", "monetary", "recency_days");
        RuleException thrown = org.junit.jupiter.api.Assertions.assertThrows(RuleException.class,
                () -> RuleChecker.check("monetery > 1 or frequncy > 2", CATALOG).orThrow());
        assertThat(thrown.diagnostics()).hasSize(2);
        assertThat(thrown.getMessage()).contains("1:1: unknown feature `monetery`", "1:17: unknown feature `frequncy`");
    }

    @Test
    void severalSyntaxErrorsInOneRuleAreAllReported() {
        assertThat(errors("frequency >= and monetary > and region = ")).containsExactly(
                "1:14: expected a value after `>=` but found `and`",
                "1:29: expected a value after `>` but found `and`",
                "1:42: unexpected end of rule: expected a value after `=`");
        assertThat(errors("frequency > 1 or (monetary > 2 and) or monetery > 3")).containsExactly(
                "1:35: expected a value after `and` but found `)`",
                "1:40: unknown feature `monetery`; did you mean `monetary` (消费金额)?");
    }

    @Test
    void aMisspeltKeywordIsNamedAndTheRestOfTheRuleIsStillChecked() {
        List<Diagnostic> diagnostics = RuleChecker.check("frequency >= 5 adn monetary > 'x'", CATALOG).diagnostics();
        assertThat(diagnostics).extracting(Diagnostic::toString).containsExactly(
                "1:16: unexpected `adn` after a complete condition; did you mean `and`?");
        assertThat(diagnostics.get(0).suggestion()).isEqualTo("and");
        assertThat(errors("frequency betwen 1 and 2")).containsExactly(
                "1:11: unexpected `betwen` after a complete condition; did you mean `between`?");
        assertThat(errors("region contian 'x'")).containsExactly(
                "1:8: unexpected `contian` after a complete condition; did you mean `contains`?");
    }

    @Test
    void sqlLikeIsPointedToContainsAndStartsWith() {
        assertThat(errors("region like '%x'")).containsExactly("1:8: there is no `like`: write `contains 'x'` or"
                + " `starts_with 'x'`, which match the text literally");
    }

    @Test
    void aRuleTooDeepTooLongOrWithTooMuchArithmeticIsRejectedWithAMessageInsteadOfOverflowingTheStack() {
        assertThat(errors("(".repeat(150) + "frequency > 1" + ")".repeat(150))).containsExactly(
                "1:101: the rule nests more than 100 levels deep");
        assertThat(errors("-".repeat(150) + "frequency > 1")).containsExactly(
                "1:101: the rule nests more than 100 levels deep");
        assertThat(errors("-".repeat(3000) + "frequency > 1")).containsExactly("1:201: the rule has more than 200"
                + " arithmetic operators (+ - * /); split it into several tiers or tags");
        // each operator of a chain is a level of the tree: a long chain is refused, not walked into a stack overflow
        assertThat(errors("frequency" + " + 1".repeat(1900) + " > 1")).containsExactly("1:811: the rule has more than"
                + " 200 arithmetic operators (+ - * /); split it into several tiers or tags");
        assertThat(errors("frequency > 1" + " and frequency > 1".repeat(1500))).containsExactly(
                "1:18001: the rule is too long: at most 4000 words and symbols; split it into several tiers or tags");
    }
}
