package org.strata.server.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: {@code stk_} followed by 256 random bits. The token is returned once at creation; only its
 * SHA-256 is stored, so a copy of the database does not hand out working tokens.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "stk_";
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public record Created(long id, String name, String token, Instant expiresAt) {
    }

    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, Instant lastUsedAt) {
    }

    public Created create(long userId, String name, Duration lifetime) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: give the token a name of 1 to 100 characters");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("days: a token lives from 1 to " + MAX_LIFETIME.toDays() + " days");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = clock.instant().plus(lifetime);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at)
                        VALUES (:user, :name, :hash, :prefix, :now, :expires)""")
                .param("user", userId).param("name", name.trim()).param("hash", hash(token))
                .param("prefix", token.substring(0, 8)).param("now", Timestamp.from(clock.instant()))
                .param("expires", Timestamp.from(expires))
                .update(keys, "id");
        return new Created(keys.getKeyAs(Number.class).longValue(), name.trim(), token, expires);
    }

    /** The user a token belongs to, when the token exists, is neither revoked nor expired. */
    Optional<Long> userOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Long> user = jdbc.sql("""
                        SELECT user_id FROM api_tokens
                        WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now""")
                .param("hash", hash(token)).param("now", now).query(Long.class).optional();
        user.ifPresent(u -> jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .param("now", now).param("hash", hash(token)).update());
        return user;
    }

    public List<TokenInfo> of(long userId) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE user_id = :user ORDER BY id").param("user", userId)
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    /** Revokes one of the user's tokens; false when the user has no such token (someone else's id answers the same). */
    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("""
                        UPDATE api_tokens SET revoked_at = :now
                        WHERE id = :id AND user_id = :user AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("user", userId)
                .update() > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
