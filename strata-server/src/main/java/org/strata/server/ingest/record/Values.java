package org.strata.server.ingest.record;

import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.mapping.TargetField;

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

    /** True when any customer key column has a value (valid or not: an invalid one is already an error). */
    static boolean hasCustomerKey(RowInput row, TargetField id, TargetField phone, TargetField email) {
        return row.text(id) != null || row.text(phone) != null || row.text(email) != null;
    }
}
