package org.strata.server.ingest.mapping;

import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping the user gives explicitly: target field name → header name or 1-based column number. It wins over the
 * automatic guesses. Written as {@code customer_id=客户编号,amount=实付金额,ordered_at=3} on the command line, or
 * one {@code field=header} per line in a mapping file ({@code #} starts a comment; UTF-8).
 * <p>
 * A value that is a number is a column number unless a header with exactly that text exists.
 */
public record MappingSpec(Map<String, String> columnsByField) {

    public static final MappingSpec NONE = new MappingSpec(Map.of());

    public MappingSpec {
        columnsByField = Collections.unmodifiableMap(new LinkedHashMap<>(columnsByField));
    }

    /** Parses {@code field=header,field=header}; blank or null gives {@link #NONE}. */
    public static MappingSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return fromEntries(List.of(text.split(",")), "--mapping");
    }

    /**
     * What a {@code --mapping} option holds: the path of an existing mapping file, or the mapping itself. A mapping
     * text always contains {@code =}, which file names rarely do; an existing file wins.
     */
    public static MappingSpec fromArgument(String argument) throws IOException {
        if (argument == null || argument.isBlank()) {
            return NONE;
        }
        try {
            Path file = Path.of(argument.strip());
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        } catch (java.nio.file.InvalidPathException notAPath) {
            // a mapping text with characters no path may hold; read it as a mapping
        }
        return parse(argument);
    }

    /** Reads a mapping file: one {@code field=header} per line, {@code #} comments, UTF-8 (a BOM is ignored). */
    public static MappingSpec read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return fromEntries(lines.stream().filter(l -> !l.strip().startsWith("#")).toList(), file.getFileName().toString());
    }

    private static MappingSpec fromEntries(List<String> entries, String where) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1 || entry.substring(eq + 1).isBlank()) {
                throw new ImportFileException(ImportMessages.malformedMappingEntry(entry.strip(), where));
            }
            map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return new MappingSpec(map);
    }

    public boolean isEmpty() {
        return columnsByField.isEmpty();
    }
}
