/**
 * Reading import files: CSV (any of UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030; delimiter , ; or tab)
 * and Excel .xlsx, streamed row by row into validated records.
 * <p>
 * Entry point: {@link org.strata.server.ingest.read.ImportReaders}. A file is opened with
 * {@link org.strata.server.ingest.read.ImportOptions} (source, encoding, explicit mapping, time zone, sheet,
 * delimiter, default currency) and read as {@link org.strata.server.ingest.read.ParsedRows}: each
 * {@link org.strata.server.ingest.ParsedRow} is either a record or the list of everything wrong with the row.
 * Problems of the whole file throw {@link org.strata.server.ingest.ImportFileException} with a message that says
 * what would be right.
 * <p>
 * Sub-packages: {@code mapping} (header guesses and explicit mappings), {@code value} (dates, amounts, phones,
 * emails, ids), {@code record} (one parser per record kind, shared with REST through {@code JsonRecords}),
 * {@code report} (error report CSV and summary). Nothing here depends on Spring.
 */
package org.strata.server.ingest.read;
