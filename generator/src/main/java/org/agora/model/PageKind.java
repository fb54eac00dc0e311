package org.agora.model;

public enum PageKind {
    /** A language's home page. */
    HOME,
    /** A folder of documents, with or without an _index.md. */
    SECTION,
    /** A document. */
    PAGE,
    /** The list of terms of one taxonomy ("Themes"). */
    TAXONOMY,
    /** The documents that carry one term ("Open data"). */
    TERM,
    /** The language's search page, filled in by the browser's search runtime. */
    SEARCH,
    /** Every document a language's readers can open, with filters by facet (a list page). */
    LIBRARY
}
