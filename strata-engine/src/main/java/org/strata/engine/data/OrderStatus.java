package org.strata.engine.data;

import java.util.Locale;

/**
 * What happened to an order, which decides whether it counts as a purchase. Stored as a byte in {@link OrderColumns}.
 *
 * <ul>
 *   <li>{@link #COMPLETED}: a purchase (paid, shipped, delivered, completed). Net value = amount - refund.</li>
 *   <li>{@link #REFUNDED}: a purchase that was later refunded in part or in full. It still counts as a purchase
 *       (the customer did buy, and returning one item of a basket is ordinary retail behaviour); its net value is
 *       amount - refund, which is 0 for a full refund.</li>
 *   <li>{@link #CANCELLED}: never became a purchase (cancelled before payment or delivery): ignored everywhere.</li>
 *   <li>{@link #PENDING}: not paid yet and may still be cancelled: ignored until it turns into a purchase.</li>
 *   <li>{@link #RETURN}: a stand-alone credit note or return (e.g. a retailer's "C..." cancellation invoice or a row
 *       with a negative amount): not a purchase, its {@code refund} lowers the customer's net value on its date.</li>
 * </ul>
 */
public enum OrderStatus {
    COMPLETED, REFUNDED, CANCELLED, PENDING, RETURN;

    private static final OrderStatus[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    public static OrderStatus ofCode(byte code) {
        return BY_CODE[code];
    }

    /** Whether an order with this status is a purchase (counts for frequency, recency and monetary). */
    public boolean isPurchase() {
        return this == COMPLETED || this == REFUNDED;
    }

    /**
     * Reads the status words of common exports (English and Chinese). Returns null for a word it does not know, so
     * the caller can report where it is.
     */
    public static OrderStatus parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (word) {
            case "", "completed", "complete", "paid", "shipped", "delivered", "fulfilled", "success", "closed",
                 "已完成", "完成", "已支付", "已付款", "已发货", "已收货", "交易成功" -> COMPLETED;
            case "refunded", "partially_refunded", "partial_refund", "已退款", "部分退款", "退款" -> REFUNDED;
            case "cancelled", "canceled", "void", "voided", "已取消", "取消", "交易关闭" -> CANCELLED;
            case "pending", "unpaid", "created", "awaiting_payment", "待支付", "待付款", "未支付" -> PENDING;
            case "return", "returned", "credit", "credit_note", "退货", "退货单" -> RETURN;
            default -> null;
        };
    }
}
