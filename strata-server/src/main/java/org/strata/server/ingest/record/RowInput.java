package org.strata.server.ingest.record;

import org.strata.engine.i18n.Message;

import org.strata.server.ingest.RowError;
import org.strata.server.ingest.mapping.TargetField;

import java.util.function.BiConsumer;

/**
 * One row's raw values by target field, whatever it came from (a CSV or Excel row, a JSON item), and how to say
 * where a problem is. The record parsers see only this, which is why file import and REST validate alike.
 */
public interface RowInput {

    /** 1-based file line where the row starts; 0 for JSON items. */
    long line();

    /** A position that is stable within the input: the file line, or the 1-based index of a JSON item. */
    long position();

    /** The value trimmed, or null when the field has no column or the value is blank. */
    String text(TargetField field);

    /** The values of columns (or JSON members) that fill no field, by header (or member name), in file order. */
    void forEachExtra(BiConsumer<String, String> action);

    /** A problem with one field's value. */
    RowError error(TargetField field, String raw, Message reason);

    /** A problem with the row as a whole. */
    RowError rowError(Message reason);
}
