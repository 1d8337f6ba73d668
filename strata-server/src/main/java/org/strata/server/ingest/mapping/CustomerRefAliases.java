package org.strata.server.ingest.mapping;

import java.util.List;

/** Header names that point an order, an order line or an event at its customer. */
final class CustomerRefAliases {

    private CustomerRefAliases() {
    }

    static final List<String> ID = List.of("客户编号", "客户编码", "客户ID", "客户号", "会员ID", "会员编号", "会员号", "用户ID",
            "买家ID", "customer id", "CustomerID", "customer_ref", "customer_no", "customer_code", "member_id", "user_id");
    static final List<String> PHONE = List.of("手机号", "手机号码", "手机", "电话", "联系电话", "客户手机", "客户电话", "收货人手机",
            "phone", "mobile", "telephone", "tel", "customer_mobile");
    static final List<String> EMAIL = List.of("邮箱", "电子邮件", "电子邮箱", "客户邮箱", "email", "e-mail", "mail");
}
