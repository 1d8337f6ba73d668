package org.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.i18n.MessageBundles;

class CliTextBundlesTest {

    @Test
    void everyCommandTextHasAnEnglishAndAChineseTextWithTheDeclaredPlaceholders() {
        assertThat(MessageBundles.problems(CliText.BUNDLE, List.of(CliText.values()))).isEmpty();
    }

    @Test
    void aChineseLanguageOptionPrintsChinese() {
        LanguageOption chinese = new LanguageOption();
        chinese.lang = "zh-CN";
        assertThat(chinese.say(CliText.REJECTED_ROWS, "a.errors.csv")).isEqualTo("被拒绝的行：a.errors.csv");
        LanguageOption english = new LanguageOption();
        english.lang = "en";
        assertThat(english.say(CliText.REJECTED_ROWS, "a.errors.csv")).isEqualTo("rejected rows: a.errors.csv");
    }
}
