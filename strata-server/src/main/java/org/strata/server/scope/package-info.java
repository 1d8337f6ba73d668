/**
 * Data scope: which customers the person behind the current request may see. Every query that reads or
 * aggregates customers (lists, search, the 360° page, dashboards, previews, run results, tasks, exports) adds
 * {@link org.strata.server.scope.CustomerScope#condition(String)} to its WHERE clause, so a customer outside the
 * scope does not exist for that person: absent from rows and from counts alike.
 */
package org.strata.server.scope;
