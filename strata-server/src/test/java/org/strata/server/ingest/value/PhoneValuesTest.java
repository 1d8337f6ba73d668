package org.strata.server.ingest.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13800138000         | +8613800138000",
            "138 0013 8000       | +8613800138000",
            "138-0013-8000       | +8613800138000",
            "+86-138-0013-8000   | +8613800138000",
            "+86 138 0013 8000   | +8613800138000",
            "+8613800138000      | +8613800138000",
            "008613800138000     | +8613800138000",
            "86 13800138000      | +8613800138000",
            "１３８００１３８０００    | +8613800138000",
            "(021) 6123-4567     | +862161234567",
            "021-61234567        | +862161234567",
            "010 8888 6666       | +861088886666",
            "14012345678         | +8614012345678",
            "179 8100 8491       | +8617981008491",
            "+1 650 253 0000     | +16502530000",
    })
    void normalisesToE164WithChinaAsTheDefaultRegion(String raw, String expected) {
        assertThat(PhoneValues.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "abc", "1380013800", "138001380001", "23800138000", "+86 12345", "000",
            "phone: none", "1380013800O"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertThat(PhoneValues.normalize(raw)).isNull();
    }
}
