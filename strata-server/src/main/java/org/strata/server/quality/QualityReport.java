package org.strata.server.quality;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** The data-quality report: for each source, how many records have each defect, with a few example ids. */
public record QualityReport(
        OffsetDateTime generatedAt,
        @Schema(description = "The source the report was restricted to, or null for all") String source,
        List<SourceQuality> sources,
        @Schema(description = "All sources together") SourceQuality totals) {

    public record SourceQuality(
            @Schema(description = "Source system, e.g. 天猫; null in the totals") String source,
            @Schema(description = "Surviving customers of the source") long customers,
            long orders,
            long events,
            List<Finding> findings) {
    }

    public record Finding(
            @Schema(example = "customers_missing_phone") String check,
            @Schema(example = "缺少手机号") String label,
            String description,
            @Schema(allowableValues = {"customer", "order", "event"}) String entity,
            long count,
            @Schema(description = "Up to five ids (smallest first) of the records concerned") List<Long> sampleIds) {
    }
}
