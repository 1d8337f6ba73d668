package org.strata.server.customer;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The customer list and the customer 360° record")
class CustomerController {

    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_TIMELINE_SIZE = 200;

    private final CustomerListRepository list;
    private final CustomerProfileService profiles;

    CustomerController(CustomerListRepository list, CustomerProfileService profiles) {
        this.list = list;
        this.profiles = profiles;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping
    @Operation(summary = "List customers",
            description = "Surviving customers only (customers absorbed by a merge are part of their survivor). "
                    + "All filters combine with AND.")
    @ApiResponse(responseCode = "200", description = "A page of customers")
    @ApiResponse(responseCode = "400", description = "Unknown sort field, bad page or size",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    CustomerPage list(
            @Parameter(description = "Free text: part of the name, or an exact phone (any spelling: 13812345678, "
                    + "+86 138 1234 5678), email, external id or shop/CRM/WeChat id")
            @RequestParam(required = false) String q,
            @Parameter(description = "Owner (user id)") @RequestParam(required = false) Long owner,
            @Parameter(description = "Team id; includes the teams below it") @RequestParam(required = false) Long team,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String region,
            @Parameter(schema = @Schema(allowableValues = {"person", "company"}))
            @RequestParam(required = false) String type,
            @Parameter(description = "Source system, e.g. 天猫, 京东, 线下门店") @RequestParam(required = false) String source,
            @Parameter(description = "One of name, created_at, last_order_at, total_spent, order_count, optionally "
                    + "followed by ,asc or ,desc; or -field for descending. Default created_at,desc")
            @RequestParam(required = false) String sort,
            @Parameter(description = "Zero-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "Also count all matching customers (costly on large data)")
            @RequestParam(defaultValue = "false") boolean includeTotal) {
        checkPaging(page, size, MAX_PAGE_SIZE);
        CustomerFilter filter = new CustomerFilter(q, owner, team, industry, region, type, source);
        return MaskedCustomers.page(list.find(filter, CustomerSort.parse(sort), page, size, includeTotal));
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/{id}")
    @Operation(summary = "The customer 360° record",
            description = "Attributes, owner and team, identifiers, order summary, the 20 most recent orders, the "
                    + "first page of the time line and the merge history. Orders and events of customers merged "
                    + "into this one are included. An absorbed customer's id answers 404 with a problem of type "
                    + "customer-merged whose survivorId names the customer to ask for instead (not a 301: merges "
                    + "can be undone, and browsers cache a permanent redirect).")
    @ApiResponse(responseCode = "200", description = "The customer")
    @ApiResponse(responseCode = "404", description = "No such customer, or the customer was merged into another "
            + "(problem property survivorId)", content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    CustomerDetail get(@PathVariable long id) {
        return profiles.profileForCaller(id);
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/{id}/timeline")
    @Operation(summary = "A page of the customer's time line",
            description = "Orders and events of the customer and of customers merged into it, newest first.")
    @ApiResponse(responseCode = "200", description = "A page of the time line")
    @ApiResponse(responseCode = "404", description = "No such customer, or merged into another",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    TimelinePage timeline(@PathVariable long id,
                          @Parameter(description = "Zero-based page") @RequestParam(defaultValue = "0") int page,
                          @Parameter(description = "Page size, 1 to 200")
                          @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size, MAX_TIMELINE_SIZE);
        return MaskedCustomers.timeline(profiles.timeline(id, page, size));
    }

    private static void checkPaging(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidCustomerQueryException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidCustomerQueryException("size", "size must be between 1 and " + maxSize + ", was " + size);
        }
    }
}
