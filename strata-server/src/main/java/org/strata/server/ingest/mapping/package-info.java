/**
 * Which column fills which record field: the fields of each kind of file with the header names (Chinese and
 * English) guessed to mean them, the explicit {@code --mapping}, and the resolved
 * {@link org.strata.server.ingest.mapping.ColumnMapping} with its checks for required columns.
 */
package org.strata.server.ingest.mapping;
