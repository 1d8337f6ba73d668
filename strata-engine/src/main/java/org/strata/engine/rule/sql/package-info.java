/**
 * Compiles a checked rule to a parameterised SQL condition for H2 and PostgreSQL. Only declared feature names reach
 * the SQL text (quoted); every value is a {@code ?} parameter. The result matches exactly the rows the in-memory back
 * end matches, which the differential test checks on both databases.
 */
package org.strata.engine.rule.sql;
