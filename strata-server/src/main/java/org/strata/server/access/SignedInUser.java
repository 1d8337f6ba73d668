package org.strata.server.access;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The person behind a request: who, which role, which data scope (the user's own or their role's) and which team
 * the scope is measured from. Kept in the session, so it is serializable and carries no password after sign-in.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final DataScope scope;
    private final Long teamId;
    private String passwordHash;
    private final boolean enabled;
    private final Instant lockedUntil;

    public SignedInUser(long id, String username, String displayName, Role role, DataScope scope, Long teamId,
                        String passwordHash, boolean enabled, Instant lockedUntil) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.scope = scope;
        this.teamId = teamId;
        this.passwordHash = passwordHash;
        // A user without a password owns customers but cannot sign in (sales staff named by an import).
        this.enabled = enabled && passwordHash != null;
        this.lockedUntil = lockedUntil;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public DataScope scope() {
        return scope;
    }

    public Long teamId() {
        return teamId;
    }

    public boolean can(Permission permission) {
        return role.allows(permission);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return username + " (" + role.code() + ", " + scope.code() + ")";
    }
}
