package org.strata.engine.score;

import org.strata.engine.i18n.MessageBundles;
import org.strata.engine.i18n.MessageKey;

/** Refused settings of batch scoring ({@code strata score}); texts in the engine bundle. */
public enum ScoreError implements MessageKey {
    BINS("score.error.bins", "bins"),
    RFM11_BINS("score.error.rfm11_bins", "bins"),
    UNKNOWN_PRESET("score.error.unknown_preset", "scheme", "presets"),
    UNKNOWN_SCHEME("score.error.unknown_scheme", "scheme", "presets", "schemes"),
    NO_SUCH_FILE("score.error.no_such_file", "option", "file");

    private final Definition definition;

    ScoreError(String code, String... parameters) {
        this.definition = new Definition(MessageBundles.ENGINE, code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
