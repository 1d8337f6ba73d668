package org.strata.server.ingest.mapping;

import java.util.List;

/**
 * A field of an import record that a file column (or a JSON member) can fill. Implemented by one enum per
 * {@link org.strata.server.ingest.ImportKind}; the enum's ordinal indexes the column mapping.
 */
public interface TargetField {

    /** The field's name and the header names guessed to mean it. */
    FieldSpec spec();

    int ordinal();

    /** The canonical name: used in {@code --mapping}, in JSON items and in error reports, e.g. {@code amount}. */
    default String fieldName() {
        return spec().name();
    }

    /** Header names that are guessed to mean this field, in any case, with or without spaces/underscores/dashes. */
    default List<String> headerAliases() {
        return spec().headerAliases();
    }

    /**
     * @param name          the canonical field name
     * @param headerAliases header names guessed to mean the field, strongest suggestion first
     */
    record FieldSpec(String name, List<String> headerAliases) {

        public FieldSpec {
            headerAliases = List.copyOf(headerAliases);
        }

        static FieldSpec of(String name, String... headerAliases) {
            return new FieldSpec(name, List.of(headerAliases));
        }
    }
}
