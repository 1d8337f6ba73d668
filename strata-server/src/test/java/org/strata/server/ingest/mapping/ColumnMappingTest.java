package org.strata.server.ingest.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnMappingTest {

    private static final RecordSchema CUSTOMERS = RecordSchema.of(ImportKind.CUSTOMERS);
    private static final RecordSchema ORDERS = RecordSchema.of(ImportKind.ORDERS);

    @TempDir
    Path dir;

    @Test
    void chineseCustomerHeadersAreGuessed() {
        ColumnMapping mapping = ColumnMapping.resolve(CUSTOMERS, List.of("客户编号", "客户名称", "手机号", "邮箱", "客户类型",
                "负责人", "部门", "行业", "省份", "来源", "注册时间", "微信openid", "unionid", "店铺用户ID", "CRM编号", "生日"),
                MappingSpec.NONE);
        assertThat(mapping.fieldsToHeaders()).containsExactly(
                entry("customer_id", "客户编号"), entry("name", "客户名称"), entry("type", "客户类型"),
                entry("phone", "手机号"), entry("email", "邮箱"), entry("owner", "负责人"), entry("team", "部门"),
                entry("industry", "行业"), entry("region", "省份"), entry("channel", "来源"),
                entry("created_at", "注册时间"), entry("shop_user_id", "店铺用户ID"), entry("wechat_openid", "微信openid"),
                entry("wechat_unionid", "unionid"), entry("crm_id", "CRM编号"));
        assertThat(mapping.unmappedHeaders()).containsExactly("生日");
        assertThat(mapping.describe()).contains("customer_id ← 客户编号").endsWith("unmapped: 生日 (kept as attributes)");
    }

    @Test
    void headersMatchRegardlessOfCaseSpacesUnderscoresAndBracketedNotes() {
        ColumnMapping mapping = ColumnMapping.resolve(ORDERS,
                List.of("Order ID", "CUSTOMER-ID", "Ordered_At", "实付金额（元）", "InvoiceNo"), MappingSpec.NONE);
        assertThat(mapping.fieldsToHeaders()).containsEntry("order_id", "Order ID")
                .containsEntry("customer_id", "CUSTOMER-ID").containsEntry("ordered_at", "Ordered_At")
                .containsEntry("amount", "实付金额（元）");
        // The second column meaning order_id stays unmapped: the first one wins.
        assertThat(mapping.unmappedHeaders()).containsExactly("InvoiceNo");
        assertThat(mapping.describe()).endsWith("(ignored)");
    }

    @Test
    void whenSeveralHeadersSuggestAFieldTheStrongestWins() {
        ColumnMapping mapping = ColumnMapping.resolve(ORDERS, List.of("订单号", "客户编号", "下单时间", "订单金额", "实付金额"),
                MappingSpec.NONE);
        assertThat(mapping.fieldsToHeaders()).containsEntry("amount", "实付金额");
        assertThat(mapping.unmappedHeaders()).containsExactly("订单金额");
        ColumnMapping canonical = ColumnMapping.resolve(ORDERS, List.of("order_id", "customer_id", "date", "ordered_at",
                "amount"), MappingSpec.NONE);
        assertThat(canonical.fieldsToHeaders()).containsEntry("ordered_at", "ordered_at");
    }

    @Test
    void englishRetailHeadersAreGuessed() {
        ColumnMapping mapping = ColumnMapping.resolve(RecordSchema.of(ImportKind.ORDER_LINES), List.of("InvoiceNo",
                "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"),
                MappingSpec.NONE);
        assertThat(mapping.fieldsToHeaders()).containsEntry("order_id", "InvoiceNo").containsEntry("sku", "StockCode")
                .containsEntry("quantity", "Quantity").containsEntry("ordered_at", "InvoiceDate")
                .containsEntry("unit_price", "UnitPrice").containsEntry("customer_id", "CustomerID");
        assertThat(mapping.unmappedHeaders()).containsExactly("Country");
    }

    @Test
    void anExplicitMappingWinsOverTheGuessesByHeaderOrColumnNumber() {
        MappingSpec spec = MappingSpec.parse("customer_id=会员卡号, amount=4, ordered_at=支付时间");
        ColumnMapping mapping = ColumnMapping.resolve(ORDERS, List.of("订单号", "客户编号", "会员卡号", "应付", "实付金额",
                "下单时间", "支付时间"), spec);
        assertThat(mapping.fieldsToHeaders()).containsEntry("customer_id", "会员卡号").containsEntry("amount", "应付")
                .containsEntry("ordered_at", "支付时间").containsEntry("order_id", "订单号");
        assertThat(mapping.unmappedHeaders()).containsExactly("客户编号", "实付金额", "下单时间");
    }

    @Test
    void aHeaderThatIsANumberIsTakenByNameBeforeColumnNumber() {
        ColumnMapping mapping = ColumnMapping.resolve(CUSTOMERS, List.of("2", "id"), MappingSpec.parse("name=2"));
        assertThat(mapping.column(CustomerField.NAME)).isZero();
    }

    @Test
    void mistakesInTheMappingAreFileErrorsThatSayWhatWouldBeRight() {
        List<String> headers = List.of("订单号", "客户编号", "下单时间", "金额");
        assertThatThrownBy(() -> ColumnMapping.resolve(ORDERS, headers, MappingSpec.parse("amout=金额")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("unknown field \"amout\"")
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> ColumnMapping.resolve(ORDERS, headers, MappingSpec.parse("amount=实收")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("headers found: 订单号, 客户编号, 下单时间, 金额");
        assertThatThrownBy(() -> ColumnMapping.resolve(ORDERS, headers, MappingSpec.parse("amount=9")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("the file has 4 columns");
        assertThatThrownBy(() -> MappingSpec.parse("amount"))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("customer_id=客户编号");
    }

    @Test
    void aMappingFileHoldsOneEntryPerLineWithComments() throws IOException {
        Path file = dir.resolve("mapping.properties");
        Files.writeString(file, "\uFEFF# 店铺导出的映射\ncustomer_id = 会员卡号\n\namount=实付金额\n", StandardCharsets.UTF_8);
        assertThat(MappingSpec.read(file).columnsByField())
                .containsExactly(entry("customer_id", "会员卡号"), entry("amount", "实付金额"));
    }

    @Test
    void aMappingArgumentIsAFileWhenOneExistsElseTheMappingItself() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, "amount=实付金额\n", StandardCharsets.UTF_8);
        assertThat(MappingSpec.fromArgument(file.toString()).columnsByField()).containsEntry("amount", "实付金额");
        assertThat(MappingSpec.fromArgument("amount=应付,customer_id=2").columnsByField())
                .containsExactly(entry("amount", "应付"), entry("customer_id", "2"));
        assertThat(MappingSpec.fromArgument(null)).isEqualTo(MappingSpec.NONE);
    }

    @Test
    void requiredFieldsAndCustomerKeysAreDeclaredPerKind() {
        assertThat(RecordSchema.names(ORDERS.required())).isEqualTo("order_id, ordered_at, amount");
        assertThat(RecordSchema.names(RecordSchema.of(ImportKind.EVENTS).required())).isEqualTo("type, occurred_at");
        assertThat(CUSTOMERS.required()).isEmpty();
        assertThat(CUSTOMERS.extrasName()).isEqualTo("attributes");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
