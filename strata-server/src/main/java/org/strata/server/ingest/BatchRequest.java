package org.strata.server.ingest;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A REST batch: {@code {"source": "shop", "items": [{...}, ...]}}. Items are JSON objects whose member names are the
 * canonical field names (customer_id, name, phone, email, order_id, ordered_at, amount ...). Items are kept as maps
 * so that an item of the wrong shape is reported with its JSON pointer instead of failing the whole request.
 */
public record BatchRequest(
        @Schema(description = "namespace of the ids in the items, e.g. shop, crm; default import", example = "shop")
        String source,
        @Schema(description = "the records, at most " + IngestController.MAX_ITEMS)
        List<Object> items) {
}
