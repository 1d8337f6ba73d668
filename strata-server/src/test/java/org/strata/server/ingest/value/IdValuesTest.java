package org.strata.server.ingest.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdValuesTest {

    @ParameterizedTest
    @CsvSource({"17850.0,17850", "17850.00,17850", "17850,17850", "C17850.0,C17850.0", "17850.5,17850.5",
            "O1-0,O1-0", "1.0.0,1.0.0", ".0,.0", "v2.0,v2.0"})
    void undoesTheFloatDamageOfSpreadsheetsOnlyForWholeNumbers(String raw, String expected) {
        assertThat(IdValues.normalize(raw)).isEqualTo(expected);
    }
}
