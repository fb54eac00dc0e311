package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * What the search index holds of one document, in the document's language.
 * @param path the site path, unique in the site ("/fr/guides-pratiques/animer/")
 * @param url the final link (base path included)
 * @param headings the text of the body's headings, one per line
 * @param body the body's text as the reader sees it (headings included)
 * @param date ISO date (yyyy-mm-dd) or null; @param dateText the same in the language's long form
 * @param sortDate days since 1970, newest first in the index; Long.MIN_VALUE when undated
 * @param facets facet field → values (type, year and every taxonomy), as stable identifiers
 * @param attachments the attachments whose text is searched too (PDFs), in the order the document lists them
 * @param translation "machine" or "machine-reviewed" for a machine translation (results say so), else null
 */
public record SearchDocument(
        String path,
        String language,
        String url,
        String title,
        String headings,
        String summary,
        String body,
        String date,
        String dateText,
        long sortDate,
        Map<String, List<String>> facets,
        List<SearchAttachment> attachments,
        String translation) {

    public SearchDocument {
        facets = Map.copyOf(facets);
        attachments = List.copyOf(attachments);
    }

    /** A document written by people, or whose making does not matter to the caller. */
    public SearchDocument(String path, String language, String url, String title, String headings, String summary,
                          String body, String date, String dateText, long sortDate, Map<String, List<String>> facets,
                          List<SearchAttachment> attachments) {
        this(path, language, url, title, headings, summary, body, date, dateText, sortDate, facets, attachments, null);
    }
}
