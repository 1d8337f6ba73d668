package org.strata.server.ingest;

/**
 * One key by which records point at a customer, as stored in customer_identifiers. Phones and emails are global
 * (namespace ""); every other kind (the source's own customer id, shop user id, WeChat openid ...) is namespaced by
 * the source that issued it, because two systems may well both have a customer "1001".
 *
 * @param value already normalised (phone in +86 E.164, email lower-case)
 */
public record IdentityKey(String kind, String namespace, String value) {

    public static final String EXTERNAL_ID = "external_id";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";

    public static IdentityKey externalId(String source, String value) {
        return new IdentityKey(EXTERNAL_ID, source, value);
    }

    public static IdentityKey phone(String value) {
        return new IdentityKey(PHONE, "", value);
    }

    public static IdentityKey email(String value) {
        return new IdentityKey(EMAIL, "", value);
    }

    /** A source-specific identifier such as shop_user_id or wechat_openid. */
    public static IdentityKey sourceId(String kind, String source, String value) {
        return kind.equals(PHONE) ? phone(value) : kind.equals(EMAIL) ? email(value) : new IdentityKey(kind, source, value);
    }

    /**
     * The one key by which an order or event names its customer: the source's customer id when given, otherwise
     * the phone, otherwise the email; null when the row names no customer.
     */
    public static IdentityKey reference(String source, String customerRef, String phone, String email) {
        if (customerRef != null && !customerRef.isBlank()) {
            return externalId(source, customerRef);
        }
        if (phone != null && !phone.isBlank()) {
            return phone(phone);
        }
        if (email != null && !email.isBlank()) {
            return email(email);
        }
        return null;
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + " " + value : kind + " " + namespace + "/" + value;
    }
}
