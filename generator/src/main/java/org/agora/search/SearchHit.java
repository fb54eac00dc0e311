package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * One result.
 * @param doc the document's number in its language's index (also its number in the exported files)
 * @param attachment the attachment whose text holds the result's best passage (the excerpt comes from it), or
 *                   null when the document's own text does; {@link #url} is the document's page either way
 */
public record SearchHit(String language, int doc, float score, String path, String url, String title, String summary,
                        String date, String dateText, Map<String, List<String>> facets, Attachment attachment) {

    public SearchHit {
        facets = Map.copyOf(facets);
    }

    /** An attachment named by a result: its title and link (base path included). */
    public record Attachment(String title, String url) {}

    public SearchHit withAttachment(Attachment a) {
        return new SearchHit(language, doc, score, path, url, title, summary, date, dateText, facets, a);
    }
}
