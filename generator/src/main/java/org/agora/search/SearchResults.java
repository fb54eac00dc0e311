package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * @param total every matching document, not only this page's
 * @param facets facet field → value → number of matching documents carrying it
 * @param suggestions corrected queries, given only when nothing matched
 */
public record SearchResults(int total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets,
                            List<String> suggestions) {

    public SearchResults {
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
    }
}
