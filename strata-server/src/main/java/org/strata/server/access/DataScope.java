package org.strata.server.access;

import java.util.Locale;

/** Which customers a person sees: their own, their team's and its sub-teams', their department's, or all. */
public enum DataScope {
    MINE, TEAM, DEPARTMENT, ALL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataScope of(String code) {
        for (DataScope scope : values()) {
            if (scope.code().equals(code)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown data scope '" + code + "'; expected mine, team, department or all");
    }
}
