package org.strata.server.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.strata.server.access.Permission.EDIT_SCHEMES;
import static org.strata.server.access.Permission.EXPORT;
import static org.strata.server.access.Permission.IMPORT;
import static org.strata.server.access.Permission.MANAGE_PLAYBOOKS;
import static org.strata.server.access.Permission.MERGE;
import static org.strata.server.access.Permission.PIN;
import static org.strata.server.access.Permission.PUBLISH;
import static org.strata.server.access.Permission.READ;
import static org.strata.server.access.Permission.RUN;
import static org.strata.server.access.Permission.SEE_PERSONAL_DATA;
import static org.strata.server.access.Permission.WORK_TASKS;

/**
 * The five roles and what each may do. Permissions are fixed in code (they follow from what each job needs); the
 * data scope a role gets is stored (role_data_scopes) so a company can widen or narrow it.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    /** Runs a sales team: tiering work, imports, exports, merges; sees personal data to act on it. */
    MANAGER(EnumSet.of(READ, EDIT_SCHEMES, PUBLISH, RUN, IMPORT, EXPORT, PIN, MERGE, SEE_PERSONAL_DATA,
            MANAGE_PLAYBOOKS, WORK_TASKS)),
    /** Designs and tries schemes over all customers but works on masked personal data. */
    ANALYST(EnumSet.of(READ, EDIT_SCHEMES, RUN, EXPORT)),
    /** Calls their own customers, so sees their contact data; may pin a customer they know better than a rule. */
    SALES_REP(EnumSet.of(READ, PIN, SEE_PERSONAL_DATA, WORK_TASKS)),
    VIEWER(EnumSet.of(READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code
                + "'; expected admin, manager, analyst, sales_rep or viewer");
    }
}
