package org.strata.server.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/** The signed-in person (/me, API tokens) and, for admins, users, teams and the scopes of roles. Changes are audited. */
@RestController
@Tag(name = "Users and access", description = "Users, teams, roles, data scopes and personal API tokens")
class UserController {

    private final UserAccounts users;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    UserController(UserAccounts users, ApiTokens tokens, AuditLog audit, JdbcClient jdbc) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    record Me(long id, String username, String displayName, String role, String scope, Long teamId,
              Set<Permission> permissions) {
    }

    record NewToken(String name, Integer days) {
    }

    record NewUser(String username, String displayName, String email, Long teamId, String role, String scope,
                   String password) {
    }

    record UserChange(String role, String scope, Long teamId, Boolean enabled) {
    }

    record PasswordChange(String password) {
    }

    record Team(long id, String code, String name, Long parentId) {
    }

    record NewTeam(String code, String name, Long parentId) {
    }

    record RoleView(String role, String scope, Set<Permission> permissions) {
    }

    record ScopeChange(String scope) {
    }

    @GetMapping("/api/v1/me")
    @Access(Permission.READ)
    @Operation(summary = "Who I am: role, data scope, permissions")
    Me me() {
        SignedInUser me = signedIn();
        return new Me(me.id(), me.getUsername(), me.displayName(), me.role().code(), me.scope().code(), me.teamId(),
                me.role().permissions());
    }

    @GetMapping("/api/v1/me/tokens")
    @Access(Permission.READ)
    @Operation(summary = "My API tokens (never the token itself)")
    List<ApiTokens.TokenInfo> myTokens() {
        return tokens.of(signedIn().id());
    }

    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Access(value = Permission.READ, audit = "token.create")
    @Operation(summary = "Create a personal API token; the token is in this answer only, store it now")
    ApiTokens.Created createToken(@RequestBody NewToken request) {
        int days = request.days() == null ? 90 : request.days();
        return tokens.create(signedIn().id(), request.name(), Duration.ofDays(days));
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(value = Permission.READ, audit = "token.revoke")
    @Operation(summary = "Revoke one of my API tokens")
    void revokeToken(@PathVariable long id) {
        if (!tokens.revoke(signedIn().id(), id)) {
            throw new NoSuchElementException("you have no active token " + id);
        }
    }

    @GetMapping("/api/v1/users")
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "All users (owners without a password cannot sign in)")
    List<UserAccounts.Account> list() {
        return users.all();
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "Create a user who can sign in (or give an existing owner a role and password)")
    UserAccounts.Account create(@RequestBody NewUser request, HttpServletRequest http) {
        if (request.username() == null || !request.username().matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw new IllegalArgumentException("username: 2 to 100 letters, digits, '.', '_', '@' or '-'");
        }
        Role role = Role.of(required(request.role(), "role"));
        DataScope scope = request.scope() == null ? null : DataScope.of(request.scope());
        long id = users.create(request.username(), request.displayName() == null ? request.username()
                : request.displayName(), request.email(), request.teamId(), role, scope, request.password());
        record(http, "user.create", request.username(), "role " + role.code() + ", scope "
                + (scope == null ? "of the role" : scope.code()) + ", team " + request.teamId());
        return users.account(id).orElseThrow();
    }

    @PutMapping("/api/v1/users/{id}")
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "Change a user's role, own data scope (null: the role's), team or whether they may sign in")
    UserAccounts.Account update(@PathVariable long id, @RequestBody UserChange change, HttpServletRequest http) {
        UserAccounts.Account before = users.account(id).orElseThrow(() -> new NoSuchElementException("no user " + id));
        Role role = change.role() == null ? Role.of(before.role()) : Role.of(change.role());
        DataScope scope = change.scope() == null ? null : DataScope.of(change.scope());
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        if (id == signedIn().id() && (role != Role.ADMIN || !enabled)) {
            throw new IllegalArgumentException("you cannot take away your own administrator role or sign-in");
        }
        users.update(id, role, scope, change.teamId() == null ? before.teamId() : change.teamId(), enabled);
        UserAccounts.Account after = users.account(id).orElseThrow();
        record(http, "user.update", before.username(), "role " + before.role() + " -> " + after.role()
                + ", own scope " + before.ownScope() + " -> " + after.ownScope() + ", team " + before.teamId()
                + " -> " + after.teamId() + ", enabled " + before.enabled() + " -> " + after.enabled());
        return after;
    }

    @PostMapping("/api/v1/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "Set a user's password (also lifts a lock-out)")
    void setPassword(@PathVariable long id, @RequestBody PasswordChange change, HttpServletRequest http) {
        UserAccounts.Account user = users.account(id).orElseThrow(() -> new NoSuchElementException("no user " + id));
        users.setPassword(id, change.password());
        record(http, "user.password", user.username(), "password set by an administrator");
    }

    @GetMapping("/api/v1/teams")
    @Access(Permission.READ)
    @Operation(summary = "Teams: departments (no parent) and the teams below them")
    List<Team> teams() {
        return jdbc.sql("SELECT id, code, name, parent_id FROM teams ORDER BY id")
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class))).list();
    }

    @PostMapping("/api/v1/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "Create a department (no parentId) or a team below one")
    Team createTeam(@RequestBody NewTeam team, HttpServletRequest http) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO teams (code, name, parent_id) VALUES (:code, :name, :parent)")
                .param("code", required(team.code(), "code")).param("name", required(team.name(), "name"))
                .param("parent", team.parentId()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        record(http, "team.create", team.code(), "parent " + team.parentId());
        return new Team(id, team.code(), team.name(), team.parentId());
    }

    @GetMapping("/api/v1/roles")
    @Access(Permission.READ)
    @Operation(summary = "The roles, their permissions and data scopes")
    List<RoleView> roles() {
        return Arrays.stream(Role.values())
                .map(r -> new RoleView(r.code(), users.roleScope(r).code(), r.permissions())).toList();
    }

    @PutMapping("/api/v1/roles/{role}/scope")
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "Change the data scope of every user of a role who has no scope of their own")
    RoleView setRoleScope(@PathVariable String role, @RequestBody ScopeChange change, HttpServletRequest http) {
        Role r = Role.of(role);
        DataScope before = users.roleScope(r);
        DataScope after = DataScope.of(required(change.scope(), "scope"));
        users.setRoleScope(r, after);
        record(http, "role.scope", r.code(), before.code() + " -> " + after.code());
        return new RoleView(r.code(), after.code(), r.permissions());
    }

    private void record(HttpServletRequest http, String action, String target, String detail) {
        audit.record(new AuditEntry(CurrentUser.name(), action, target, detail, AuditEntry.SUCCESS,
                ClientAddress.of(http)));
    }

    private static SignedInUser signedIn() {
        return CurrentUser.get().orElseThrow(() -> new PermissionDeniedException("sign in first"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.trim();
    }
}
