package org.strata.engine.csv;

import org.strata.engine.i18n.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of an orders file holds what, recognised from common header names in English and Chinese
 * ({@code customer_id}, {@code CustomerID}, {@code 客户编号}, {@code ordered_at}, {@code InvoiceDate}, {@code 下单时间},
 * {@code amount}, {@code 实付金额} ...). Needs a customer, a time and either an amount or a quantity and a unit price
 * (amount = quantity × unit price, as in line-item exports).
 */
final class OrderCsvLayout {

    enum Role {
        ORDER_ID, CUSTOMER, TIME, AMOUNT, QUANTITY, UNIT_PRICE, STATUS, REFUND, COST, IGNORED
    }

    private static final Map<Role, List<String>> NAMES = Map.of(
            Role.ORDER_ID, List.of("orderid", "orderno", "ordernumber", "invoiceno", "invoice", "invoiceid",
                    "transactionid", "订单号", "订单编号", "订单id"),
            Role.CUSTOMER, List.of("customerid", "customer", "customerno", "custid", "clientid", "client", "buyerid",
                    "memberid", "userid", "accountid", "客户id", "客户编号", "客户", "会员id", "用户id"),
            Role.TIME, List.of("orderedat", "orderdate", "ordertime", "invoicedate", "date", "datetime", "createdat",
                    "purchasedate", "purchasedat", "transactiondate", "time", "timestamp", "paidat", "下单时间",
                    "订单日期", "订单时间", "日期", "交易时间", "支付时间"),
            Role.AMOUNT, List.of("amount", "orderamount", "total", "totalamount", "revenue", "sales", "value",
                    "paymentamount", "paidamount", "gmv", "金额", "订单金额", "实付金额", "支付金额", "销售额"),
            Role.QUANTITY, List.of("quantity", "qty", "数量"),
            Role.UNIT_PRICE, List.of("unitprice", "price", "单价"),
            Role.STATUS, List.of("status", "orderstatus", "订单状态", "状态"),
            Role.REFUND, List.of("refund", "refundamount", "refunded", "退款金额", "退款"),
            Role.COST, List.of("cost", "costamount", "cogs", "成本"));

    final String[] header;
    final Role[] roles;

    private OrderCsvLayout(String[] header, Role[] roles) {
        this.header = header;
        this.roles = roles;
    }

    static OrderCsvLayout of(String[] header, String file) {
        Role[] roles = new Role[header.length];
        Arrays.fill(roles, Role.IGNORED);
        for (int c = 0; c < header.length; c++) {
            String name = normalise(header[c]);
            for (Role role : Role.values()) {
                if (role != Role.IGNORED && NAMES.get(role).contains(name) && column(roles, role) < 0) {
                    roles[c] = role;
                    break;
                }
            }
        }
        OrderCsvLayout layout = new OrderCsvLayout(header, roles);
        List<Message> missing = new ArrayList<>();
        if (layout.column(Role.CUSTOMER) < 0) {
            missing.add(CsvError.MISSING_CUSTOMER.with());
        }
        if (layout.column(Role.TIME) < 0) {
            missing.add(CsvError.MISSING_TIME.with());
        }
        if (layout.column(Role.AMOUNT) < 0
                && (layout.column(Role.QUANTITY) < 0 || layout.column(Role.UNIT_PRICE) < 0)) {
            missing.add(CsvError.MISSING_AMOUNT.with());
        }
        if (!missing.isEmpty()) {
            throw new CsvException(file, 1, 0, CsvError.HEADER_LACKS.with(Arrays.toString(header), missing));
        }
        return layout;
    }

    /** 0-based column of the role, or -1. */
    int column(Role role) {
        return column(roles, role);
    }

    boolean amountFromQuantity() {
        return column(Role.AMOUNT) < 0;
    }

    /** The error location text of a column: "column 3 (ordered_at)" is made by CsvException from the index. */
    String name(int column) {
        return header[column];
    }

    private static int column(Role[] roles, Role role) {
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == role) {
                return c;
            }
        }
        return -1;
    }

    /** Header names the layout recognises for a role, normalised (lower case, no spaces, _ - or .). */
    static List<String> names(Role role) {
        return NAMES.get(role);
    }

    /** A header name as compared with the known names: {@code Customer_ID} and {@code customer id} are alike. */
    static String normalise(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }
}
