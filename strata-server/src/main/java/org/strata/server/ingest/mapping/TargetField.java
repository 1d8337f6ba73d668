package org.strata.server.ingest.mapping;

import java.util.List;

/**
 * A field of an import record that a file column (or a JSON property) can fill. Implemented by one enum per
 * {@link org.strata.server.ingest.ImportKind}; the enum's ordinal indexes the column mapping.
 */
public interface TargetField {

    /** The canonical name: used in {@code --mapping}, in JSON items and in error reports, e.g. {@code amount}. */
    String fieldName();

    /** Header names that are guessed to mean this field, in any case, with or without spaces/underscores/dashes. */
    List<String> headerAliases();

    int ordinal();
}
