package org.strata.server.playbook;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What fires a playbook, with its labels in both languages. */
public enum TriggerKind {

    ENTERED_TIER("entered_tier", "进入层级", "Entered a tier"),
    LEFT_TIER("left_tier", "离开层级", "Left a tier"),
    STAYED_IN_TIER("stayed_in_tier", "在层级停留满 N 天", "Stayed in a tier for N days"),
    STAGE_CHANGED("stage_changed", "生命周期阶段变化", "Lifecycle stage changed"),
    WARNING_RAISED("warning_raised", "触发流失预警", "Churn warning raised"),
    SLA_BREACHED("sla_breached", "SLA 违约", "SLA breached"),
    TAG_ADDED("tag_added", "添加标签", "Tag added"),
    TAG_REMOVED("tag_removed", "移除标签", "Tag removed");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    TriggerKind(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Triggers on the moves of a tiering scheme: they need a scheme. */
    public boolean needsScheme() {
        return this != WARNING_RAISED && this != SLA_BREACHED;
    }

    public boolean needsTier() {
        return this == ENTERED_TIER || this == LEFT_TIER || this == STAYED_IN_TIER;
    }

    public boolean needsTag() {
        return this == TAG_ADDED || this == TAG_REMOVED;
    }

    public static TriggerKind of(String code, String pointer) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new PlaybookBadRequestException(pointer, "unknown trigger '" + code
                        + "'; one of " + codes()));
    }

    static String codes() {
        return Arrays.stream(values()).map(TriggerKind::code).collect(Collectors.joining(", "));
    }
}
