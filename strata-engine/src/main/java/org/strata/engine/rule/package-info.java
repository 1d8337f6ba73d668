/**
 * The rule language used by tiers and tags, e.g. {@code recency_days <= 30 and frequency >= 5}: lexer, parser,
 * type checker and printer. A checked {@link org.strata.engine.rule.Rule} is evaluated column-wise in memory
 * ({@link org.strata.engine.rule.eval}) or compiled to parameterised SQL ({@link org.strata.engine.rule.sql}); the
 * two must agree exactly, which a differential test checks. See docs/rule-language.md.
 */
package org.strata.engine.rule;
