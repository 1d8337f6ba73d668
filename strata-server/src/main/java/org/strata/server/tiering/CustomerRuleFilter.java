package org.strata.server.tiering;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.strata.engine.scheme.ConditionCompiler;

/**
 * Rules in the rule language over customers' features, for other modules (a playbook's filter): checked the way live
 * updates check them, with every feature the scheme editor offers. A rule over customers' own features is evaluated
 * over only the customers asked about. Model columns (RFM scores and segment, ABC class, pyramid level, lifecycle
 * stage, value matrix) rank customers against each other and need everyone's data: a rule that reads one is
 * evaluated over the features of all customers the scheme editor previews with (cached, dropped when data changes),
 * so a filter and a preview of the same rule agree.
 */
@Component
public class CustomerRuleFilter {

    private final FeatureSnapshots features;
    private final TieringTime time;

    CustomerRuleFilter(FeatureSnapshots features, TieringTime time) {
        this.features = features;
        this.time = time;
    }

    /** Every problem of {@code rule} as "line:column: message", empty when it is valid. */
    public List<String> check(String rule) {
        FeatureSnapshot empty = features.customers(time.today(), List.of());
        ConditionCompiler.Compilation compiled = ConditionCompiler.ruleLanguage(empty.catalog()).compile(rule);
        return compiled.problems().stream().map(p -> p.suggestion() == null ? p.toString()
                : p + " (did you mean " + p.suggestion() + "?)").toList();
    }

    /** The customers among {@code customerIds} for whom {@code rule} holds today. */
    public Set<Long> matching(String rule, Collection<Long> customerIds) {
        LocalDate today = time.today();
        FeatureSnapshot own = features.customers(today, customerIds);
        ConditionCompiler.Compilation compiled = ConditionCompiler.ruleLanguage(own.catalog()).compile(rule);
        if (!compiled.isValid()) {
            throw new TieringBadRequestException("rule '" + rule + "': " + compiled.problems());
        }
        boolean ranks = compiled.condition().features().stream().anyMatch(features.modelColumns()::contains);
        FeatureSnapshot snapshot = ranks ? features.all(today) : own;
        BitSet rows = compiled.condition().matches(snapshot.table(), snapshot.asOf());
        Set<Long> matching = new HashSet<>();
        if (ranks) {
            for (long customerId : customerIds) {
                int row = snapshot.rowOf(customerId);
                if (row >= 0 && rows.get(row)) {
                    matching.add(customerId);
                }
            }
        } else {
            rows.stream().forEach(row -> matching.add(snapshot.customerIds()[row]));
        }
        return matching;
    }
}
