package org.strata.server.ingest.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AmountValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.5         | 1234.5",
            "0              | 0",
            "-12            | -12",
            "+12            | 12",
            "1,234.50       | 1234.50",
            "1,234,567      | 1234567",
            "¥1,234.50      | 1234.50",
            "￥1234.5        | 1234.5",
            "1234.5元       | 1234.5",
            "RMB 1,234.50   | 1234.50",
            "rmb1234        | 1234",
            "CNY1234        | 1234",
            "1234 CNY       | 1234",
            "人民币88        | 88",
            "(12.00)        | -12.00",
            "¥-12.00        | -12.00",
            "'  1 234.00 '  | 1234.00",
            "１２３４．５     | 1234.5",
            "007            | 7",
    })
    void readsAmountsAsWrittenInChineseExports(String raw, String expected) {
        assertThat(AmountValues.parse(raw)).isEqualByComparingTo(expected);
        assertThat(AmountValues.parse(raw).toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.3.4", "abc", "1.234,50", "12,34", ",123", "1,2345", "¥", "元", "12abc", "--12", ".5",
            "5.", "1e5", "$12", "12 34 x", "()", "NaN"})
    void refusesWhatIsNotAnAmount(String raw) {
        assertThat(AmountValues.parse(raw)).isNull();
    }
}
