package org.strata.server.tiering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.strata.server.scope.CustomerScope;
import org.springframework.transaction.annotation.Transactional;
import org.strata.engine.scheme.TagDefinition;
import org.strata.engine.scheme.TagGroup;
import org.strata.engine.scheme.TieringScheme;

/**
 * Manual tags (tags a scheme declares without a rule): people (and playbooks) give and take them, runs never touch
 * them. Giving a tag of an exclusive group takes the customer's other manual tags of that group away. Both are ledger
 * events.
 */
@Service
public class ManualTagService {

    private final SchemeStore schemes;
    private final MembershipStore memberships;
    private final JdbcClient jdbc;
    private final TieringTime time;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    ManualTagService(SchemeStore schemes, MembershipStore memberships, JdbcClient jdbc, TieringTime time,
                     CustomerScope scope, ApplicationEventPublisher events) {
        this.schemes = schemes;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.time = time;
        this.scope = scope;
        this.events = events;
    }

    /** A customer outside the caller's data scope answers as one that does not exist. */
    private void requireVisible(long customerId) {
        if (!scope.includes(customerId)) {
            throw new TieringNotFoundException("no customer " + customerId);
        }
    }

    /** Gives {@code tag} to the customer; does nothing when the customer already carries it. */
    @Transactional
    public void give(String schemeKey, long customerId, String tag, String by) {
        requireVisible(customerId);
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        TieringScheme scheme = manualTag(stored, tag);
        if (holds(stored.id(), customerId, tag)) {
            return;
        }
        List<Object[]> ledger = new ArrayList<>();
        Instant at = time.now();
        Timestamp now = Timestamp.from(at);
        for (String other : scheme.groupOf(tag).map(TagGroup::tags).orElse(List.of())) {
            if (!other.equals(tag) && holds(stored.id(), customerId, other)) {
                remove(stored.id(), customerId, other);
                ledger.add(memberships.ledgerRow(stored.id(), customerId, "tag_removed", null, other, now,
                        stored.publishedVersion(), null, by, Map.of("reason", "replaced by " + tag
                                + " (same exclusive group)")));
            }
        }
        jdbc.sql("INSERT INTO tiering_tag_memberships (scheme_id, customer_id, tag_key, since, given_by) "
                + "VALUES (?, ?, ?, ?, ?)").params(stored.id(), customerId, tag, now, by).update();
        ledger.add(memberships.ledgerRow(stored.id(), customerId, "tag_added", null, tag, now,
                stored.publishedVersion(), null, by, Map.of("manual", true)));
        memberships.appendLedger(ledger);
        events.publishEvent(TieringChangesWritten.byHand(stored.id(), stored.key(), customerId, at));
    }

    /** Takes {@code tag} from the customer; fails with "not found" when the customer does not carry it. */
    @Transactional
    public void take(String schemeKey, long customerId, String tag, String by) {
        requireVisible(customerId);
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        manualTag(stored, tag);
        if (!holds(stored.id(), customerId, tag)) {
            throw new TieringNotFoundException("customer " + customerId + " does not carry the tag '" + tag + "'");
        }
        remove(stored.id(), customerId, tag);
        Instant at = time.now();
        memberships.appendLedger(List.<Object[]>of(memberships.ledgerRow(stored.id(), customerId, "tag_removed",
                null, tag, Timestamp.from(at), stored.publishedVersion(), null, by, Map.of("manual", true))));
        events.publishEvent(TieringChangesWritten.byHand(stored.id(), stored.key(), customerId, at));
    }

    private TieringScheme manualTag(SchemeStore.StoredScheme stored, String tag) {
        TieringScheme scheme = schemes.published(stored).scheme();
        TagDefinition definition = scheme.tags().stream().filter(t -> t.key().equals(tag)).findFirst()
                .orElseThrow(() -> new TieringBadRequestException("scheme '" + stored.key() + "' has no tag '" + tag
                        + "'; its manual tags are " + manualTags(scheme)));
        if (!definition.isManual()) {
            throw new TieringBadRequestException("tag '" + tag + "' is given by its rule at every run, not by hand; "
                    + "manual tags of this scheme are " + manualTags(scheme));
        }
        return scheme;
    }

    private static List<String> manualTags(TieringScheme scheme) {
        return scheme.tags().stream().filter(TagDefinition::isManual).map(TagDefinition::key).toList();
    }

    private boolean holds(long schemeId, long customerId, String tag) {
        return jdbc.sql("SELECT COUNT(*) FROM tiering_tag_memberships WHERE scheme_id = ? AND customer_id = ? "
                + "AND tag_key = ?").params(schemeId, customerId, tag).query(Integer.class).single() > 0;
    }

    private void remove(long schemeId, long customerId, String tag) {
        jdbc.sql("DELETE FROM tiering_tag_memberships WHERE scheme_id = ? AND customer_id = ? AND tag_key = ?")
                .params(schemeId, customerId, tag).update();
    }
}
