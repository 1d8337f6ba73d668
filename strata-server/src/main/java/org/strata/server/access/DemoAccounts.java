package org.strata.server.access;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * One sign-in per role for the demo company, so that each scope can be tried: the sales staff the demo generator
 * created get roles (their customers and teams make the scopes meaningful), admin and analyst are added. There is
 * no default password: each demo start generates new ones, which the command prints.
 */
@Component
public class DemoAccounts {

    /** username, display name, role; staff users keep the team the demo company gave them. */
    private record Account(String username, String displayName, Role role) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "管理员", Role.ADMIN),
            new Account("huang.lei", "黄磊", Role.MANAGER),
            new Account("analyst", "数据分析师", Role.ANALYST),
            new Account("zhang.wei", "张伟", Role.SALES_REP),
            new Account("li.na", "李娜", Role.VIEWER));

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final UserAccounts users;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(UserAccounts users) {
        this.users = users;
    }

    /** A demo sign-in as printed for the person trying Strata. */
    public record Credentials(String username, String role, String scope, String password) {
    }

    @Transactional
    public List<Credentials> createWithNewPasswords() {
        List<Credentials> created = new ArrayList<>();
        for (Account account : ACCOUNTS) {
            String password = password();
            users.create(account.username(), account.displayName(), null, null, account.role(), null, password);
            created.add(new Credentials(account.username(), account.role().code(),
                    users.roleScope(account.role()).code(), password));
        }
        return created;
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
