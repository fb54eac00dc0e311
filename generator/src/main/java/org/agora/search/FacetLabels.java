package org.agora.search;

/** How facets read in a language: field names ("Thèmes") and values ("Belgique" for be). */
public interface FacetLabels {

    String field(String language, String field);

    String value(String language, String field, String value);
}
