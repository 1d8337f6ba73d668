/**
 * Turning one row's raw values into a validated record: one {@link org.strata.server.ingest.record.RowParser}
 * per kind, reading through {@link org.strata.server.ingest.record.RowInput} so that file rows and REST JSON items
 * ({@link org.strata.server.ingest.record.JsonRecords}) are validated by the same code.
 */
package org.strata.server.ingest.record;
