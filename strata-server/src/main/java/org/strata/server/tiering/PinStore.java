package org.strata.server.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.strata.server.access.PersonalData;

/** Manual pins: which customers stay in which tier, why, by whom, until when. */
@Repository
class PinStore {

    private static final String COLUMNS = "id, scheme_id, customer_id, tier_key, reason, pinned_by, pinned_at, "
            + "expires_at, ended_at, ended_by";

    private final JdbcClient jdbc;
    private final BulkReader reader;

    PinStore(JdbcClient jdbc, BulkReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** A pin as the API shows it; {@code endedAt} is set once it expired or was removed. */
    public record Pin(long id, long customerId, String tier, String reason, String pinnedBy, Instant pinnedAt,
                      Instant expiresAt, Instant endedAt, String endedBy) {

        /** The pin as the caller may see it: its reason is typed by people and may quote a phone or e-mail. */
        Pin forCaller() {
            return new Pin(id, customerId, tier, PersonalData.textFor(reason), pinnedBy, pinnedAt, expiresAt, endedAt,
                    endedBy);
        }
    }

    /** Pins not ended yet (some may have expired: the next run ends those) of these customers (null = all). */
    Map<Long, ActivePin> active(long schemeId, Collection<Long> customerIds) {
        Map<Long, ActivePin> pins = new HashMap<>();
        reader.streamFor(customerIds,
                "SELECT id, customer_id, tier_key, reason, pinned_by, expires_at FROM tiering_pins "
                        + "WHERE scheme_id = ? AND ended_at IS NULL",
                "SELECT id, customer_id, tier_key, reason, pinned_by, expires_at FROM tiering_pins "
                        + "WHERE scheme_id = ? AND ended_at IS NULL AND customer_id IN (:ids)",
                rs -> {
                    Timestamp expires = rs.getTimestamp(6);
                    pins.put(rs.getLong(2), new ActivePin(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), expires == null ? null : expires.toInstant()));
                }, schemeId);
        return pins;
    }

    long insert(long schemeId, long customerId, String tier, String reason, String by, Instant at,
                Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tiering_pins (scheme_id, customer_id, tier_key, reason, pinned_by, pinned_at, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(schemeId, customerId, tier, reason, by, Timestamp.from(at),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void end(long pinId, Instant at, String by) {
        jdbc.sql("UPDATE tiering_pins SET ended_at = ?, ended_by = ? WHERE id = ?")
                .params(Timestamp.from(at), by, pinId).update();
    }

    Optional<Pin> find(long schemeId, long pinId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_pins WHERE scheme_id = ? AND id = ?")
                .params(schemeId, pinId).query(PinStore::pin).optional();
    }

    List<Pin> list(long schemeId, boolean includeEnded) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_pins WHERE scheme_id = ?"
                        + (includeEnded ? "" : " AND ended_at IS NULL") + " ORDER BY id")
                .param(schemeId).query(PinStore::pin).list();
    }

    private static Pin pin(ResultSet rs, int row) throws SQLException {
        return new Pin(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("tier_key"), rs.getString("reason"),
                rs.getString("pinned_by"), instant(rs, "pinned_at"), instant(rs, "expires_at"),
                instant(rs, "ended_at"), rs.getString("ended_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
