package org.strata.engine.rule;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleParserTest {

    private static Expr parse(String source) {
        ParsedRule parsed = RuleParser.parse(source);
        assertThat(parsed.diagnostics()).as(source).isEmpty();
        return parsed.expr();
    }

    private static String canonical(String source) {
        return RulePrinter.print(parse(source));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(canonical("a or b and c")).isEqualTo("a or b and c");
        assertThat(parse("a or b and c")).isEqualTo(parse("a or (b and c)"));
        assertThat(canonical("(a or b) and c")).isEqualTo("(a or b) and c");
    }

    @Test
    void notAppliesToAWholeComparison() {
        assertThat(parse("not x > 1")).isEqualTo(new Expr.Not(new Expr.Comparison(ComparisonOperator.GREATER,
                new Expr.Feature("x"), new Expr.NumberLiteral(1))));
        assertThat(parse("not a and b")).isEqualTo(parse("(not a) and b"));
    }

    @Test
    void multiplicationBindsTighterThanAdditionAndBothAssociateLeft() {
        assertThat(parse("a + b * c")).isEqualTo(parse("a + (b * c)"));
        assertThat(parse("a - b - c")).isEqualTo(parse("(a - b) - c"));
        assertThat(canonical("a - (b - c)")).isEqualTo("a - (b - c)");
        assertThat(canonical("a / (b * c)")).isEqualTo("a / (b * c)");
        assertThat(canonical("(a / b) * c")).isEqualTo("a / b * c");
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertThat(parse("-a * b")).isEqualTo(parse("(-a) * b"));
        assertThat(canonical("-(a + b) > --3")).isEqualTo("-(a + b) > --3");
    }

    @Test
    void comparisonsBindLooserThanArithmetic() {
        assertThat(parse("monetary / frequency >= 500 + 1")).isEqualTo(parse("(monetary / frequency) >= (500 + 1)"));
    }

    @Test
    void betweenBoundsAreArithmeticSoTheirAndIsNotLogical() {
        Expr parsed = parse("x between 1 and 2 + 3 and y");
        assertThat(parsed).isEqualTo(new Expr.Logical(LogicalOperator.AND,
                new Expr.Between(new Expr.Feature("x"), new Expr.NumberLiteral(1), parse("2 + 3")),
                new Expr.Feature("y")));
    }

    @Test
    void aChainOfOneConnectiveIsOneNodeSpanningFirstToLastOperand() {
        ParsedRule parsed = RuleParser.parse("a and b and c or d");
        Expr.Logical or = (Expr.Logical) parsed.expr();
        Expr.Logical and = (Expr.Logical) or.operands().get(0);
        assertThat(and.operands()).containsExactly(new Expr.Feature("a"), new Expr.Feature("b"),
                new Expr.Feature("c"));
        assertThat(parsed.spanOf(and)).isEqualTo(new Span(0, "a and b and c".length()));
        assertThat(parsed.spanOf(or)).isEqualTo(new Span(0, 18));
    }

    @Test
    void aBracketedChainOpeningALongerOneJoinsItButALaterOneStaysNested() {
        assertThat(parse("(a and b) and c")).isEqualTo(parse("a and b and c"));
        Expr.Logical nested = (Expr.Logical) parse("a and (b and c)");
        assertThat(nested.operands()).hasSize(2);
        assertThat(RulePrinter.print(nested)).isEqualTo("a and (b and c)");
        assertThat(new Expr.Logical(LogicalOperator.OR, parse("a or b"), new Expr.Feature("c")))
                .isEqualTo(parse("a or b or c"));
    }

    @Test
    void keywordsAreCaseInsensitiveAndChineseConnectivesWork() {
        assertThat(parse("A > 1 AND B IS NOT NULL OR NOT C")).isEqualTo(parse("a > 1 and b is not null or not c"));
        assertThat(parse("频次 > 1 与 x < 2 或 非 y")).isEqualTo(parse("频次 > 1 and x < 2 or not y"));
        assertThat(parse("（a > 1 或 b）与 c")).isEqualTo(parse("(a > 1 or b) and c"));
        assertThat(parse("region in （'华东'，'华南'）")).isEqualTo(parse("region in ('华东', '华南')"));
    }

    @Test
    void numberLiteralsAllowExponentsFractionsAndDigitSeparators() {
        assertThat(parse("10_000")).isEqualTo(new Expr.NumberLiteral(10000));
        assertThat(parse("1e3")).isEqualTo(new Expr.NumberLiteral(1000));
        assertThat(parse("3.5")).isEqualTo(new Expr.NumberLiteral(3.5));
        assertThat(parse("2.5E-2")).isEqualTo(new Expr.NumberLiteral(0.025));
        assertThat(parse(".5")).isEqualTo(new Expr.NumberLiteral(0.5));
    }

    @Test
    void stringsTakeEitherQuoteEscapesAndDoubledQuotes() {
        assertThat(parse("'华东'")).isEqualTo(new Expr.TextLiteral("华东"));
        assertThat(parse("\"x\"")).isEqualTo(new Expr.TextLiteral("x"));
        assertThat(parse("'O''Reilly'")).isEqualTo(new Expr.TextLiteral("O'Reilly"));
        assertThat(parse("'O\\'Reilly \\\\ \\n'")).isEqualTo(new Expr.TextLiteral("O'Reilly \\ \n"));
        assertThat(parse("“上海”")).isEqualTo(new Expr.TextLiteral("上海"));
    }

    @Test
    void datesAreWrittenAsDateOfAnIsoText() {
        assertThat(parse("date('2026-01-01')")).isEqualTo(new Expr.DateLiteral(LocalDate.of(2026, 1, 1)));
        assertThat(canonical("d >= TODAY() - 30")).isEqualTo("d >= today() - 30");
    }

    @Test
    void notInAndNotBetweenAndIsNotNull() {
        assertThat(parse("x not in (1, 2)")).isEqualTo(new Expr.In(new Expr.Feature("x"),
                List.of(new Expr.NumberLiteral(1), new Expr.NumberLiteral(2)), true));
        assertThat(parse("x not between 1 and 2")).isEqualTo(parse("not (x between 1 and 2)"));
        assertThat(parse("x is not null")).isEqualTo(new Expr.IsNull(new Expr.Feature("x"), true));
    }

    @Test
    void printingGivesCanonicalTextThatParsesToTheSameTree() {
        String source = "Recency_Days <= 30 AND (frequency >= 5 or monetary>=1e4) and region NOT IN (\"a\",'b''c')"
                + " and name contains '%_' and has_tag('vip') and coalesce(is_company, false)"
                + " and days_since(last_order_date) between 0 and 7 and x is null";
        String printed = canonical(source);
        assertThat(printed).isEqualTo("recency_days <= 30 and (frequency >= 5 or monetary >= 10000)"
                + " and region not in ('a', 'b\\'c') and name contains '%_' and has_tag('vip')"
                + " and coalesce(is_company, false) and days_since(last_order_date) between 0 and 7 and x is null");
        assertThat(parse(printed)).isEqualTo(parse(source));
    }

    @Test
    void comparisonsOfConditionsNeedParenthesesAndKeepThem() {
        assertThat(canonical("(a > 1) = (b < 2)")).isEqualTo("(a > 1) = (b < 2)");
    }
}
