package org.strata.server.playbook;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a playbook does, with its labels in both languages. External actions call another system. */
public enum ActionKind {

    TASK("task", "创建任务", "Create a task", false),
    ASSIGN_OWNER("assign_owner", "分配负责人", "Assign the owner", false),
    ADD_TAG("add_tag", "添加标签", "Add a tag", false),
    REMOVE_TAG("remove_tag", "移除标签", "Remove a tag", false),
    WEBHOOK("webhook", "调用 Webhook", "Call a webhook", true),
    WECOM("wecom", "企业微信群机器人", "WeCom group robot", true),
    DINGTALK("dingtalk", "钉钉群机器人", "DingTalk group robot", true),
    FEISHU("feishu", "飞书群机器人", "Feishu group robot", true),
    EMAIL("email", "发送邮件", "Send an e-mail", true);

    private final String code;
    private final String labelZh;
    private final String labelEn;
    private final boolean external;

    ActionKind(String code, String labelZh, String labelEn, boolean external) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.external = external;
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

    public boolean external() {
        return external;
    }

    public static ActionKind of(String code, String pointer) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new PlaybookBadRequestException(pointer, "unknown action '" + code
                        + "'; one of " + Arrays.stream(values()).map(ActionKind::code)
                        .collect(Collectors.joining(", "))));
    }
}
