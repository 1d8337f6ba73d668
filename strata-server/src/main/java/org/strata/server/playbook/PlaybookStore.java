package org.strata.server.playbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Playbooks and their actions in the database. */
@Repository
class PlaybookStore {

    private static final String SELECT = "SELECT p.id, p.name_zh, p.name_en, p.description, p.enabled, "
            + "s.scheme_key, p.trigger_kind, p.trigger_tier, p.trigger_tag, p.trigger_days, p.trigger_signal, "
            + "p.trigger_policy, p.filter_rule, p.holdout_percent, p.created_by, p.created_at, p.updated_at "
            + "FROM playbooks p LEFT JOIN tiering_schemes s ON s.id = p.scheme_id";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PlaybookStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A checked playbook ready to store. */
    record Draft(String nameZh, String nameEn, String description, boolean enabled, Long schemeId,
                 TriggerKind trigger, String tier, String tag, Integer days, String signal, Long policy, String filter,
                 int holdoutPercent, List<DraftAction> actions) {
    }

    record DraftAction(ActionKind kind, Map<String, Object> settings) {
    }

    long insert(Draft draft, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO playbooks (name_zh, name_en, description, enabled, scheme_id, trigger_kind, trigger_tier, "
                        + "trigger_tag, trigger_days, trigger_signal, trigger_policy, filter_rule, holdout_percent, "
                        + "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(draft.nameZh(), draft.nameEn(), draft.description(), draft.enabled(), draft.schemeId(),
                        draft.trigger().code(), draft.tier(), draft.tag(), draft.days(), draft.signal(),
                        draft.policy(), draft.filter(), draft.holdoutPercent(), by, Timestamp.from(at),
                        Timestamp.from(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertActions(id, draft.actions());
        return id;
    }

    /** Replaces the playbook's settings; its old actions are retired (their deliveries keep pointing at them). */
    void update(long id, Draft draft, Instant at) {
        jdbc.sql("UPDATE playbooks SET name_zh = ?, name_en = ?, description = ?, enabled = ?, scheme_id = ?, "
                        + "trigger_kind = ?, trigger_tier = ?, trigger_tag = ?, trigger_days = ?, trigger_signal = ?, "
                        + "trigger_policy = ?, filter_rule = ?, holdout_percent = ?, updated_at = ? WHERE id = ?")
                .params(draft.nameZh(), draft.nameEn(), draft.description(), draft.enabled(), draft.schemeId(),
                        draft.trigger().code(), draft.tier(), draft.tag(), draft.days(), draft.signal(),
                        draft.policy(), draft.filter(), draft.holdoutPercent(), Timestamp.from(at), id)
                .update();
        jdbc.sql("UPDATE playbook_actions SET retired = TRUE WHERE playbook_id = ?").param(id).update();
        insertActions(id, draft.actions());
    }

    void enable(long id, boolean enabled, Instant at) {
        jdbc.sql("UPDATE playbooks SET enabled = ?, updated_at = ? WHERE id = ?")
                .params(enabled, Timestamp.from(at), id).update();
    }

    /** Switches the playbook off and hides it; the row stays for the deliveries and reports that point at it. */
    void delete(long id, Instant at) {
        jdbc.sql("UPDATE playbooks SET enabled = FALSE, deleted_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), id).update();
    }

    private void insertActions(long playbookId, List<DraftAction> actions) {
        for (int i = 0; i < actions.size(); i++) {
            DraftAction action = actions.get(i);
            jdbc.sql("INSERT INTO playbook_actions (playbook_id, position, kind, config) VALUES (?, ?, ?, ?)")
                    .params(playbookId, i, action.kind().code(), json.writeValueAsString(action.settings()))
                    .update();
        }
    }

    Optional<Playbook> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ? AND p.deleted_at IS NULL").param(id).query(this::playbook).optional();
    }

    List<Playbook> list() {
        return jdbc.sql(SELECT + " WHERE p.deleted_at IS NULL ORDER BY p.id").query(this::playbook).list();
    }

    Optional<Long> schemeId(String schemeKey) {
        return jdbc.sql("SELECT id FROM tiering_schemes WHERE scheme_key = ?").param(schemeKey).query(Long.class)
                .optional();
    }

    private Playbook playbook(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        TriggerKind kind = TriggerKind.of(rs.getString("trigger_kind"), null);
        Playbook.Trigger trigger = new Playbook.Trigger(kind.code(), kind.labelZh(), kind.labelEn(),
                rs.getString("scheme_key"), rs.getString("trigger_tier"), rs.getString("trigger_tag"),
                (Integer) rs.getObject("trigger_days", Integer.class), rs.getString("trigger_signal"),
                (Long) rs.getObject("trigger_policy", Long.class));
        return new Playbook(id, rs.getString("name_zh"), rs.getString("name_en"), rs.getString("description"),
                rs.getBoolean("enabled"), trigger, rs.getString("filter_rule"), rs.getInt("holdout_percent"),
                actions(id), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private List<Playbook.Action> actions(long playbookId) {
        return jdbc.sql("SELECT id, position, kind, config FROM playbook_actions WHERE playbook_id = ? "
                        + "AND retired = FALSE ORDER BY position")
                .param(playbookId)
                .query((rs, row) -> {
                    ActionKind kind = ActionKind.of(rs.getString("kind"), null);
                    return new Playbook.Action(rs.getLong("id"), rs.getInt("position"), kind.code(), kind.labelZh(),
                            kind.labelEn(), settings(rs.getString("config")));
                }).list();
    }

    Map<String, Object> settings(String config) {
        return json.readValue(config, new TypeReference<Map<String, Object>>() { });
    }
}
