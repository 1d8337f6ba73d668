package org.strata.server.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(PersonalData.phone("+8613812341234")).isEqualTo("138****1234");
        assertThat(PersonalData.phone("138 1234 1234")).isEqualTo("138****1234");
        assertThat(PersonalData.phone("+441632960961")).isEqualTo("441****0961");
        assertThat(PersonalData.phone("12345")).isEqualTo("*****");
        assertThat(PersonalData.phone(null)).isNull();
    }

    @Test
    void emailsKeepTheirFirstCharacterAndDomain() {
        assertThat(PersonalData.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(PersonalData.email("张@例子.中国")).isEqualTo("张***@例子.中国");
        assertThat(PersonalData.email("not-an-email")).isEqualTo("***");
    }

    @Test
    void personsKeepTheirFamilyNameAndCompaniesTheirName() {
        assertThat(PersonalData.name("张伟", "person")).isEqualTo("张*");
        assertThat(PersonalData.name("欧阳娜娜", "person")).isEqualTo("欧***");
        assertThat(PersonalData.name("杭州云帆科技有限公司", "company")).isEqualTo("杭州云帆科技有限公司");
        assertThat(PersonalData.name("𠀀伟", "person")).isEqualTo("𠀀*");
    }

    @Test
    void freeTextLosesPhonesAndEmailsInsideIt() {
        assertThat(PersonalData.text("客户来电 13812341234，回邮 li.na@example.com"))
                .isEqualTo("客户来电 138****1234，回邮 l***@example.com");
        assertThat(PersonalData.text("order 2026031512345678")).isEqualTo("order 2026031512345678");
        assertThat(PersonalData.document(Map.of("notes", List.of("+86 138-1234-1234"), "score", 9)))
                .isEqualTo(Map.of("notes", List.of("138****1234"), "score", 9));
    }

    @Test
    void freeTextAboutACustomerLosesTheirNameTooButNotACompanysName() {
        assertThat(PersonalData.textAbout("回访 张伟（13812341234）：张伟 要报价", "张伟", "person"))
                .isEqualTo("回访 张*（138****1234）：张* 要报价");
        assertThat(PersonalData.textAbout("回访 杭州云帆科技有限公司", "杭州云帆科技有限公司", "company"))
                .isEqualTo("回访 杭州云帆科技有限公司");
        assertThat(PersonalData.textAbout(null, "张伟", "person")).isNull();
        assertThat(PersonalData.textAbout("no name here", null, "person")).isEqualTo("no name here");
    }

    @Test
    void sourceIdsKeepTwoCharactersAtEachEnd() {
        assertThat(PersonalData.identifier("wechat_openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).isEqualTo("oU****6o");
        assertThat(PersonalData.identifier("external_id", "C01")).isEqualTo("****");
    }
}
