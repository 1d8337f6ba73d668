package org.strata.server.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.strata.server.access.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where one customer stands in every published scheme, for the 360° page: the tier now, tags (manual ones can be
 * taken away), active pins and the ledger of moves with their "why". The caller has checked the customer is in scope.
 */
@Repository
public class CustomerTierings {

    private final JdbcClient jdbc;
    private final PublishedSchemes schemes;

    CustomerTierings(JdbcClient jdbc, PublishedSchemes schemes) {
        this.jdbc = jdbc;
        this.schemes = schemes;
    }

    public record Tag(String key, String nameZh, String nameEn, boolean manual) {
    }

    public record Pin(long id, String tier, String reason, String pinnedBy, Instant pinnedAt, Instant expiresAt) {
    }

    public record SchemeStanding(PublishedSchemes.SchemeInfo scheme, String tier, Instant since, List<Tag> tags,
                                 List<PublishedSchemes.TierInfo> manualTags, List<Pin> pins) {
    }

    /** @param why JSON of the feature values (or the pin) that decided the move */
    public record Move(String scheme, String event, String tier, String tag, Instant at, String actor, String why) {
    }

    public List<SchemeStanding> standings(long customerId) {
        List<SchemeStanding> standings = new ArrayList<>();
        for (PublishedSchemes.SchemeInfo scheme : schemes.all()) {
            record Current(String tier, Instant since) {
            }
            Current current = jdbc.sql("SELECT tier_key, since FROM tiering_memberships WHERE scheme_id = :s"
                            + " AND customer_id = :c")
                    .param("s", scheme.id()).param("c", customerId)
                    .query((rs, n) -> new Current(rs.getString("tier_key"), rs.getTimestamp("since").toInstant()))
                    .optional().orElse(new Current(null, null));
            List<Tag> tags = jdbc.sql("SELECT tag_key, given_by FROM tiering_tag_memberships WHERE scheme_id = :s"
                            + " AND customer_id = :c ORDER BY tag_key")
                    .param("s", scheme.id()).param("c", customerId)
                    .query((rs, n) -> tag(scheme, rs.getString("tag_key"), rs.getString("given_by") != null))
                    .list();
            List<Pin> pins = jdbc.sql("SELECT id, tier_key, reason, pinned_by, pinned_at, expires_at FROM tiering_pins"
                            + " WHERE scheme_id = :s AND customer_id = :c AND ended_at IS NULL ORDER BY id DESC")
                    .param("s", scheme.id()).param("c", customerId)
                    .query((rs, n) -> new Pin(rs.getLong("id"), rs.getString("tier_key"),
                            PersonalData.textFor(rs.getString("reason")),
                            rs.getString("pinned_by"), rs.getTimestamp("pinned_at").toInstant(),
                            instant(rs.getTimestamp("expires_at"))))
                    .list();
            standings.add(new SchemeStanding(scheme, current.tier(), current.since(), tags, scheme.manualTags(), pins));
        }
        return standings;
    }

    /** The newest {@code limit} ledger rows of the customer over every scheme. */
    public List<Move> moves(long customerId, int limit) {
        return jdbc.sql("SELECT s.scheme_key, l.event, l.tier_key, l.tag_key, l.occurred_at, l.actor, l.why"
                        + " FROM tiering_ledger l JOIN tiering_schemes s ON s.id = l.scheme_id"
                        + " WHERE l.customer_id = :c ORDER BY l.id DESC LIMIT :limit")
                .param("c", customerId).param("limit", limit)
                .query((rs, n) -> new Move(rs.getString("scheme_key"), rs.getString("event"), rs.getString("tier_key"),
                        rs.getString("tag_key"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        PersonalData.textFor(rs.getString("why"))))
                .list();
    }

    private static Tag tag(PublishedSchemes.SchemeInfo scheme, String key, boolean manual) {
        return scheme.tags().stream().filter(t -> t.key().equals(key)).findFirst()
                .map(t -> new Tag(key, t.nameZh(), t.nameEn(), manual)).orElse(new Tag(key, key, key, manual));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
