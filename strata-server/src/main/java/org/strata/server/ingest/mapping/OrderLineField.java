package org.strata.server.ingest.mapping;

import java.util.List;

/** Fields of an order-lines file (e.g. UCI Online Retail). Other columns are ignored (and listed as unmapped). */
public enum OrderLineField implements TargetField {
    ORDER_ID("order_id", "订单编号", "订单号", "订单ID", "单号", "order_no", "order_number", "orderid", "InvoiceNo", "invoice_no",
            "invoice"),
    LINE_NO("line_no", "行号", "明细编号", "明细ID", "子订单号", "line", "line_number", "line_id", "item_id"),
    CUSTOMER_ID("customer_id", CustomerRefAliases.ID),
    CUSTOMER_PHONE("customer_phone", CustomerRefAliases.PHONE),
    CUSTOMER_EMAIL("customer_email", CustomerRefAliases.EMAIL),
    ORDERED_AT("ordered_at", "下单时间", "订单时间", "支付时间", "付款时间", "成交时间", "下单日期", "订单日期", "交易时间", "日期", "时间",
            "order_date", "order_time", "InvoiceDate", "date", "created_at", "paid_at"),
    SKU("sku", "商品编码", "商品编号", "货号", "SKU编码", "商品ID", "StockCode", "stock_code", "product_id", "item_code",
            "product_code"),
    DESCRIPTION("description", "商品名称", "商品描述", "品名", "描述", "Description", "product_name", "item_name"),
    QUANTITY("quantity", "数量", "购买数量", "件数", "Quantity", "qty"),
    UNIT_PRICE("unit_price", "单价", "商品单价", "成交单价", "UnitPrice", "price"),
    CURRENCY("currency", "币种", "货币", "currency_code"),
    CHANNEL("channel", "渠道", "销售渠道", "来源", "店铺", "平台", "sales_channel", "source"),
    CANCELLED("cancelled", "已取消", "是否取消", "取消", "canceled", "is_cancelled");

    private final String fieldName;
    private final List<String> headerAliases;

    OrderLineField(String fieldName, String... aliases) {
        this.fieldName = fieldName;
        this.headerAliases = List.of(aliases);
    }

    OrderLineField(String fieldName, List<String> aliases) {
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
