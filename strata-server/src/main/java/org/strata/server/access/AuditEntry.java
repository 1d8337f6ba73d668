package org.strata.server.access;

/** One thing someone did: who, what action on which target, with what outcome, from which address. */
public record AuditEntry(String actor, String action, String target, String detail, String outcome, String ip) {

    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";
    public static final String FAILED = "failed";

    static String outcomeOf(int httpStatus) {
        if (httpStatus == 401 || httpStatus == 403 || httpStatus == 404) {
            return DENIED;
        }
        return httpStatus >= 400 ? FAILED : SUCCESS;
    }
}
