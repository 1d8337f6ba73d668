package org.strata.server.playbook.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures: Strata's webhooks, and the group robots' documented signing schemes. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * Strata webhook signature: hex HMAC-SHA256 with the action's secret over {@code timestamp + "." + body}, sent as
     * {@code X-Strata-Signature: sha256=<hex>}. Binding the timestamp lets a receiver refuse replays of old calls.
     */
    public static String webhook(String secret, long timestampSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * DingTalk robot signing: Base64 of HMAC-SHA256 with the secret as key over {@code timestamp + "\n" + secret}
     * (timestamp in milliseconds), URL-encoded, passed as the {@code timestamp} and {@code sign} query parameters.
     */
    public static String dingTalk(String secret, long timestampMillis) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /**
     * Feishu robot signing: Base64 of HMAC-SHA256 whose key is {@code timestamp + "\n" + secret} (timestamp in
     * seconds) over an empty message, sent in the JSON body as {@code timestamp} and {@code sign}.
     */
    public static String feishu(String secret, long timestampSeconds) {
        return Base64.getEncoder().encodeToString(hmac((timestampSeconds + "\n" + secret)
                .getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
