package org.strata.server.playbook.task;

import java.util.Arrays;
import org.strata.server.playbook.PlaybookBadRequestException;

/** The states a task list filters by, with labels in both languages. */
enum TaskState {

    DUE("due", "待办", "Due"),
    OVERDUE("overdue", "已逾期", "Overdue"),
    DONE("done", "已完成", "Done"),
    CANCELLED("cancelled", "已取消", "Cancelled");

    final String code;
    final String zh;
    final String en;

    TaskState(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    static TaskState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new PlaybookBadRequestException("state", "'" + code
                        + "' is not one of due, overdue, done, cancelled"));
    }
}
