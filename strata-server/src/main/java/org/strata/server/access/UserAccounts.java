package org.strata.server.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The users who can sign in, read with their effective data scope (their own, else their role's). */
@Component
public class UserAccounts implements UserDetailsService {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.email, u.team_id, u.role, u.password_hash, u.enabled,
                   u.locked_until, u.data_scope AS own_scope, COALESCE(u.data_scope, r.data_scope) AS scope
            FROM users u LEFT JOIN role_data_scopes r ON r.role = u.role""";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** A user as the admin pages show it (never the password hash). */
    public record Account(long id, String username, String displayName, String email, Long teamId, String role,
                          String ownScope, String scope, boolean enabled, boolean canSignIn, Instant lockedUntil) {
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    public Optional<SignedInUser> find(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username").param("username", username)
                .query((rs, n) -> user(rs)).optional();
    }

    public Optional<SignedInUser> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query((rs, n) -> user(rs)).optional();
    }

    public List<Account> all() {
        return jdbc.sql(SELECT + " ORDER BY u.username").query((rs, n) -> account(rs)).list();
    }

    public Optional<Account> account(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query((rs, n) -> account(rs)).optional();
    }

    /** Whether anyone can sign in at all (a first start has only the owners an import named, or nobody). */
    public boolean anyoneCanSignIn() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL AND enabled = TRUE")
                .query(Long.class).single() > 0;
    }

    /** Creates a user who can sign in, or gives an existing one (an owner without a password) a role and password. */
    public long create(String username, String displayName, String email, Long teamId, Role role, DataScope scope,
                       String password) {
        String hash = passwords.encode(PasswordPolicy.check(password));
        Optional<Long> existing = jdbc.sql("SELECT id FROM users WHERE username = :username")
                .param("username", username).query(Long.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                            UPDATE users SET role = :role, data_scope = :scope, password_hash = :hash, enabled = TRUE,
                                   team_id = COALESCE(:team, team_id), email = COALESCE(:email, email)
                            WHERE id = :id""")
                    .param("role", role.code()).param("scope", scope == null ? null : scope.code())
                    .param("hash", hash).param("team", teamId).param("email", email).param("id", existing.get())
                    .update();
            return existing.get();
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO users (username, display_name, email, team_id, role, data_scope, password_hash)
                        VALUES (:username, :display, :email, :team, :role, :scope, :hash)""")
                .param("username", username).param("display", displayName).param("email", email)
                .param("team", teamId).param("role", role.code()).param("scope", scope == null ? null : scope.code())
                .param("hash", hash)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, Role role, DataScope ownScope, Long teamId, boolean enabled) {
        jdbc.sql("""
                        UPDATE users SET role = :role, data_scope = :scope, team_id = :team, enabled = :enabled
                        WHERE id = :id""")
                .param("role", role.code()).param("scope", ownScope == null ? null : ownScope.code())
                .param("team", teamId).param("enabled", enabled).param("id", id).update();
    }

    public void setPassword(long id, String password) {
        jdbc.sql("UPDATE users SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                .param("hash", passwords.encode(PasswordPolicy.check(password))).param("id", id).update();
    }

    public void setRoleScope(Role role, DataScope scope) {
        jdbc.sql("UPDATE role_data_scopes SET data_scope = :scope WHERE role = :role")
                .param("scope", scope.code()).param("role", role.code()).update();
    }

    public DataScope roleScope(Role role) {
        return DataScope.of(jdbc.sql("SELECT data_scope FROM role_data_scopes WHERE role = :role")
                .param("role", role.code()).query(String.class).single());
    }

    /** Counts a failed sign-in; the attempt that reaches {@code limit} locks the account until {@code until}. */
    void failedSignIn(String username, int limit, Instant until) {
        jdbc.sql("UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE username = :username")
                .param("username", username).update();
        jdbc.sql("""
                        UPDATE users SET locked_until = :until, failed_sign_ins = 0
                        WHERE username = :username AND failed_sign_ins >= :limit""")
                .param("until", Timestamp.from(until)).param("username", username).param("limit", limit).update();
    }

    void succeededSignIn(String username) {
        jdbc.sql("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE username = :username")
                .param("username", username).update();
    }

    private static SignedInUser user(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        long team = rs.getLong("team_id");
        Long teamId = rs.wasNull() ? null : team;
        return new SignedInUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.of(rs.getString("role")), DataScope.of(rs.getString("scope")), teamId,
                rs.getString("password_hash"), rs.getBoolean("enabled"), locked == null ? null : locked.toInstant());
    }

    private static Account account(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        long team = rs.getLong("team_id");
        Long teamId = rs.wasNull() ? null : team;
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), teamId, rs.getString("role"), rs.getString("own_scope"),
                rs.getString("scope"), rs.getBoolean("enabled"), rs.getString("password_hash") != null,
                locked == null ? null : locked.toInstant());
    }
}
