package org.strata.server.access;

/**
 * Masks personal data (PIPL) for people without {@link Permission#SEE_PERSONAL_DATA}: a phone keeps its first
 * three and last four digits ({@code 138****1234}), an e-mail its first letter and domain ({@code z***@example.com}),
 * a person's name its family name ({@code 张*}). Company names are not personal data and stay.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** Whether the current caller sees personal data unmasked. */
    public static boolean visible() {
        return CurrentUser.seesPersonalData();
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.startsWith("+86") && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    /** A person's name; {@code type} "company" keeps the name. */
    public static String name(String name, String type) {
        if (name == null || name.isBlank() || "company".equals(type)) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.offsetByCodePoints(0, 1);
        int rest = trimmed.codePointCount(first, trimmed.length());
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, Math.min(rest, 3)));
    }

    /** An identifier by its kind: phones and e-mails as above; source ids (openid, shop id) keep 2 characters each end. */
    public static String identifier(String kind, String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case "phone" -> phone(value);
            case "email" -> email(value);
            default -> value.length() <= 4 ? "****" : value.substring(0, 2) + "****" + value.substring(value.length() - 2);
        };
    }

    private static final java.util.regex.Pattern MOBILE_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?(1[3-9][0-9])[ -]?[0-9]{4}[ -]?([0-9]{4})(?![0-9])");
    private static final java.util.regex.Pattern EMAIL_IN_TEXT =
            java.util.regex.Pattern.compile("([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*(@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,})");

    /**
     * Free text (event properties, notes) with the mobile numbers and e-mail addresses in it masked. Names inside
     * free text cannot be recognised reliably and are not masked.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = MOBILE_IN_TEXT.matcher(text).replaceAll("$1****$2");
        return EMAIL_IN_TEXT.matcher(masked).replaceAll("$1***$2");
    }

    /** A parsed JSON document (maps, lists, strings, numbers) with {@link #text} applied to every string. */
    public static Object document(Object json) {
        if (json instanceof String string) {
            return text(string);
        }
        if (json instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, document(value)));
            return copy;
        }
        if (json instanceof java.util.List<?> list) {
            return list.stream().map(PersonalData::document).toList();
        }
        return json;
    }

    /**
     * Free text written about one customer (a task title, a warning's reason, a receiver's error message): as
     * {@link #text}, and the customer's own name masked wherever it is quoted, since templates put it there.
     */
    public static String textAbout(String text, String customerName, String customerType) {
        String masked = text(text);
        if (masked == null || customerName == null || customerName.isBlank() || "company".equals(customerType)) {
            return masked;
        }
        return masked.replace(customerName.strip(), name(customerName, customerType));
    }

    /** Free text as the caller may see it: unchanged with the permission, {@link #text} masked without. */
    public static String textFor(String text) {
        return visible() ? text : text(text);
    }

    /** Free text about one customer as the caller may see it (see {@link #textAbout}). */
    public static String textAboutFor(String text, String customerName, String customerType) {
        return visible() ? text : textAbout(text, customerName, customerType);
    }

    /** A parsed JSON document as the caller may see it (see {@link #document}). */
    @SuppressWarnings("unchecked")
    public static <T> T documentFor(T json) {
        return visible() ? json : (T) document(json);
    }

    /** The value when the caller may see it, the masked value otherwise. */
    public static String phoneFor(String phone) {
        return visible() ? phone : phone(phone);
    }

    public static String emailFor(String email) {
        return visible() ? email : email(email);
    }

    public static String nameFor(String name, String type) {
        return visible() ? name : name(name, type);
    }

    public static String identifierFor(String kind, String value) {
        return visible() ? value : identifier(kind, value);
    }
}
