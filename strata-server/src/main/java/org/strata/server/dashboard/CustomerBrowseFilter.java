package org.strata.server.dashboard;

/**
 * What the console's customer list shows: blank fields do not restrict. {@code tier} and {@code tag} are of
 * {@code scheme}; {@code stage} is a tier of the published {@value CustomerBrowser#LIFECYCLE_SCHEME} scheme.
 *
 * @param sort one of {@link CustomerBrowser#SORTS}, optionally followed by {@code ,asc} or {@code ,desc}
 */
public record CustomerBrowseFilter(String q, String scheme, String tier, String tag, String stage, Long owner,
                                   String region, String industry, String sort) {

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
