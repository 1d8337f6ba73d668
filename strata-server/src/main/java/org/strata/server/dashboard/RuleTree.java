package org.strata.server.dashboard;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A rule as the console's visual builder shows it: AND/OR groups of conditions "feature operator value". Whatever
 * the builder cannot show as a condition (arithmetic, functions, in, between ...) is kept as a raw piece of rule
 * text, so a round trip text → tree → text never loses anything.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RuleTree.Group.class, name = "group"),
        @JsonSubTypes.Type(value = RuleTree.Condition.class, name = "condition"),
        @JsonSubTypes.Type(value = RuleTree.Raw.class, name = "raw")})
public sealed interface RuleTree {

    /** @param op "and" or "or" */
    record Group(String op, List<RuleTree> items) implements RuleTree {
    }

    /** @param operator = != &lt; &lt;= &gt; &gt;=; @param value a constant in rule syntax: 5000, '华东', true */
    record Condition(String feature, String operator, String value) implements RuleTree {
    }

    record Raw(String text) implements RuleTree {
    }
}
