package org.strata.server.ingest.read;

import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.mapping.HeaderNames;
import org.strata.server.ingest.mapping.MappingSpec;
import org.strata.server.ingest.mapping.RecordSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the header row. Exports from Chinese systems often put a title above the table ("2026年3月订单明细", an
 * export time, an empty line), so the header is the first of the first {@value #LOOKAHEAD} rows in which some cell
 * names a field (a guessed header or a header of the explicit mapping). When no row does, the first row is the
 * header, and the mapping check then reports the headers it found.
 *
 * @param line         where the header is (file line or Excel row)
 * @param names        column names: trimmed, blanks named "column N", blank columns right of the last name dropped
 * @param rowsAfter    the rows read ahead after the header, to be returned before the source's next rows
 * @param brokenAfter  when the file broke off within the rows read ahead: the problem, to be thrown after them
 */
record HeaderRow(long line, List<String> names, Deque<TableSource.TableRow> rowsAfter, ImportFileException brokenAfter) {

    static final int LOOKAHEAD = 10;

    /** @return the header, or null when the table has no non-blank row */
    static HeaderRow find(TableSource table, RecordSchema schema, MappingSpec mapping) {
        List<TableSource.TableRow> first = new ArrayList<>(LOOKAHEAD);
        ImportFileException broken = null;
        try {
            for (TableSource.TableRow row; first.size() < LOOKAHEAD && (row = table.next()) != null; ) {
                first.add(row);
            }
        } catch (ImportFileException e) {
            if (first.isEmpty()) {
                throw e;
            }
            broken = e;  // the rows before it are still good: return them first, as without reading ahead
        }
        if (first.isEmpty()) {
            return null;
        }
        Set<String> mappedHeaders = mapping.columnsByField().values().stream().map(HeaderNames::key)
                .collect(Collectors.toSet());
        int header = 0;
        for (int i = 0; i < first.size(); i++) {
            if (namesAField(first.get(i), schema, mappedHeaders)) {
                header = i;
                break;
            }
        }
        TableSource.TableRow row = first.get(header);
        return new HeaderRow(row.line(), names(row.cells()),
                new ArrayDeque<>(first.subList(header + 1, first.size())), broken);
    }

    private static boolean namesAField(TableSource.TableRow row, RecordSchema schema, Set<String> mappedHeaders) {
        for (String cell : row.cells()) {
            if (cell != null && !cell.isBlank()
                    && (schema.guess(cell).isPresent() || mappedHeaders.contains(HeaderNames.key(cell)))) {
                return true;
            }
        }
        return false;
    }

    static List<String> names(String[] cells) {
        int width = cells.length;
        while (width > 0 && (cells[width - 1] == null || cells[width - 1].isBlank())) {
            width--;
        }
        List<String> names = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String name = cells[c] == null ? "" : cells[c].strip();
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            names.add(name.isEmpty() ? "column " + (c + 1) : name);
        }
        return names;
    }
}
