package org.strata.server.tiering;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.strata.engine.scheme.ConditionCompiler;

/**
 * Rules in the rule language over customers' own features, for other modules (a playbook's filter): checked the way
 * live updates check them, and evaluated over only the customers asked about. Model columns (RFM scores, ABC ...)
 * rank customers against each other and need everyone's data, so they are not available here.
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
        FeatureSnapshot snapshot = features.customers(time.today(), customerIds);
        ConditionCompiler.Compilation compiled = ConditionCompiler.ruleLanguage(snapshot.catalog()).compile(rule);
        if (!compiled.isValid()) {
            throw new TieringBadRequestException("rule '" + rule + "': " + compiled.problems());
        }
        BitSet rows = compiled.condition().matches(snapshot.table(), snapshot.asOf());
        Set<Long> matching = new HashSet<>();
        rows.stream().forEach(row -> matching.add(snapshot.customerIds()[row]));
        return matching;
    }
}
