package org.strata.engine.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Ready-made schemes shipped as YAML resources (the same format users export and import), so a preset is read by the
 * very code that reads a user's file.
 */
public final class SchemePresets {

    /** Preset keys in the order a user sees them. */
    public static final List<String> KEYS = List.of("rfm_11_segments", "rfm_8_classes", "abc", "pyramid",
            "lifecycle", "retail", "b2b_manufacturing");

    private SchemePresets() {
    }

    public static List<TieringScheme> all() {
        return KEYS.stream().map(SchemePresets::load).toList();
    }

    public static Optional<TieringScheme> find(String key) {
        return KEYS.contains(key) ? Optional.of(load(key)) : Optional.empty();
    }

    /** The preset's YAML text, as it would be exported. */
    public static String yaml(String key) {
        String resource = "presets/" + key + ".yaml";
        try (InputStream in = SchemePresets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TieringScheme load(String key) {
        return SchemeYaml.read(yaml(key));
    }
}
