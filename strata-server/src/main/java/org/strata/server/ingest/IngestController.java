package org.strata.server.ingest;

import org.strata.engine.i18n.LocalizedArgumentException;
import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ingestion", description = "Batch upserts of customers, orders and events as JSON")
class IngestController {

    static final int MAX_ITEMS = 10_000;
    private static final String ITEM_RESULTS = "Per item: index, status accepted|rejected, id of the stored row, and "
            + "for a rejected item the errors, each with the JSON pointer of the member (e.g. /items/3/amount) and "
            + "the reason. Valid items are stored even when others are rejected; sending the same items again "
            + "changes nothing (they count as unchanged).";

    private final BatchIngestion ingestion;

    IngestController(BatchIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Access(value = Permission.IMPORT, audit = "import.customers")
    @PostMapping("/customers/batch")
    @Operation(summary = "Insert or update customers", description = "Items: customer_id, name, type, phone, email, "
            + "owner, team, industry, region, created_at, attributes {...}. Customers sharing a phone, email or id "
            + "with a known customer are merged into it (see /api/v1/merges). " + ITEM_RESULTS)
    @ApiResponse(responseCode = "200", description = "every item has a result")
    @ApiResponse(responseCode = "400", description = "not a batch (e.g. more than 10,000 items)")
    BatchResponse customers(@RequestBody BatchRequest batch) {
        return ingest(ImportKind.CUSTOMERS, batch);
    }

    @Access(value = Permission.IMPORT, audit = "import.orders")
    @PostMapping("/orders/batch")
    @Operation(summary = "Insert or update orders", description = "Items: order_id, customer_id (or phone/email), "
            + "ordered_at, amount, cost, refund_amount, currency, channel, status. Orders are keyed by (source, "
            + "order_id); an order whose customer is not known yet is kept and linked when the customer arrives. "
            + ITEM_RESULTS)
    @ApiResponse(responseCode = "200", description = "every item has a result")
    BatchResponse orders(@RequestBody BatchRequest batch) {
        return ingest(ImportKind.ORDERS, batch);
    }

    @Access(value = Permission.IMPORT, audit = "import.events")
    @PostMapping("/events/batch")
    @Operation(summary = "Insert or update events", description = "Items: event_id, customer_id (or phone/email), "
            + "type (visit, login, ticket, campaign_click, nps ...), occurred_at, properties {...}. " + ITEM_RESULTS)
    @ApiResponse(responseCode = "200", description = "every item has a result")
    BatchResponse events(@RequestBody BatchRequest batch) {
        return ingest(ImportKind.EVENTS, batch);
    }

    private BatchResponse ingest(ImportKind kind, BatchRequest batch) {
        if (batch.items() != null && batch.items().size() > MAX_ITEMS) {
            throw new LocalizedArgumentException(ImportError.BATCH_TOO_LARGE.with(MAX_ITEMS, batch.items().size()));
        }
        return ingestion.ingest(kind, batch);
    }

    @ExceptionHandler
    ProblemDetail badBatch(IllegalArgumentException e) {
        return e instanceof LocalizedArgumentException localized
                ? Problems.of(HttpStatus.BAD_REQUEST, "Invalid batch", localized)
                : Problems.of(HttpStatus.BAD_REQUEST, "Invalid batch", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail failed(BatchIngestion.BatchFailedException e) {
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Batch not stored", e.getMessage());
    }
}
