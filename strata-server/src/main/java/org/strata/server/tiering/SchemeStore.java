package org.strata.server.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TieringScheme;

/** Schemes: the editable draft, settings (schedule, live updates) and the immutable published versions. */
@Repository
class SchemeStore {

    private static final String COLUMNS = "id, scheme_key, name_zh, name_en, draft_yaml, draft_updated_by, "
            + "draft_updated_at, published_version, live_updates, schedule_frequency, schedule_day, schedule_time, "
            + "time_zone";

    private final JdbcClient jdbc;
    private final TieringTime time;

    SchemeStore(JdbcClient jdbc, TieringTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** A stored scheme; {@code publishedVersion} is null until the first publication. */
    record StoredScheme(long id, String key, String nameZh, String nameEn, String draftYaml, String draftUpdatedBy,
                        Instant draftUpdatedAt, Integer publishedVersion, boolean liveUpdates, ScheduleSpec schedule,
                        ZoneId timeZone) {

        TieringScheme draft() {
            return SchemeYaml.read(draftYaml);
        }
    }

    record SchemeVersion(long schemeId, int version, String yaml, String publishedBy, Instant publishedAt,
                         String note) {

        TieringScheme scheme() {
            return SchemeYaml.read(yaml);
        }
    }

    List<StoredScheme> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_schemes ORDER BY scheme_key").query(this::scheme).list();
    }

    Optional<StoredScheme> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_schemes WHERE scheme_key = ?").param(key)
                .query(this::scheme).optional();
    }

    StoredScheme get(String key) {
        return find(key).orElseThrow(() -> new TieringNotFoundException("no scheme with key '" + key + "'"));
    }

    boolean exists(String key) {
        return find(key).isPresent();
    }

    long create(TieringScheme scheme, String by) {
        if (exists(scheme.key())) {
            throw new TieringConflictException("a scheme with key '" + scheme.key() + "' already exists");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tiering_schemes (scheme_key, name_zh, name_en, draft_yaml, draft_updated_by, "
                        + "draft_updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(scheme.key(), scheme.nameZh(), scheme.nameEn(), SchemeYaml.write(scheme), by,
                        Timestamp.from(time.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateDraft(StoredScheme stored, TieringScheme scheme, String by) {
        if (!scheme.key().equals(stored.key())) {
            throw new TieringBadRequestException("the key of a scheme cannot change (was '" + stored.key()
                    + "', the new draft says '" + scheme.key() + "'); create a new scheme instead");
        }
        jdbc.sql("UPDATE tiering_schemes SET name_zh = ?, name_en = ?, draft_yaml = ?, draft_updated_by = ?, "
                        + "draft_updated_at = ? WHERE id = ?")
                .params(scheme.nameZh(), scheme.nameEn(), SchemeYaml.write(scheme), by, Timestamp.from(time.now()),
                        stored.id())
                .update();
    }

    /** Freezes the current draft as the next version. */
    @Transactional
    SchemeVersion publish(StoredScheme stored, String by, String note) {
        int version = stored.publishedVersion() == null ? 1 : stored.publishedVersion() + 1;
        Instant now = time.now();
        jdbc.sql("INSERT INTO tiering_scheme_versions (scheme_id, version, yaml, published_by, published_at, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(stored.id(), version, stored.draftYaml(), by, Timestamp.from(now), note)
                .update();
        jdbc.sql("UPDATE tiering_schemes SET published_version = ? WHERE id = ?").params(version, stored.id())
                .update();
        return new SchemeVersion(stored.id(), version, stored.draftYaml(), by, now, note);
    }

    List<SchemeVersion> versions(long schemeId) {
        return jdbc.sql("SELECT scheme_id, version, yaml, published_by, published_at, note "
                        + "FROM tiering_scheme_versions WHERE scheme_id = ? ORDER BY version DESC")
                .param(schemeId).query(SchemeStore::version).list();
    }

    Optional<SchemeVersion> version(long schemeId, int version) {
        return jdbc.sql("SELECT scheme_id, version, yaml, published_by, published_at, note "
                        + "FROM tiering_scheme_versions WHERE scheme_id = ? AND version = ?")
                .params(schemeId, version).query(SchemeStore::version).optional();
    }

    /** The version runs use. */
    SchemeVersion published(StoredScheme stored) {
        if (stored.publishedVersion() == null) {
            throw new TieringConflictException("scheme '" + stored.key() + "' has not been published yet; publish "
                    + "it before running it");
        }
        return version(stored.id(), stored.publishedVersion()).orElseThrow();
    }

    void setSchedule(long schemeId, ScheduleSpec schedule) {
        jdbc.sql("UPDATE tiering_schemes SET schedule_frequency = ?, schedule_day = ?, schedule_time = ?, "
                        + "time_zone = ? WHERE id = ?")
                .params(schedule == null ? null : schedule.frequency().code(),
                        schedule == null ? null : schedule.day(),
                        schedule == null ? null : schedule.time().toString(),
                        schedule == null ? ScheduleSpec.DEFAULT_ZONE.getId() : schedule.zone().getId(), schemeId)
                .update();
    }

    void setLiveUpdates(long schemeId, boolean enabled) {
        jdbc.sql("UPDATE tiering_schemes SET live_updates = ? WHERE id = ?").params(enabled, schemeId).update();
    }

    private StoredScheme scheme(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        String frequency = rs.getString("schedule_frequency");
        ScheduleSpec schedule = frequency == null ? null : new ScheduleSpec(ScheduleSpec.Frequency.of(frequency),
                (Integer) rs.getObject("schedule_day", Integer.class), LocalTime.parse(rs.getString("schedule_time")),
                zone);
        return new StoredScheme(rs.getLong("id"), rs.getString("scheme_key"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("draft_yaml"), rs.getString("draft_updated_by"),
                rs.getTimestamp("draft_updated_at").toInstant(),
                rs.getObject("published_version", Integer.class), rs.getBoolean("live_updates"), schedule, zone);
    }

    private static SchemeVersion version(ResultSet rs, int row) throws SQLException {
        return new SchemeVersion(rs.getLong("scheme_id"), rs.getInt("version"), rs.getString("yaml"),
                rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(), rs.getString("note"));
    }
}
