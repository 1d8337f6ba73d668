package org.strata.server.tiering;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.scheme.TieringScheme;

@Tag(name = "Features and previews", description = "The feature catalog, rule previews and scheme dry runs")
@RestController
class PreviewController {

    private final DryRunService dryRuns;
    private final FeatureSnapshots features;
    private final SchemeStore schemes;
    private final TieringTime time;

    PreviewController(DryRunService dryRuns, FeatureSnapshots features, SchemeStore schemes, TieringTime time) {
        this.dryRuns = dryRuns;
        this.features = features;
        this.schemes = schemes;
        this.time = time;
    }

    record RulePreviewRequest(String rule, LocalDate asOf, Integer sampleSize) {
    }

    /** @param scheme the scheme to try; the stored draft when absent */
    record SchemeDryRunRequest(TieringScheme scheme, LocalDate asOf) {
    }

    @Operation(summary = "Every feature rules can use: name, type, unit, zh/en label, description")
    @Access(Permission.READ)
    @GetMapping("/api/v1/features")
    List<FeatureDefinition> features() {
        return features.all(time.today()).definitions();
    }

    @Operation(summary = "How many customers a rule matches, with a sample and diagnostics (line:column); "
            + "fast enough to call while typing")
    @Access(value = Permission.READ, customerScoped = true)
    @PostMapping("/api/v1/tiering/preview/rule")
    DryRunService.RulePreview previewRule(@RequestBody RulePreviewRequest request) {
        if (request.rule() == null) {
            throw new TieringBadRequestException("rule is required");
        }
        return dryRuns.rule(request.rule(), request.asOf(), request.sampleSize() == null ? 10
                : request.sampleSize());
    }

    @Operation(summary = "Dry run of a draft: customers per tier and the migration matrix (from tier x to tier) "
            + "against the current memberships; writes nothing")
    @Access(value = Permission.READ, customerScoped = true)
    @PostMapping("/api/v1/tiering/schemes/{key}/dry-run")
    DryRunService.SchemePreview dryRun(@PathVariable String key,
                                       @RequestBody(required = false) SchemeDryRunRequest request) {
        SchemeStore.StoredScheme stored = schemes.get(key);
        TieringScheme scheme = request == null || request.scheme() == null ? stored.draft() : request.scheme();
        return dryRuns.scheme(scheme, stored.id(), request == null ? null : request.asOf());
    }

    @Operation(summary = "Dry run of a scheme that is not stored yet")
    @Access(value = Permission.READ, customerScoped = true)
    @PostMapping("/api/v1/tiering/preview/scheme")
    DryRunService.SchemePreview previewScheme(@RequestBody SchemeDryRunRequest request) {
        if (request.scheme() == null) {
            throw new TieringBadRequestException("scheme is required");
        }
        return dryRuns.scheme(request.scheme(), schemes.find(request.scheme().key()).map(s -> s.id()).orElse(null),
                request.asOf());
    }
}
