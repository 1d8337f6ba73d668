package org.strata.server.ingest.mapping;

/** Fields of an order-lines file (e.g. UCI Online Retail). Other columns are ignored (and listed as unmapped). */
public enum OrderLineField implements TargetField {
    ORDER_ID(new FieldSpec("order_id", SharedAliases.ORDER_ID)),
    LINE_NO(FieldSpec.of("line_no", "行号", "明细编号", "明细ID", "子订单号", "line", "line_number", "line_id", "item_id")),
    CUSTOMER_ID(new FieldSpec("customer_id", SharedAliases.CUSTOMER_ID)),
    CUSTOMER_PHONE(new FieldSpec("customer_phone", SharedAliases.CUSTOMER_PHONE)),
    CUSTOMER_EMAIL(new FieldSpec("customer_email", SharedAliases.CUSTOMER_EMAIL)),
    ORDERED_AT(new FieldSpec("ordered_at", SharedAliases.ORDERED_AT)),
    SKU(FieldSpec.of("sku", "商品编码", "商品编号", "货号", "SKU编码", "商品ID", "StockCode", "stock_code", "product_id", "item_code",
            "product_code")),
    DESCRIPTION(FieldSpec.of("description", "商品名称", "商品描述", "品名", "描述", "Description", "product_name", "item_name")),
    QUANTITY(FieldSpec.of("quantity", "数量", "购买数量", "件数", "Quantity", "qty")),
    UNIT_PRICE(FieldSpec.of("unit_price", "单价", "商品单价", "成交单价", "UnitPrice", "price")),
    CURRENCY(new FieldSpec("currency", SharedAliases.CURRENCY)),
    CHANNEL(new FieldSpec("channel", SharedAliases.CHANNEL)),
    CANCELLED(FieldSpec.of("cancelled", "已取消", "是否取消", "取消", "canceled", "is_cancelled"));

    private final FieldSpec spec;

    OrderLineField(FieldSpec spec) {
        this.spec = spec;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }
}
