package org.strata.cli;

import org.strata.engine.i18n.MessageBundles;
import org.strata.engine.i18n.MessageKey;

/** What the commands print besides the engine's and the server's own texts; in org/strata/cli/texts*.properties. */
enum CliText implements MessageKey {
    NO_SUCH_FILE("cli.no_such_file", "file"),
    IMPORT_FAILED("cli.import.failed", "message"),
    REJECTED_ROWS("cli.import.rejected_rows", "report"),
    NO_ORDERS("cli.score.no_orders", "file"),
    SKIPPED_WITHOUT_CUSTOMER("cli.score.skipped_without_customer", "rows"),
    SCORED("cli.score.scored", "customers", "orders", "day", "ms", "out"),
    TIERS("cli.score.tiers", "counts");

    static final String BUNDLE = "org.strata.cli.texts";

    private final Definition definition;

    CliText(String code, String... parameters) {
        this.definition = new Definition(BUNDLE, code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
