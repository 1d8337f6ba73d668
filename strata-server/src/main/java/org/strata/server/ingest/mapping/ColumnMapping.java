package org.strata.server.ingest.mapping;

import org.strata.engine.i18n.Message;

import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which file column fills which field, resolved from the header row: explicit {@link MappingSpec} entries first,
 * then guesses from header names. When several headers suggest one field, the strongest suggestion wins (see
 * {@link RecordSchema#guessRank}), the first column on a tie; the others stay unmapped. Callers show
 * {@link #describe()} so users see what was guessed.
 */
public final class ColumnMapping {

    private final RecordSchema schema;
    private final List<String> headers;
    private final int[] columnByField;
    private final int[] unmappedColumns;

    private ColumnMapping(RecordSchema schema, List<String> headers, int[] columnByField) {
        this.schema = schema;
        this.headers = List.copyOf(headers);
        this.columnByField = columnByField;
        boolean[] used = new boolean[headers.size()];
        for (int column : columnByField) {
            if (column >= 0) {
                used[column] = true;
            }
        }
        this.unmappedColumns = java.util.stream.IntStream.range(0, headers.size()).filter(c -> !used[c]).toArray();
    }

    /**
     * @throws ImportFileException when the mapping names an unknown field, header or column, or a required column
     *                             (or every customer key column) is missing; the message lists what was found and
     *                             what is accepted
     */
    public static ColumnMapping resolve(RecordSchema schema, List<String> headers, MappingSpec explicit) {
        int[] columnByField = new int[schema.fields().size()];
        Arrays.fill(columnByField, -1);
        boolean[] taken = new boolean[headers.size()];
        for (Map.Entry<String, String> entry : explicit.columnsByField().entrySet()) {
            TargetField field = schema.field(entry.getKey()).orElseThrow(() -> new ImportFileException(
                    ImportMessages.mappingUnknownField(entry.getKey(), kindName(schema), schema.fieldNames())));
            int column = explicitColumn(entry.getValue(), headers, field);
            columnByField[field.ordinal()] = column;
            taken[column] = true;
        }
        boolean[] explicitField = new boolean[columnByField.length];
        for (int f = 0; f < columnByField.length; f++) {
            explicitField[f] = columnByField[f] >= 0;
        }
        for (int column = 0; column < headers.size(); column++) {
            if (taken[column]) {
                continue;
            }
            int c = column;
            schema.guess(headers.get(column)).filter(field -> !explicitField[field.ordinal()]).ifPresent(field -> {
                int current = columnByField[field.ordinal()];
                if (current < 0 || schema.guessRank(headers.get(c)) < schema.guessRank(headers.get(current))) {
                    columnByField[field.ordinal()] = c;
                }
            });
        }
        ColumnMapping mapping = new ColumnMapping(schema, headers, columnByField);
        mapping.checkRequired();
        return mapping;
    }

    private static int explicitColumn(String ref, List<String> headers, TargetField field) {
        int byName = headers.indexOf(ref);
        if (byName < 0) {
            String key = HeaderNames.key(ref);
            for (int c = 0; c < headers.size() && byName < 0; c++) {
                if (HeaderNames.key(headers.get(c)).equals(key)) {
                    byName = c;
                }
            }
        }
        if (byName >= 0) {
            return byName;
        }
        if (ref.chars().allMatch(Character::isDigit) && ref.length() < 6) {
            int number = Integer.parseInt(ref);
            if (number >= 1 && number <= headers.size()) {
                return number - 1;
            }
            throw new ImportFileException(ImportMessages.mappingColumnOutOfRange(field.fieldName(), ref, number,
                    headers.size()));
        }
        throw new ImportFileException(ImportMessages.mappingNoSuchHeader(field.fieldName(), ref, headers));
    }

    private void checkRequired() {
        List<Message> problems = new ArrayList<>();
        TargetField firstMissing = null;
        for (TargetField field : schema.required()) {
            if (!has(field)) {
                problems.add(ImportMessages.noColumnFor(field.fieldName(), schema.acceptedHeaders(field)));
                firstMissing = firstMissing == null ? field : firstMissing;
            }
        }
        if (!schema.customerKeys().isEmpty() && schema.customerKeys().stream().noneMatch(this::has)) {
            TargetField key = schema.customerKeys().get(0);
            problems.add(ImportMessages.noCustomerColumn(RecordSchema.names(schema.customerKeys()),
                    schema.acceptedHeaders(key)));
            firstMissing = firstMissing == null ? key : firstMissing;
        }
        if (firstMissing != null) {
            throw new ImportFileException(ImportMessages.missingColumns(kindName(schema), problems, headers,
                    firstMissing.fieldName()));
        }
    }

    private static Message kindName(RecordSchema schema) {
        return ImportMessages.kind(schema.kind());
    }

    public RecordSchema schema() {
        return schema;
    }

    /** The header row as read (trimmed). */
    public List<String> headers() {
        return headers;
    }

    /** 0-based column of {@code field}, or -1 when no column fills it. */
    public int column(TargetField field) {
        return columnByField[field.ordinal()];
    }

    public boolean has(TargetField field) {
        return columnByField[field.ordinal()] >= 0;
    }

    /** 0-based columns that fill no field (kept as attributes/properties, or ignored; see {@link RecordSchema#extrasName()}). */
    public int[] unmappedColumns() {
        return unmappedColumns.clone();
    }

    /** field name → header, in field order, for the fields that have a column. */
    public Map<String, String> fieldsToHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (TargetField field : schema.fields()) {
            if (has(field)) {
                out.put(field.fieldName(), headers.get(column(field)));
            }
        }
        return out;
    }

    public List<String> unmappedHeaders() {
        return Arrays.stream(unmappedColumns).mapToObj(headers::get).toList();
    }

    /** One line a CLI or UI can show: {@code order_id ← 订单编号, amount ← 实付金额; unmapped: 备注 (ignored)}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        fieldsToHeaders().forEach((field, header) ->
                out.append(out.length() == 0 ? "" : ", ").append(field).append(" ← ").append(header));
        List<String> unmapped = unmappedHeaders();
        if (!unmapped.isEmpty()) {
            out.append("; unmapped: ").append(String.join(", ", unmapped))
                    .append(schema.extrasName() == null ? " (ignored)" : " (kept as " + schema.extrasName() + ")");
        }
        return out.toString();
    }
}
