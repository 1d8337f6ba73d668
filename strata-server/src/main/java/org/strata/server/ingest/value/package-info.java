/**
 * Parsing of single values as found in Chinese business exports: dates and times, money amounts, phone numbers,
 * email addresses and ids. Each parser returns null for a value it cannot read (never throws for bad input), so
 * that a column full of bad values costs no exceptions; the caller turns null into a row error. Common notations
 * take an allocation-free fast path before the general one.
 */
package org.strata.server.ingest.value;
