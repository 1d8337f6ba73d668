package org.strata.server.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.Console;
import java.util.Arrays;

/**
 * There is no default password. A database nobody can sign in to gets its first administrator from
 * STRATA_ADMIN_USER / STRATA_ADMIN_PASSWORD, or from the console when a person is there to answer; otherwise the
 * server refuses to start (the command line calls {@link #ensure(boolean)} before serving).
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccounts users;
    private final AuditLog audit;
    private final String username;
    private final String password;

    FirstAdministrator(UserAccounts users, AuditLog audit, @Value("${strata.admin.username:}") String username,
                       @Value("${strata.admin.password:}") String password) {
        this.users = users;
        this.audit = audit;
        this.username = username;
        this.password = password;
    }

    /**
     * Makes sure someone can sign in.
     *
     * @param askOnConsole whether to ask for the credentials when the environment does not give them
     * @throws IllegalStateException when nobody can sign in and no administrator could be set up
     */
    public void ensure(boolean askOnConsole) {
        if (users.anyoneCanSignIn()) {
            return;
        }
        if (!username.isBlank() && !password.isBlank()) {
            create(username.trim(), password, "environment");
            return;
        }
        Console console = System.console();
        if (askOnConsole && console != null) {
            console.printf("Nobody can sign in to this Strata database yet. Create the first administrator.%n");
            String name = console.readLine("Administrator user name: ");
            char[] first = console.readPassword("Password (at least %d characters): ", PasswordPolicy.MIN_LENGTH);
            char[] again = console.readPassword("Password again: ");
            if (name == null || first == null || !Arrays.equals(first, again)) {
                throw new IllegalStateException("The two passwords differ (or input ended); no administrator created.");
            }
            create(name.trim(), new String(first), "console");
            return;
        }
        throw new IllegalStateException("Nobody can sign in to this database yet and there is no default password. "
                + "Set STRATA_ADMIN_USER and STRATA_ADMIN_PASSWORD (at least " + PasswordPolicy.MIN_LENGTH
                + " characters) for the first start, or start Strata from a terminal to be asked.");
    }

    private void create(String name, String secret, String from) {
        if (name.isEmpty()) {
            throw new IllegalStateException("The administrator's user name is empty.");
        }
        try {
            users.create(name, name, null, null, Role.ADMIN, null, secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot create the first administrator: " + e.getMessage(), e);
        }
        audit.record(new AuditEntry("system", "user.create", name, "first administrator, from the " + from,
                AuditEntry.SUCCESS, null));
        log.info("Created the first administrator '{}' (from the {}).", name, from);
    }
}
