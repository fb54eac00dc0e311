package org.agora.search;

/**
 * Where the browser's search index is published: one folder of Agora's own at the top of the output. Its name
 * is not "search", because Hugo sites have a search page there (/search/ when the default language is at the
 * root), and a page folder full of index files would be both.
 */
public final class SearchLayout {

    private SearchLayout() {}

    /** The folder, below the output folder, without slashes. */
    public static final String OUTPUT_FOLDER = "agora-search";

    /** The folder of the build cache that holds one Lucene index per language ({@code CACHE_FOLDER/en/}). */
    public static final String CACHE_FOLDER = "search";

    /** The runtime module the search pages load, below the output folder. */
    public static final String MODULE = OUTPUT_FOLDER + "/agora-search.js";
}
