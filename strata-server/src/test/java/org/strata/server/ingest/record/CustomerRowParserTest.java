package org.strata.server.ingest.record;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRowParserTest {

    @Test
    void identifiersAttributesAndTypesAreRead() {
        List<ParsedRow<CustomerRecord>> rows = CsvFixture.read(ImportKind.CUSTOMERS, CustomerRecord.class, """
                会员ID,姓名,手机,类型,微信openid,CRM编号,来源,生日,备注
                17850.0,张伟,+86-138-0013-8000,个人,oAbC123,CRM-9,线下门店,1990-01-01,
                K2,华为技术,,企业,,,,,
                K3,某公司,,company,,,,,
                """);
        CustomerRecord first = rows.get(0).record();
        assertThat(first.externalId()).isEqualTo("17850");
        assertThat(first.type()).isEqualTo("person");
        assertThat(first.phone()).isEqualTo("+8613800138000");
        assertThat(first.identifiers()).containsExactly(Map.entry("wechat_openid", "oAbC123"), Map.entry("crm_id", "CRM-9"));
        assertThat(first.attributes()).containsExactly(Map.entry("channel", "线下门店"), Map.entry("生日", "1990-01-01"));
        assertThat(rows.get(1).record().type()).isEqualTo("company");
        assertThat(rows.get(1).record().phone()).isNull();
        assertThat(rows.get(1).record().attributes()).isEmpty();
        assertThat(rows.get(2).record().type()).isEqualTo("company");
    }

    @Test
    void aCustomerNeedsAKeyAndValidContactDetails() {
        List<ParsedRow<CustomerRecord>> rows = CsvFixture.read(ImportKind.CUSTOMERS, CustomerRecord.class, """
                customer_id,name,phone,email,type,created_at
                ,无名氏,,,,
                C2,坏数据,12345,foo@,VIP,yesterday
                ,只有手机,13800138000,,,
                ,只有邮箱,,A@B.CN,,
                """);
        assertThat(rows.get(0).errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isZero();
            assertThat(e.field()).isNull();
            assertThat(e.reason().english()).contains("no customer key", "customer_id, phone, email");
        });
        assertThat(rows.get(1).errors()).extracting(RowError::field)
                .containsExactly("phone", "email", "type", "created_at");
        assertThat(rows.get(2).record().phone()).isEqualTo("+8613800138000");
        assertThat(rows.get(3).record().email()).isEqualTo("a@b.cn");
    }

    @Test
    void tooLongValuesAreRejectedAndClippedInTheError() {
        String name = "长".repeat(1200);
        List<ParsedRow<CustomerRecord>> rows = CsvFixture.read(ImportKind.CUSTOMERS, CustomerRecord.class,
                "customer_id,name\nK1," + name + "\n");
        assertThat(rows.get(0).errors()).singleElement().satisfies(e -> {
            assertThat(e.reason().english()).isEqualTo("too long; at most 300 characters");
            assertThat(e.value()).hasSize(1000).endsWith("…");
        });
    }
}
