package org.strata.server.playbook.warning;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.access.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.PlaybookNotFoundException;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

@Tag(name = "Churn warnings", description = "Warnings raised by churn signals, per customer and overall")
@RestController
@Access(value = Permission.READ, customerScoped = true)
class WarningController {

    private static final String SELECT = "SELECT w.*, c.name AS customer_name, c.type AS customer_type FROM churn_warnings w "
            + "JOIN customers c ON c.id = w.customer_id WHERE ";

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;
    private final WarningScanner scanner;
    private final PlaybookTime time;

    WarningController(NamedParameterJdbcTemplate jdbc, CustomerScope scope, WarningScanner scanner,
                      PlaybookTime time) {
        this.jdbc = jdbc;
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
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        StringBuilder where = new StringBuilder(condition.sql());
        if (signal != null) {
            where.append(" AND w.signal = :signal");
            params.put("signal", ChurnSignal.of(signal).code());
        }
        if (!all) {
            where.append(" AND w.resolved_at IS NULL");
        }
        params.put("limit", Math.min(Math.max(size, 1), 500));
        params.put("offset", (long) Math.max(page, 0) * Math.min(Math.max(size, 1), 500));
        return jdbc.query(SELECT + where + " ORDER BY w.raised_at DESC, w.id DESC LIMIT :limit OFFSET :offset",
                params, WarningController::view);
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
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("id", id);
        return jdbc.query(SELECT + condition.sql() + " AND w.customer_id = :id ORDER BY w.raised_at DESC, w.id DESC",
                params, WarningController::view);
    }

    private static WarningView view(ResultSet rs, int row) throws SQLException {
        ChurnSignal signal = ChurnSignal.of(rs.getString("signal"));
        Timestamp resolved = rs.getTimestamp("resolved_at");
        // reasons and details quote the customer's own figures, and may quote their name or contact data
        String name = rs.getString("customer_name");
        String type = rs.getString("customer_type");
        return new WarningView(rs.getLong("id"), rs.getLong("customer_id"), PersonalData.nameFor(name, type),
                signal.code(), signal.labelZh(), signal.labelEn(),
                PersonalData.textAboutFor(rs.getString("reason_zh"), name, type),
                PersonalData.textAboutFor(rs.getString("reason_en"), name, type),
                PersonalData.textAboutFor(rs.getString("details"), name, type), rs.getTimestamp("raised_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), resolved == null);
    }
}
