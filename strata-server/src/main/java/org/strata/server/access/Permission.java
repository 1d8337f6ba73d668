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
    /** Writing playbooks and SLA policies, and inspecting and replaying their deliveries. */
    MANAGE_PLAYBOOKS,
    /** Completing or cancelling the follow-up tasks playbooks create for customers in one's scope. */
    WORK_TASKS,
    SEE_PERSONAL_DATA,
    /** Erasing a customer's personal data on request (PIPL) cannot be undone, so it is an admin's alone. */
    ERASE_PERSONAL_DATA
}
