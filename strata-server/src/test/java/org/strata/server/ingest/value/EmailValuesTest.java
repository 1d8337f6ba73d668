package org.strata.server.ingest.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Zhang.Wei@Example.CN     | zhang.wei@example.cn",
            "'  li.na@qq.com  '       | li.na@qq.com",
            "a+tag@mail.example.com   | a+tag@mail.example.com",
            "wang＠163.com             | wang@163.com",
            "用户@例子.中国             | 用户@例子.中国",
    })
    void trimsAndLowerCases(String raw, String expected) {
        assertThat(EmailValues.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo@", "@example.cn", "a b@c.cn", "name@qq", "a@@b.cn", "a@b@c.cn", "a@b..cn",
            "a@-b.cn", ".a@b.cn", "a..b@c.cn", "a@b.c", "plain", "a@b.cn x"})
    void refusesWhatIsNotAnEmail(String raw) {
        assertThat(EmailValues.normalize(raw)).isNull();
    }
}
