package org.strata.server.access;

/** What a role allows. Reading customers in one's data scope needs only {@link #READ}. */
public enum Permission {
    READ,
    EDIT_SCHEMES,
    PUBLISH,
    RUN,
    IMPORT,
    EXPORT,
    PIN,
    MERGE,
    MANAGE_USERS,
    SEE_PERSONAL_DATA,
    /** Erasing a customer's personal data on request (PIPL) cannot be undone, so it is an admin's alone. */
    ERASE_PERSONAL_DATA
}
