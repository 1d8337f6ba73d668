package org.strata.server.tiering;

import java.util.Locale;

/** What started a run. */
public enum RunTrigger {
    MANUAL, SCHEDULED, LIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunTrigger of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
