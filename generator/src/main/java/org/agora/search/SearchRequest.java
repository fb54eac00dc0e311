package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * One search, as the browser's {@code engine.search(query, options)} receives it.
 * @param language the reader's language (its index is searched alone unless allLanguages)
 * @param filters facet field → accepted values: any value of a field, every field
 * @param prefix read the last word as the beginning of a word (search as you type)
 * @param page 1-based
 */
public record SearchRequest(String query, String language, boolean allLanguages, Map<String, List<String>> filters,
                            boolean prefix, int page, int pageSize) {

    public SearchRequest {
        // A field with no accepted value filters nothing (as in the browser), rather than everything.
        Map<String, List<String>> kept = new java.util.TreeMap<>();
        filters.forEach((field, values) -> { if (values != null && !values.isEmpty()) kept.put(field, List.copyOf(values)); });
        filters = Map.copyOf(kept);
        if (page < 1) throw new IllegalArgumentException("page starts at 1");
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be positive");
    }

    public static SearchRequest of(String query, String language) {
        return new SearchRequest(query, language, false, Map.of(), false, 1, 10);
    }
}
