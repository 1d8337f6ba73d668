package org.strata.server.i18n;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.boot.jackson.JacksonMixin;
import org.strata.engine.rule.Diagnostic;
import org.strata.engine.scheme.YamlProblem;

/** Adds the stable {@code code} of each located problem to its JSON, next to its (translated) message. */
@JacksonMixin(type = {Diagnostic.class, YamlProblem.class})
abstract class ProblemCodeMixin {

    @JsonProperty("code")
    abstract String code();
}
