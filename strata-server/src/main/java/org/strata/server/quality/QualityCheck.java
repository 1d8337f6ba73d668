package org.strata.server.quality;

/** The defects the data-quality report looks for. Each counts records of one kind, whose ids are the samples. */
public enum QualityCheck {

    CUSTOMERS_MISSING_PHONE("customer", "缺少手机号", "Customers without a phone number"),
    CUSTOMERS_MISSING_EMAIL("customer", "缺少邮箱", "Customers without an email address"),
    CUSTOMERS_INVALID_PHONE("customer", "手机号无效",
            "Customers whose stored phone is not E.164 (+86 followed by an 11-digit mobile number or a landline "
                    + "with area code; other countries +country code and 7 to 15 digits), e.g. from legacy data"),
    CUSTOMERS_INVALID_EMAIL("customer", "邮箱无效",
            "Customers whose stored email is not name@domain.tld in lower case"),
    MERGES_ACTIVE("customer", "已合并的重复客户",
            "Merges in force: customers of this source absorbed into another record (samples: absorbed ids)"),
    MERGES_UNDONE("customer", "已撤销的合并", "Merges that were undone (samples: the customers once absorbed)"),
    ORDERS_WITHOUT_CUSTOMER("order", "订单无对应客户", "Orders whose customer is not known (customer_id empty)"),
    ORDERS_IN_FUTURE("order", "订单日期在未来", "Orders dated after the time of the report"),
    ORDERS_NON_POSITIVE_AMOUNT("order", "订单金额为零或负数", "Orders with an amount of zero or less"),
    EVENTS_WITHOUT_CUSTOMER("event", "事件无对应客户", "Events whose customer is not known (customer_id empty)"),
    EVENTS_IN_FUTURE("event", "事件日期在未来", "Events dated after the time of the report");

    private final String entity;
    private final String label;
    private final String description;

    QualityCheck(String entity, String label, String description) {
        this.entity = entity;
        this.label = label;
        this.description = description;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String entity() {
        return entity;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
