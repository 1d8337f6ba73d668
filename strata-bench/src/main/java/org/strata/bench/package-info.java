/** Benchmarks: JMH micro-benchmarks and whole-process comparisons against baselines run in the same session. */
package org.strata.bench;
