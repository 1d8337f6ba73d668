package org.strata.server.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How users write import kinds on the command line and in the API: customers, orders, order-lines, events. */
public final class ImportKindNames {

    private ImportKindNames() {
    }

    public static String nameOf(ImportKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the valid kinds */
    public static ImportKind parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(ImportKind.values()).filter(kind -> nameOf(kind).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown import kind \"" + name + "\"; expected one of "
                        + Arrays.stream(ImportKind.values()).map(ImportKindNames::nameOf)
                        .collect(Collectors.joining(", "))));
    }
}
