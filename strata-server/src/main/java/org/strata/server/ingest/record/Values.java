package org.strata.server.ingest.record;

import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.mapping.TargetField;

import java.util.List;

/** Field readings shared by several record parsers that need the vocabulary. */
final class Values {

    private Values() {
    }

    /** The currency column's ISO code, the default when blank; null (and an error) when it is not a currency. */
    static String currency(FieldReader in, TargetField field, String defaultCurrency) {
        String raw = in.row().text(field);
        if (raw == null) {
            return defaultCurrency;
        }
        String code = Vocabulary.currency(raw);
        if (code == null) {
            in.fail(field, raw, ImportMessages.NOT_A_CURRENCY);
        }
        return code;
    }

    /** True when any of the fields has a value, valid or not (an invalid one is already an error of its own). */
    static boolean hasAny(RowInput row, List<TargetField> fields) {
        for (TargetField field : fields) {
            if (row.text(field) != null) {
                return true;
            }
        }
        return false;
    }
}
