/**
 * Evaluates checked rules over a {@link org.strata.engine.table.FeatureTable}: {@link
 * org.strata.engine.rule.eval.CompiledRule} column by column into bit vectors (the fast path for counts, previews and
 * runs) and {@link org.strata.engine.rule.eval.RowEvaluator} one customer at a time (the reference semantics, used
 * for a single customer's live update and as the baseline the vectorised back end is tested and benchmarked against).
 */
package org.strata.engine.rule.eval;
