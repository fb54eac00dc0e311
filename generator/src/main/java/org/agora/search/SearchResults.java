package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * @param total every matching document, not only this page's
 * @param facets facet field → value → number of matching documents carrying it
 * @param suggestions corrected queries, given when a word of the query is in no document (or nothing matched)
 * @param partial when no document has every word: how many of them the results have (null otherwise)
 * @param unknownWords the words, as typed, that no document has (the results may have their closest words)
 */
public record SearchResults(int total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets,
                            List<String> suggestions, Partial partial, List<String> unknownWords) {

    public SearchResults {
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
        unknownWords = List.copyOf(unknownWords);
    }

    /** Results that have {@code matched} of the query's {@code of} words (in the reader's language's analysis). */
    public record Partial(int matched, int of) {}
}
