package org.strata.server.tiering;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** Where features come from: the database, in bulk. */
interface FeatureSource {

    /**
     * Features of every current customer as of {@code asOf}, with the model columns (RFM scores, segments, ABC ...)
     * which rank customers against each other and so need all of them.
     */
    FeatureSnapshot loadAll(LocalDate asOf);

    /**
     * Features of only these customers, without model columns (a model over a few customers would rank them
     * against each other only): enough for rules over a customer's own features, which live updates use.
     */
    FeatureSnapshot loadCustomers(LocalDate asOf, Collection<Long> customerIds);

    /** The names of the columns only {@link #loadAll} has. */
    Set<String> modelColumns();
}
