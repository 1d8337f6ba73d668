package org.strata.server.quality;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the report counts as a valid stored phone or email. */
class QualityRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+8613812345678", "+8619912345678", "+862188886666", "+8657188886666", "+14155550123",
            "+447911123456", "+81312345678", "+8012345678", "+79161234567"})
    void e164PhonesAreValid(String phone) {
        assertThat(QualityRules.isValidPhone(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138-1234-5678", "+86 138 1234 5678", "+8612812345678", "+861381234567",
            "0571-88886666", "+86", "+0123456789", "电话",
            "+8612345678", "+86123456789012"})
    void otherPhoneSpellingsAreInvalid(String phone) {
        assertThat(QualityRules.isValidPhone(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wang@example.cn", "123456@qq.com", "info@yunfan88.com.cn", "a.b+c@mail.example.org"})
    void lowerCaseAddressesAreValidEmails(String email) {
        assertThat(QualityRules.isValidEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wang@Example.cn", "wang@example", "wang.example.cn", "wang @example.cn", "a@b@c.cn"})
    void otherEmailsAreInvalid(String email) {
        assertThat(QualityRules.isValidEmail(email)).isFalse();
    }

    /**
     * SQL tries the Chinese mobile first (spelled as an open repetition and a length) and the whole expression after it:
     * the first must mean exactly the Chinese mobile and never accept more than the whole.
     */
    @Test
    void everyChineseMobileIsAValidPhoneAndNearMissesAreJudgedByTheWholeExpression() {
        Pattern mobile = Pattern.compile(QualityRules.CHINESE_MOBILE);
        Pattern open = Pattern.compile(QualityRules.CHINESE_MOBILE_OPEN);
        Random random = new Random(7);
        String characters = "+86130123456789 -";
        int mobiles = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder phone = new StringBuilder("+861");
            int length = 9 + random.nextInt(4);
            for (int j = 0; j < length; j++) {
                phone.append(random.nextInt(8) > 0 ? (char) ('0' + random.nextInt(10))
                        : characters.charAt(random.nextInt(characters.length())));
            }
            boolean openAndCounted = phone.length() == QualityRules.CHINESE_MOBILE_LENGTH
                    && open.matcher(phone).matches();
            assertThat(openAndCounted).as("SQL's spelling of " + phone).isEqualTo(mobile.matcher(phone).matches());
            if (mobile.matcher(phone).matches()) {
                mobiles++;
                assertThat(QualityRules.isValidPhone(phone.toString())).as(phone.toString()).isTrue();
            }
        }
        assertThat(mobiles).as("mobiles among the random phones").isGreaterThan(1_000);
    }
}
