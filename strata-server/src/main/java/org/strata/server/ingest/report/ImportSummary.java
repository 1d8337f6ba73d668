package org.strata.server.ingest.report;

import java.util.Map;

/**
 * What reading a file or batch found.
 *
 * @param rowsRead       data rows read (blank rows not counted)
 * @param accepted       rows that became records
 * @param rejected       rows with at least one error
 * @param errorsByField  number of errors per target field (or JSON pointer); whole-row errors count under "(row)"
 */
public record ImportSummary(long rowsRead, long accepted, long rejected, Map<String, Long> errorsByField) {

    public static final String ROW = "(row)";

    public ImportSummary {
        errorsByField = Map.copyOf(errorsByField);
    }
}
