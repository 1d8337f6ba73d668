package org.strata.server.playbook.warning;

import java.util.Arrays;
import org.strata.server.playbook.PlaybookBadRequestException;

/** The churn signals Strata watches, with their labels in both languages. */
public enum ChurnSignal {

    PURCHASE_GAP("purchase_gap", "购买间隔异常", "Purchase overdue"),
    LOGINS_DOWN("logins_down", "登录骤降", "Logins dropped"),
    QUIET_AFTER_ACTIVE("quiet_after_active", "活跃后沉寂", "Quiet after being active");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    ChurnSignal(String code, String labelZh, String labelEn) {
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

    static ChurnSignal of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new PlaybookBadRequestException("signal", "'" + code + "' is not one of "
                        + Arrays.stream(values()).map(ChurnSignal::code).toList()));
    }
}
