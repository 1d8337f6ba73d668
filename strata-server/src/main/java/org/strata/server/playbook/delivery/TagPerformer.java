package org.strata.server.playbook.delivery;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;
import org.strata.server.tiering.ManualTagService;

/** Gives or takes a manual tag of a scheme; both are idempotent, so a repeated delivery changes nothing. */
@Component
class TagPerformer implements ActionPerformer {

    private final ManualTagService tags;
    private final JdbcClient jdbc;

    TagPerformer(ManualTagService tags, JdbcClient jdbc) {
        this.tags = tags;
        this.jdbc = jdbc;
    }

    @Override
    public Set<ActionKind> kinds() {
        return Set.of(ActionKind.ADD_TAG, ActionKind.REMOVE_TAG);
    }

    @Override
    public Outcome perform(Delivery delivery) {
        ActionSettings s = delivery.settings();
        String scheme = s.text("scheme");
        String tag = s.text("tag");
        String by = "playbook:" + delivery.playbookId();
        long customer = delivery.customer().id();
        try {
            if (delivery.kind() == ActionKind.ADD_TAG) {
                tags.give(scheme, customer, tag, by);
            } else if (carries(scheme, customer, tag)) {
                tags.take(scheme, customer, tag, by);
            } else {
                return new Outcome.Skipped("the customer does not carry the tag '" + tag + "'");
            }
            return new Outcome.Delivered(null);
        } catch (RuntimeException e) {
            // a scheme or tag that no longer exists will not appear by retrying
            return new Outcome.Failed(null, e.getMessage());
        }
    }

    private boolean carries(String scheme, long customerId, String tag) {
        return jdbc.sql("SELECT COUNT(*) FROM tiering_tag_memberships m JOIN tiering_schemes s ON s.id = m.scheme_id "
                        + "WHERE s.scheme_key = ? AND m.customer_id = ? AND m.tag_key = ?")
                .params(scheme, customerId, tag).query(Integer.class).single() > 0;
    }
}
