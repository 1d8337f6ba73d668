package org.strata.server.ingest.record;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The words exports use for customer types, order statuses, currencies and yes/no, mapped to Strata's values. */
final class Vocabulary {

    private Vocabulary() {
    }

    /** Each group: Strata's value first, then the words that mean it (compared lower-case). */
    private static final Map<String, String> CUSTOMER_TYPES = lookup(new String[][] {
            {"person", "个人", "个人客户", "自然人", "消费者", "individual", "personal", "consumer", "b2c"},
            {"company", "企业", "公司", "企业客户", "机构", "组织", "单位", "business", "enterprise", "organization",
                    "organisation", "corporate", "b2b"}});

    private static final Map<String, String> STATUSES = lookup(new String[][] {
            {"completed", "已完成", "完成", "交易成功", "交易完成", "已签收", "已收货", "已发货", "已支付", "已付款", "成功", "complete",
                    "done", "success", "paid", "delivered", "shipped", "fulfilled"},
            {"pending", "待付款", "待支付", "未付款", "未支付", "待发货", "处理中", "unpaid", "processing", "open"},
            {"partially_refunded", "部分退款", "部分退货", "partial_refund", "partially refunded"},
            {"refunded", "已退款", "退款", "全额退款", "已退货", "退货", "refund", "returned"},
            {"cancelled", "已取消", "取消", "已关闭", "关闭", "交易关闭", "作废", "canceled", "closed", "void", "voided"}});

    private static final Map<String, String> CURRENCIES = lookup(new String[][] {
            {"CNY", "人民币", "元", "rmb", "¥", "￥"},
            {"USD", "美元", "$", "us$"},
            {"EUR", "欧元", "€"},
            {"GBP", "英镑", "£"},
            {"HKD", "港币", "港元"},
            {"JPY", "日元"}});

    /** Event types the tiering features count by name; other types are kept as given. */
    private static final Map<String, String> EVENT_TYPES = lookup(new String[][] {
            {"visit", "访问", "浏览", "到访", "到店", "页面访问", "page_view", "pageview", "view"},
            {"login", "登录", "登陆", "log_in", "signin", "sign_in"},
            {"ticket", "工单", "投诉", "售后", "客诉", "support_ticket", "complaint"},
            {"campaign_click", "活动点击", "营销点击", "点击", "click", "email_click", "campaign click"},
            {"nps", "nps调查", "满意度", "满意度调查", "净推荐值", "nps_answer", "survey"}});

    private static final Map<String, String> YES_NO = lookup(new String[][] {
            {"true", "是", "已取消", "取消", "yes", "y", "1", "t", "x"},
            {"false", "否", "未取消", "no", "n", "0", "f"}});

    static String customerType(String raw) {
        return CUSTOMER_TYPES.get(raw.strip().toLowerCase(Locale.ROOT));
    }

    /** One of completed, pending, partially_refunded, refunded, cancelled; null when unknown. */
    static String orderStatus(String raw) {
        String word = raw.strip().toLowerCase(Locale.ROOT);
        String status = STATUSES.get(word);
        return status != null ? status : STATUSES.get(word.replace('_', ' ').replace('-', ' '));
    }

    /** An ISO code: known words map to their code, any 3 letters are taken as a code; null otherwise. */
    static String currency(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        String known = CURRENCIES.get(s);
        if (known != null) {
            return known;
        }
        return s.length() == 3 && s.chars().allMatch(c -> c >= 'a' && c <= 'z') ? s.toUpperCase(Locale.ROOT) : null;
    }

    /** The canonical name of a known event type (登录 → login), else the type as given. */
    static String eventType(String raw) {
        return EVENT_TYPES.getOrDefault(raw.strip().toLowerCase(Locale.ROOT), raw.strip());
    }

    /** TRUE, FALSE or null when the word is not a yes/no. */
    static Boolean yesNo(String raw) {
        String value = YES_NO.get(raw.strip().toLowerCase(Locale.ROOT));
        return value == null ? null : Boolean.valueOf(value);
    }

    private static Map<String, String> lookup(String[][] groups) {
        Map<String, String> map = new HashMap<>();
        for (String[] group : groups) {
            for (String word : group) {
                map.put(word.toLowerCase(Locale.ROOT), group[0]);
            }
        }
        return Map.copyOf(map);
    }
}
