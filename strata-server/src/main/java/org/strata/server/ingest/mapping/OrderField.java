package org.strata.server.ingest.mapping;

/** Fields of an orders file. Other columns are ignored (and listed as unmapped). */
public enum OrderField implements TargetField {
    ORDER_ID(new FieldSpec("order_id", SharedAliases.ORDER_ID)),
    CUSTOMER_ID(new FieldSpec("customer_id", SharedAliases.CUSTOMER_ID)),
    CUSTOMER_PHONE(new FieldSpec("customer_phone", SharedAliases.CUSTOMER_PHONE)),
    CUSTOMER_EMAIL(new FieldSpec("customer_email", SharedAliases.CUSTOMER_EMAIL)),
    ORDERED_AT(new FieldSpec("ordered_at", SharedAliases.ORDERED_AT)),
    /** What the customer actually paid is preferred over the list price of the order when a file has both. */
    AMOUNT(FieldSpec.of("amount", "实付金额", "实收金额", "支付金额", "成交金额", "付款金额", "订单金额", "金额", "销售额", "应付金额", "paid_amount",
            "order_amount", "total_amount", "total", "revenue", "sales")),
    COST(FieldSpec.of("cost", "成本", "成本金额", "cost_amount")),
    MARGIN(FieldSpec.of("margin", "毛利", "毛利额", "利润", "gross_margin", "profit")),
    REFUND_AMOUNT(FieldSpec.of("refund_amount", "退款金额", "退款", "refund", "refunded_amount")),
    CURRENCY(new FieldSpec("currency", SharedAliases.CURRENCY)),
    CHANNEL(new FieldSpec("channel", SharedAliases.CHANNEL)),
    STATUS(FieldSpec.of("status", "状态", "订单状态", "order_status"));

    private final FieldSpec spec;

    OrderField(FieldSpec spec) {
        this.spec = spec;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }
}
