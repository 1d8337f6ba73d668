package org.strata.engine.i18n;

/** Texts shared by every area. */
public enum CommonText implements MessageKey {
    /** A text without translation, shown as given. */
    TEXT("error.text", "text"),
    /** One problem among several, with where it is: "line:column: problem". */
    AT_POSITION("error.at_position", "line", "column", "problem"),
    /** Glue for lists of names in running text ("a, b, c" / "a、b、c"). */
    LIST_SEPARATOR("error.list_separator"),
    /** Glue for lists of whole problems ("no column for a; no column for b" / "…；…"). */
    ITEM_SEPARATOR("error.item_separator");

    private final Definition definition;

    CommonText(String code, String... parameters) {
        this.definition = new Definition(MessageBundles.ENGINE, code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
