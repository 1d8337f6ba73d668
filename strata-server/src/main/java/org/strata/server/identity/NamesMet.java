package org.strata.server.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The distinct names (owners, teams) a bulk load's records give, remembered while they are staged so that they need
 * not be read back from the stage: a file names a few dozen owners among a million customers. Past {@link #LIMIT}
 * distinct names it stops remembering, and the names are read from the stage instead.
 */
final class NamesMet {

    static final int LIMIT = 10_000;

    private Set<String> names = new HashSet<>();

    void add(String name) {
        if (name != null && names != null && names.add(name) && names.size() > LIMIT) {
            names = null;
        }
    }

    /** The distinct names met, or empty when there were too many to remember. */
    Optional<List<String>> names() {
        return Optional.ofNullable(names).map(List::copyOf);
    }
}
