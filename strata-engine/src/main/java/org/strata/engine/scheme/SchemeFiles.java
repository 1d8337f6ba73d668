package org.strata.engine.scheme;

import org.strata.engine.score.ScoreError;
import org.strata.engine.i18n.LocalizedArgumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.strata.engine.score.Presets;
import org.strata.engine.score.TierScheme;

/**
 * What {@code strata score --scheme X} means: a YAML scheme file (X ends in .yaml/.yml), a model preset of batch
 * scoring (rfm11, rfm8, abc, pyramid, lifecycle) or a scheme preset (retail, b2b_manufacturing ...).
 */
public final class SchemeFiles {

    private SchemeFiles() {
    }

    /**
     * @throws SchemeYamlException      when the file is not a valid scheme (every problem with line and field)
     * @throws IllegalArgumentException when X is neither a file nor a preset, naming the presets
     */
    public static TierScheme tierScheme(String presetOrFile, LocalDate asOf) {
        String lower = presetOrFile.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            Path file = Path.of(presetOrFile);
            if (!Files.isRegularFile(file)) {
                throw new LocalizedArgumentException(ScoreError.NO_SUCH_FILE.with("--scheme", file.toString()));
            }
            try {
                return new SchemeTierScheme(SchemeYaml.read(Files.readString(file, StandardCharsets.UTF_8)), asOf);
            } catch (SchemeYamlException e) {
                throw new SchemeFileException(file, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // the model presets of batch scoring come first: abc, pyramid and lifecycle name one of each kind, and
        // batch scoring's own keep the caller's RFM bins
        try {
            return Presets.named(presetOrFile).scheme();
        } catch (IllegalArgumentException notModelPreset) {
            return SchemePresets.find(lower).<TierScheme>map(preset -> new SchemeTierScheme(preset, asOf))
                    .orElseThrow(() -> new LocalizedArgumentException(ScoreError.UNKNOWN_SCHEME.with(presetOrFile,
                            Presets.keys(), SchemePresets.KEYS)));
        }
    }
}
