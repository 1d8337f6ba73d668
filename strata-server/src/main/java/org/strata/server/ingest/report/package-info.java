/** The rejected-rows CSV report and the counts of an import. */
package org.strata.server.ingest.report;
