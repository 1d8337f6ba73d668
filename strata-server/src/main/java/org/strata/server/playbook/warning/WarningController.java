package org.strata.server.playbook.warning;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.PlaybookNotFoundException;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.scope.CustomerScope;

@Tag(name = "Churn warnings", description = "Warnings raised by churn signals, per customer and overall")
@RestController
@Access(value = Permission.READ, customerScoped = true)
class WarningController {

    private final Warnings warnings;
    private final CustomerScope scope;
    private final WarningScanner scanner;
    private final PlaybookTime time;

    WarningController(Warnings warnings, CustomerScope scope, WarningScanner scanner, PlaybookTime time) {
        this.warnings = warnings;
        this.scope = scope;
        this.scanner = scanner;
        this.time = time;
    }

    record SignalView(String code, String labelZh, String labelEn) {
    }

    @Operation(summary = "Warnings, newest first: open only unless all=true, optionally of one signal")
    @GetMapping("/api/v1/warnings")
    List<WarningView> list(@RequestParam(required = false) String signal,
                           @RequestParam(defaultValue = "false") boolean all,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return warnings.list(signal, all ? Warnings.State.ALL : Warnings.State.OPEN, Math.max(page, 0),
                Math.min(Math.max(size, 1), 500));
    }

    @Operation(summary = "The signals and their labels")
    @GetMapping("/api/v1/warnings/signals")
    List<SignalView> signals() {
        return Arrays.stream(ChurnSignal.values()).map(s -> new SignalView(s.code(), s.labelZh(), s.labelEn()))
                .toList();
    }

    @Operation(summary = "Run every signal now: raise new warnings, resolve the ones that no longer apply")
    @Access(value = Permission.RUN, audit = "warnings.scan")
    @PostMapping("/api/v1/warnings/scan")
    WarningScanner.ScanResult scan() {
        return scanner.scan(time.now());
    }

    @Operation(summary = "A customer's warnings, open and resolved, newest first")
    @GetMapping("/api/v1/customers/{id}/warnings")
    List<WarningView> ofCustomer(@PathVariable long id) {
        if (!scope.includes(id)) {
            throw new PlaybookNotFoundException("no customer " + id);
        }
        return warnings.ofCustomer(id);
    }
}
