package org.strata.server.ingest.mapping;

import java.util.List;

/** Fields of an orders file. Other columns are ignored (and listed as unmapped). */
public enum OrderField implements TargetField {
    ORDER_ID("order_id", "订单编号", "订单号", "订单ID", "单号", "order_no", "order_number", "orderid", "InvoiceNo", "invoice_no",
            "invoice"),
    CUSTOMER_ID("customer_id", CustomerRefAliases.ID),
    CUSTOMER_PHONE("customer_phone", CustomerRefAliases.PHONE),
    CUSTOMER_EMAIL("customer_email", CustomerRefAliases.EMAIL),
    ORDERED_AT("ordered_at", "下单时间", "订单时间", "支付时间", "付款时间", "成交时间", "下单日期", "订单日期", "交易时间", "日期", "时间",
            "order_date", "order_time", "InvoiceDate", "date", "created_at", "paid_at"),
    AMOUNT("amount", "订单金额", "实付金额", "金额", "实收金额", "支付金额", "成交金额", "销售额", "应付金额", "total", "order_amount",
            "total_amount", "paid_amount", "revenue", "sales"),
    COST("cost", "成本", "成本金额", "cost_amount"),
    MARGIN("margin", "毛利", "毛利额", "利润", "gross_margin", "profit"),
    REFUND_AMOUNT("refund_amount", "退款金额", "退款", "refund", "refunded_amount"),
    CURRENCY("currency", "币种", "货币", "currency_code"),
    CHANNEL("channel", "渠道", "销售渠道", "来源", "店铺", "平台", "sales_channel", "source"),
    STATUS("status", "状态", "订单状态", "order_status");

    private final String fieldName;
    private final List<String> headerAliases;

    OrderField(String fieldName, String... aliases) {
        this.fieldName = fieldName;
        this.headerAliases = List.of(aliases);
    }

    OrderField(String fieldName, List<String> aliases) {
        this.fieldName = fieldName;
        this.headerAliases = aliases;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    @Override
    public List<String> headerAliases() {
        return headerAliases;
    }
}
