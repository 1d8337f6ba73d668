package org.strata.server.ingest.record;

import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.read.ImportOptions;

/**
 * Turns one row's raw values into a validated record, or into every reason it is rejected. Not thread-safe
 * (parsers may keep per-file scratch state); use one per file or batch.
 */
public interface RowParser<T> {

    ParsedRow<T> parse(RowInput row);

    static RowParser<?> forKind(ImportKind kind, ImportOptions options) {
        return switch (kind) {
            case CUSTOMERS -> new CustomerRowParser(options);
            case ORDERS -> new OrderRowParser(options);
            case ORDER_LINES -> new OrderLineRowParser(options);
            case EVENTS -> new EventRowParser(options);
        };
    }
}
