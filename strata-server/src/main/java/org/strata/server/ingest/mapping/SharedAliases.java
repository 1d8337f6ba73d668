package org.strata.server.ingest.mapping;

import java.util.List;

/** Header names shared by several kinds of file: customer keys, order ids and times, currency and channel. */
final class SharedAliases {

    private SharedAliases() {
    }

    static final List<String> CUSTOMER_ID = List.of("客户编号", "客户编码", "客户ID", "客户号", "会员ID", "会员编号", "会员号", "用户ID",
            "买家ID", "customer id", "CustomerID", "customer_ref", "customer_no", "customer_code", "member_id", "user_id");
    static final List<String> CUSTOMER_PHONE = List.of("手机号", "手机号码", "手机", "电话", "联系电话", "客户手机", "客户电话", "收货人手机",
            "phone", "mobile", "telephone", "tel", "customer_mobile");
    static final List<String> CUSTOMER_EMAIL = List.of("邮箱", "电子邮件", "电子邮箱", "客户邮箱", "email", "e-mail", "mail");

    static final List<String> ORDER_ID = List.of("订单编号", "订单号", "订单ID", "单号", "order_no", "order_number", "orderid",
            "InvoiceNo", "invoice_no", "invoice");
    static final List<String> ORDERED_AT = List.of("下单时间", "订单时间", "支付时间", "付款时间", "成交时间", "下单日期", "订单日期",
            "交易时间", "日期", "时间", "order_date", "order_time", "InvoiceDate", "date", "created_at", "paid_at");
    static final List<String> CURRENCY = List.of("币种", "货币", "currency_code");
    static final List<String> CHANNEL = List.of("渠道", "销售渠道", "来源", "店铺", "平台", "sales_channel", "source");
}
