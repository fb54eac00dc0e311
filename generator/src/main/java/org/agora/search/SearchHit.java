package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * One result.
 * @param doc the document's number in its language's index (also its number in the exported files)
 */
public record SearchHit(String language, int doc, float score, String path, String url, String title, String summary,
                        String date, String dateText, Map<String, List<String>> facets) {

    public SearchHit {
        facets = Map.copyOf(facets);
    }
}
