package org.strata.server.ingest;

import org.strata.engine.i18n.LocalizedArgumentException;
import java.util.Arrays;
import java.util.Locale;

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
                .orElseThrow(() -> new LocalizedArgumentException(ImportError.UNKNOWN_KIND.with(name,
                        Arrays.stream(ImportKind.values()).map(ImportKindNames::nameOf).toList())));
    }
}
