package org.strata.engine.rule;

import org.junit.jupiter.api.Test;
import org.strata.engine.table.FeatureTable;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RulePrinterRoundTripTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    @Test
    void everyRandomTreePrintsToTextThatParsesBackToTheSameTreeAndPrintsTheSame() {
        Random random = new Random(42);
        FeatureTable table = RandomRules.randomTable(random, AS_OF);
        RandomRules rules = new RandomRules(random, table, AS_OF);
        for (int i = 0; i < 5000; i++) {
            Expr tree = rules.condition(random.nextInt(6));
            String text = RulePrinter.print(tree);
            ParsedRule parsed = RuleParser.parse(text);
            assertThat(parsed.diagnostics()).as(text).isEmpty();
            assertThat(parsed.expr()).as(text).isEqualTo(tree);
            assertThat(RulePrinter.print(parsed.expr())).isEqualTo(text);
            assertThat(RuleChecker.check(text, RandomRules.CATALOG).diagnostics()).as(text).isEmpty();
        }
    }

    @Test
    void numbersPrintWithoutNeedlessFractionsAndStillRoundTrip() {
        for (double value : new double[] {0, 30, 10000, 0.1, 1e-7, 123456789.125, 1e15, 1.7976931348623157e308}) {
            String text = RulePrinter.print(new Expr.NumberLiteral(value));
            assertThat(RuleParser.parse(text).expr()).as(text).isEqualTo(new Expr.NumberLiteral(value));
        }
        assertThat(RulePrinter.print(new Expr.NumberLiteral(30))).isEqualTo("30");
        assertThat(RulePrinter.print(new Expr.NumberLiteral(0.1))).isEqualTo("0.1");
    }

    @Test
    void textsWithQuotesBackslashesAndNewlinesRoundTrip() {
        for (String value : new String[] {"O'Reilly", "a\\b", "line\nbreak", "tab\t", "\"", "华东", ""}) {
            String text = RulePrinter.print(new Expr.TextLiteral(value));
            assertThat(RuleParser.parse(text).expr()).as(text).isEqualTo(new Expr.TextLiteral(value));
        }
    }
}
