package org.strata.server.playbook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.warning.ChurnSignal;

/**
 * What the web console's playbook pages show: the playbooks with when each last fired, and what the editor offers
 * to choose from (teams to assign owners from, churn signals, SLA policies). Secrets are masked as in the API.
 */
@Component
public class PlaybookOverview {

    private final PlaybookService playbooks;
    private final JdbcClient jdbc;

    PlaybookOverview(PlaybookService playbooks, JdbcClient jdbc) {
        this.playbooks = playbooks;
        this.jdbc = jdbc;
    }

    /** @param lastFiredAt when a trigger last fired it for a customer; null if never */
    public record Row(Playbook playbook, Instant lastFiredAt) {
    }

    public record Team(String code, String name) {
    }

    public record SlaPolicy(long id, String nameZh, String nameEn) {
    }

    public List<Row> playbooks() {
        Map<Long, Instant> lastFired = new HashMap<>();
        jdbc.sql("SELECT playbook_id, MAX(occurred_at) FROM playbook_entries GROUP BY playbook_id")
                .query(rs -> {
                    Timestamp at = rs.getTimestamp(2);
                    lastFired.put(rs.getLong(1), at == null ? null : at.toInstant());
                });
        return playbooks.list().stream().map(p -> new Row(p.masked(), lastFired.get(p.id()))).toList();
    }

    public Optional<Playbook> playbook(long id) {
        try {
            return Optional.of(playbooks.get(id).masked());
        } catch (PlaybookNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Teams an "assign owner" action can pick from, by their code (what the action stores). */
    public List<Team> teams() {
        return jdbc.sql("SELECT code, name FROM teams ORDER BY name, code")
                .query((rs, row) -> new Team(rs.getString(1), rs.getString(2))).list();
    }

    public List<String> churnSignals() {
        return Arrays.stream(ChurnSignal.values()).map(ChurnSignal::code).toList();
    }

    public List<SlaPolicy> slaPolicies() {
        return jdbc.sql("SELECT id, name_zh, name_en FROM sla_policies ORDER BY id")
                .query((rs, row) -> new SlaPolicy(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}
