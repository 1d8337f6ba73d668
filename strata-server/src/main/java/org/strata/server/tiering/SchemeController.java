package org.strata.server.tiering;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.access.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.engine.scheme.SchemePresets;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TieringScheme;

@Tag(name = "Tiering schemes", description = "Schemes (tiers, tags, hysteresis), versions, YAML, presets, schedules")
@RestController
@RequestMapping("/api/v1/tiering")
class SchemeController {

    static final String YAML = "application/yaml";

    private final SchemeService service;
    private final SchemeStore store;

    SchemeController(SchemeService service, SchemeStore store) {
        this.service = service;
        this.store = store;
    }

    /** A scheme with its draft and settings. */
    record SchemeView(String key, String nameZh, String nameEn, TieringScheme draft, Integer publishedVersion,
                      boolean liveUpdates, ScheduleView schedule, String draftUpdatedBy, Instant draftUpdatedAt) {

        static SchemeView of(SchemeStore.StoredScheme stored) {
            return new SchemeView(stored.key(), stored.nameZh(), stored.nameEn(), stored.draft(),
                    stored.publishedVersion(), stored.liveUpdates(), ScheduleView.of(stored.schedule()),
                    stored.draftUpdatedBy(), stored.draftUpdatedAt());
        }
    }

    record ScheduleView(String frequency, Integer day, String time, String timeZone, String cron) {

        static ScheduleView of(ScheduleSpec spec) {
            return spec == null ? null : new ScheduleView(spec.frequency().code(), spec.day(),
                    spec.time().toString(), spec.zone().getId(), spec.cron());
        }
    }

    record VersionView(String scheme, int version, String publishedBy, Instant publishedAt, String note,
                       TieringScheme definition) {

        static VersionView of(String key, SchemeStore.SchemeVersion version) {
            return new VersionView(key, version.version(), version.publishedBy(), version.publishedAt(),
                    version.note(), version.scheme());
        }
    }

    record PresetView(String key, String nameZh, String nameEn, String description, TieringScheme definition) {
    }

    record PublishRequest(String note) {
    }

    record InstantiateRequest(String key) {
    }

    /**
     * @param day  weekly: 1 = Monday .. 7 = Sunday; monthly/quarterly: 1..28 or 0 = last day of the month
     * @param time HH:mm
     */
    record ScheduleRequest(String frequency, Integer day, String time, String timeZone) {

        ScheduleSpec toSpec() {
            try {
                return new ScheduleSpec(frequency == null ? null : ScheduleSpec.Frequency.of(frequency), day,
                        time == null ? null : LocalTime.parse(time),
                        timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone));
            } catch (java.time.DateTimeException e) {
                throw new TieringBadRequestException("time must be HH:mm and timeZone an IANA zone such as "
                        + "Asia/Shanghai: " + e.getMessage());
            }
        }
    }

    record LiveRequest(boolean enabled) {
    }

    @Operation(summary = "List schemes")
    @Access(Permission.READ)
    @GetMapping("/schemes")
    List<SchemeView> list() {
        return store.list().stream().map(SchemeView::of).toList();
    }

    @Operation(summary = "Create a scheme (its first draft)")
    @Access(value = Permission.EDIT_SCHEMES, audit = "scheme.create")
    @PostMapping("/schemes")
    ResponseEntity<SchemeView> create(@RequestBody TieringScheme scheme) {
        SchemeView view = SchemeView.of(service.create(scheme, CurrentUser.name()));
        return ResponseEntity.created(URI.create("/api/v1/tiering/schemes/" + view.key())).body(view);
    }

    @Operation(summary = "Get a scheme with its draft")
    @Access(Permission.READ)
    @GetMapping("/schemes/{key}")
    SchemeView get(@PathVariable String key) {
        return SchemeView.of(store.get(key));
    }

    @Operation(summary = "Replace the draft of a scheme (the published version is untouched until publish)")
    @Access(value = Permission.EDIT_SCHEMES, audit = "scheme.update")
    @PutMapping("/schemes/{key}")
    SchemeView update(@PathVariable String key, @RequestBody TieringScheme scheme) {
        return SchemeView.of(service.updateDraft(key, scheme, CurrentUser.name()));
    }

    @Operation(summary = "Publish the draft as a new version; every rule is checked first (422 with line:column)")
    @Access(value = Permission.PUBLISH, audit = "scheme.publish")
    @PostMapping("/schemes/{key}/publish")
    VersionView publish(@PathVariable String key, @RequestBody(required = false) PublishRequest request) {
        return VersionView.of(key, service.publish(key, CurrentUser.name(), request == null ? null : request.note()));
    }

    @Operation(summary = "Version history, newest first")
    @Access(Permission.READ)
    @GetMapping("/schemes/{key}/versions")
    List<VersionView> versions(@PathVariable String key) {
        return service.versions(key).stream().map(v -> VersionView.of(key, v)).toList();
    }

    @Operation(summary = "One published version")
    @Access(Permission.READ)
    @GetMapping("/schemes/{key}/versions/{version}")
    VersionView version(@PathVariable String key, @PathVariable int version) {
        return VersionView.of(key, service.version(key, version));
    }

    @Operation(summary = "Export a scheme as YAML: the draft, or a published version with ?version=")
    @Access(Permission.READ)
    @GetMapping(value = "/schemes/{key}/yaml", produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    String exportYaml(@PathVariable String key, @RequestParam(required = false) Integer version) {
        return version == null ? store.get(key).draftYaml() : service.version(key, version).yaml();
    }

    @Operation(summary = "Import a scheme from YAML: creates it, or replaces the draft of the scheme with that key. "
            + "YAML problems come back as 400 with line, column and field")
    @Access(value = Permission.EDIT_SCHEMES, audit = "scheme.import")
    @PostMapping(value = "/schemes/import", consumes = {YAML, "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    SchemeView importYaml(@RequestBody String yaml) {
        return SchemeView.of(service.importYaml(yaml, CurrentUser.name()));
    }

    @Operation(summary = "Set when the scheme runs by itself (daily/weekly/monthly/quarterly at HH:mm in a zone)")
    @Access(value = Permission.RUN, audit = "scheme.schedule")
    @PutMapping("/schemes/{key}/schedule")
    SchemeView schedule(@PathVariable String key, @RequestBody ScheduleRequest request) {
        return SchemeView.of(service.schedule(key, request.toSpec()));
    }

    @Operation(summary = "Stop running the scheme on a schedule")
    @Access(value = Permission.RUN, audit = "scheme.unschedule")
    @DeleteMapping("/schemes/{key}/schedule")
    SchemeView unschedule(@PathVariable String key) {
        return SchemeView.of(service.schedule(key, null));
    }

    @Operation(summary = "Turn live updates (re-tiering within seconds of new orders or events) on or off")
    @Access(value = Permission.RUN, audit = "scheme.live")
    @PutMapping("/schemes/{key}/live")
    SchemeView live(@PathVariable String key, @RequestBody LiveRequest request) {
        return SchemeView.of(service.liveUpdates(key, request.enabled()));
    }

    @Operation(summary = "Ready-made schemes: RFM 11 segments, RFM 8 classes, ABC, pyramid, lifecycle, retail, B2B")
    @Access(Permission.READ)
    @GetMapping("/presets")
    List<PresetView> presets() {
        return SchemePresets.all().stream().map(p -> new PresetView(p.key(), p.nameZh(), p.nameEn(), p.description(), p))
                .toList();
    }

    @Operation(summary = "A preset as YAML")
    @Access(Permission.READ)
    @GetMapping(value = "/presets/{key}/yaml", produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    String presetYaml(@PathVariable String key) {
        return SchemeYaml.write(SchemePresets.find(key).orElseThrow(() -> new TieringNotFoundException(
                "no preset '" + key + "'; presets are " + SchemePresets.KEYS)));
    }

    @Operation(summary = "Create a scheme from a preset (optionally under another key)")
    @Access(value = Permission.EDIT_SCHEMES, audit = "scheme.create")
    @PostMapping("/presets/{key}/instantiate")
    ResponseEntity<SchemeView> instantiate(@PathVariable String key,
                                           @RequestBody(required = false) InstantiateRequest request) {
        SchemeView view = SchemeView.of(service.instantiate(key, request == null ? null : request.key(),
                CurrentUser.name()));
        return ResponseEntity.created(URI.create("/api/v1/tiering/schemes/" + view.key())).body(view);
    }
}
