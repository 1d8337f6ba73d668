package org.strata.server.ingest.value;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers to E.164 ({@code +8613800138000}) with mainland China as the default region:
 * {@code 138 0013 8000}, {@code +86-138-0013-8000}, {@code 008613800138000}, {@code (021) 6123-4567}.
 * <p>
 * A mainland mobile is accepted by its shape (11 digits, {@code 1[3-9]...}) rather than by libphonenumber's list of
 * allocated prefixes: operators open new prefixes faster than a bundled metadata file is updated, and refusing a
 * real customer's number is worse than keeping a number from an unallocated range. Every other number must be
 * valid for libphonenumber.
 */
public final class PhoneValues {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int CHINA = 86;

    private PhoneValues() {
    }

    /** @return the number in E.164, or null when {@code raw} (trimmed, not empty) is not a phone number */
    public static String normalize(String raw) {
        if (isMainlandMobile(raw, 0)) {
            return "+86" + raw;
        }
        if (raw.length() == 14 && raw.startsWith("+86") && isMainlandMobile(raw, 3)) {
            return raw;
        }
        String s = Text.asciiFolded(raw).strip();
        if (s.length() > 40 || digitCount(s) < 5) {
            return null;
        }
        String mobile = mainlandMobileIn(s);
        if (mobile != null) {
            return "+86" + mobile;
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(s, "CN");
        } catch (NumberParseException notANumber) {
            return null;
        }
        String national = UTIL.getNationalSignificantNumber(number);
        boolean mobileShape = number.getCountryCode() == CHINA && isMainlandMobile(national, 0);
        if (!mobileShape && !UTIL.isValidNumber(number)) {
            return null;
        }
        return "+" + number.getCountryCode() + national;
    }

    /**
     * A mainland mobile written with separators and an optional country code ({@code 138 0013 8000},
     * {@code +86-138-0013-8000}, {@code 0086 13800138000}), as its 11 digits; null for anything else. Read before
     * libphonenumber because it takes a leading 179xx as a carrier-selection prefix and so misreads mobiles of the
     * 179 range once they are written with spaces.
     */
    private static String mainlandMobileIn(String s) {
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' && digits.length() == 0)) {
                return null;
            }
        }
        String d = digits.toString();
        boolean international = s.startsWith("+");
        if (!international && isMainlandMobile(d, 0)) {
            return d;
        }
        String countryCode = international ? "86" : d.startsWith("0086") ? "0086" : null;
        if (countryCode != null && d.startsWith(countryCode) && isMainlandMobile(d, countryCode.length())) {
            return d.substring(countryCode.length());
        }
        return null;
    }

    private static boolean isMainlandMobile(String s, int from) {
        if (s.length() - from != 11 || s.charAt(from) != '1' || s.charAt(from + 1) < '3') {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digitCount(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
