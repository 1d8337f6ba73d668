package org.strata.server.playbook.task;

import java.time.Instant;
import java.util.List;

public record SlaPolicyView(long id, String scheme, String tier, String kind, String kindZh, String kindEn, int hours,
                            List<String> contactTypes, String nameZh, String nameEn, boolean enabled,
                            Instant createdAt) {

    static String kindZh(String kind) {
        return kind.equals("first_contact") ? "进入后首次联系时限" : "最长联系间隔";
    }

    static String kindEn(String kind) {
        return kind.equals("first_contact") ? "First contact after entering" : "Longest time between contacts";
    }
}
