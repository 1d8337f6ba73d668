package org.strata.server.ingest;

import org.junit.jupiter.api.Test;
import org.strata.engine.i18n.Message;
import org.strata.engine.i18n.MessageBundles;
import org.strata.engine.rule.RuleError;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ImportErrorBundlesTest {

    @Test
    void everyImportCodeHasAnEnglishAndAChineseTextWithTheDeclaredPlaceholders() {
        assertThat(MessageBundles.problems(ImportError.BUNDLE, List.of(ImportError.values()))).isEmpty();
    }

    @Test
    void aStoredReasonComesBackWithItsCodeAndArgumentsAndReadsInEitherLanguage() {
        Message reason = ImportMessages.missingColumns(ImportMessages.kind(ImportKind.ORDERS),
                List.of(ImportMessages.noColumnFor("amount", List.of("amount", "金额"))), List.of("a", "b"), "amount");
        Message back = StoredMessages.decode(StoredMessages.encode(reason, 1000));
        assertThat(back).isEqualTo(reason);
        assertThat(back.text(Locale.SIMPLIFIED_CHINESE)).startsWith("订单缺少必需的列：缺少 amount 列（可用表头：amount、金额）");
        Message nested = RuleError.TOO_LONG.with(4000);
        assertThat(StoredMessages.decode(StoredMessages.encode(nested, 1000))).isEqualTo(nested);
    }

    @Test
    void aReasonStoredBeforeCodesExistedReadsAsItWasWritten() {
        Message old = StoredMessages.decode("not a date; expected e.g. 2026-03-01");
        assertThat(old.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("not a date; expected e.g. 2026-03-01");
        assertThat(StoredMessages.decode("{\"code\": broken")).isEqualTo(Message.literal("{\"code\": broken"));
    }

    @Test
    void aReasonTooLongForItsColumnIsStoredAsEnglishText() {
        Message long_ = ImportMessages.mappingNoSuchHeader("amount", "x", List.of("h".repeat(2000)));
        String stored = StoredMessages.encode(long_, 1000);
        assertThat(stored).startsWith("the mapping amount=x names no header");
    }
}
