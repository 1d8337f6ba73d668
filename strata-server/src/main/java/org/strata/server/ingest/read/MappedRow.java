package org.strata.server.ingest.read;

import org.strata.engine.i18n.Message;

import org.strata.server.ingest.RowError;
import org.strata.server.ingest.mapping.ColumnMapping;
import org.strata.server.ingest.mapping.TargetField;
import org.strata.server.ingest.record.RowInput;

import java.util.List;
import java.util.function.BiConsumer;

/** A file row seen through the column mapping. One instance is reused for every row of a file. */
final class MappedRow implements RowInput {

    private final int[] columnByField;
    private final List<String> headers;
    private final int[] extraColumns;
    private long line;
    private String[] cells;

    MappedRow(ColumnMapping mapping) {
        List<TargetField> fields = mapping.schema().fields();
        this.columnByField = new int[fields.size()];
        for (TargetField field : fields) {
            columnByField[field.ordinal()] = mapping.column(field);
        }
        this.headers = mapping.headers();
        this.extraColumns = mapping.schema().extrasName() == null ? new int[0] : mapping.unmappedColumns();
    }

    MappedRow at(long line, String[] cells) {
        this.line = line;
        this.cells = cells;
        return this;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public long position() {
        return line;
    }

    @Override
    public String text(TargetField field) {
        return cell(columnByField[field.ordinal()]);
    }

    private String cell(int column) {
        if (column < 0 || column >= cells.length || cells[column] == null) {
            return null;
        }
        String value = cells[column].strip();
        return value.isEmpty() ? null : value;
    }

    @Override
    public void forEachExtra(BiConsumer<String, String> action) {
        for (int column : extraColumns) {
            String value = cell(column);
            if (value != null) {
                action.accept(headers.get(column), value);
            }
        }
    }

    @Override
    public RowError error(TargetField field, String raw, Message reason) {
        return new RowError(line, columnByField[field.ordinal()] + 1, field.fieldName(), raw, reason);
    }

    @Override
    public RowError rowError(Message reason) {
        return new RowError(line, 0, null, null, reason);
    }
}
