package org.strata.server.ingest.mapping;

/** Fields of a customer file. Columns that match none become custom attributes. */
public enum CustomerField implements TargetField {
    CUSTOMER_ID(FieldSpec.of("customer_id", "客户编号", "客户编码", "客户ID", "客户号", "会员ID", "会员编号", "会员号", "用户ID", "customer id",
            "customerid", "customer_no", "customer_code", "member_id", "external_id", "id")),
    NAME(FieldSpec.of("name", "客户名称", "客户名", "客户姓名", "姓名", "名称", "公司名称", "企业名称", "customer_name", "full_name")),
    TYPE(FieldSpec.of("type", "客户类型", "类型", "customer_type")),
    PHONE(FieldSpec.of("phone", "手机号", "手机号码", "手机", "电话", "联系电话", "电话号码", "联系方式", "mobile", "mobile_phone", "cellphone",
            "tel", "telephone", "phone_number")),
    EMAIL(FieldSpec.of("email", "邮箱", "电子邮件", "电子邮箱", "邮件", "e-mail", "mail", "email_address")),
    OWNER(FieldSpec.of("owner", "负责人", "销售", "客户经理", "销售负责人", "跟进人", "owner_username", "sales", "account_manager")),
    TEAM(FieldSpec.of("team", "团队", "部门", "销售团队", "team_code", "department")),
    INDUSTRY(FieldSpec.of("industry", "行业", "所属行业")),
    REGION(FieldSpec.of("region", "地区", "区域", "省份", "大区", "所在地区", "province", "area")),
    /** The customer's acquisition channel (来源/渠道); kept as the attribute {@code channel}, not as the record's source. */
    CHANNEL(FieldSpec.of("channel", "来源", "渠道", "客户来源", "获客渠道", "source", "acquisition_channel")),
    CREATED_AT(FieldSpec.of("created_at", "创建时间", "注册时间", "创建日期", "注册日期", "开户时间", "首次购买时间", "signup_date", "registered_at",
            "created", "create_time")),
    SHOP_USER_ID(FieldSpec.of("shop_user_id", "店铺用户ID", "店铺用户编号", "商城用户ID", "淘宝ID", "买家ID", "shop_user", "buyer_id")),
    WECHAT_OPENID(FieldSpec.of("wechat_openid", "微信openid", "openid", "微信OpenID", "公众号openid")),
    WECHAT_UNIONID(FieldSpec.of("wechat_unionid", "微信unionid", "unionid")),
    CRM_ID(FieldSpec.of("crm_id", "CRM编号", "CRM ID", "CRM客户编号", "crm_no"));

    private final FieldSpec spec;

    CustomerField(FieldSpec spec) {
        this.spec = spec;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }

    /** Identifier kinds stored with the customer besides id, phone and email. */
    public boolean isIdentifier() {
        return this == SHOP_USER_ID || this == WECHAT_OPENID || this == WECHAT_UNIONID || this == CRM_ID;
    }
}
