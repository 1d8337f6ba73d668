package org.strata.server.i18n;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.boot.jackson.JacksonMixin;
import org.strata.engine.i18n.Message;
import org.strata.engine.scheme.SchemeProblem;

/**
 * A scheme's rule problem in JSON: its stable {@code code}, and {@code where} — the tier or tag in the reader's words
 * ("层级 vip") next to {@code part}, which stays an identifier ("tier vip").
 */
@JacksonMixin(type = SchemeProblem.class)
abstract class SchemeProblemMixin {

    @JsonProperty("code")
    abstract String code();

    @JsonProperty("where")
    abstract Message where();
}
