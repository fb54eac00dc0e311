package org.agora.search;

import java.util.List;

/**
 * The fields of the search index. Text fields are scored with BM25 and weighted by a boost; the browser
 * runtime receives the same names and boosts in the manifest, so both sides build the same query.
 */
public final class SearchFields {

    private SearchFields() {}

    /** A scored text field and its weight in a query. Boosts are powers of two so that float products stay exact. */
    public record TextField(String name, float boost) {}

    public static final TextField TITLE = new TextField("title", 4f);
    public static final TextField HEADINGS = new TextField("headings", 2f);
    public static final TextField SUMMARY = new TextField("summary", 2f);
    public static final TextField BODY = new TextField("body", 1f);
    /**
     * The text of the document's PDF attachments. Half the body's weight: the page editors wrote says what the
     * document is about, while a word on page 30 of a report may be a passing mention; a word found only in
     * the attachment still finds the document. (A power of two, as the other boosts.)
     */
    public static final TextField ATTACHMENTS = new TextField("attachments", 0.5f);

    /**
     * The parts of the words of all the text above ({@link WordParts} of identifiers, the words of Dutch
     * compounds), without the words themselves: a query word that is only a part of a document's word finds it
     * at half the body's weight, so a document with the word itself comes first.
     */
    public static final TextField PARTS = new TextField("parts", 0.5f);

    /** In this order everywhere: the order of the per-field flags in the exported postings. */
    public static final List<TextField> TEXT = List.of(TITLE, HEADINGS, SUMMARY, BODY, ATTACHMENTS, PARTS);

    /** The words as readers type them (lower-cased, folded, not stemmed): prefix matching and "did you mean". */
    public static final String WORDS = "words";

    /** Unique key of a document: its site path. */
    public static final String PATH = "path";
    public static final String URL = "url";
    public static final String DATE = "date";
    public static final String DATE_TEXT = "dateText";
    /** How a machine translation was made ("machine", "machine-reviewed"), stored for results to say so. */
    public static final String TRANSLATION = "translation";
    /** Orders documents newest first, so that identical scores and plain browsing list recent documents first. */
    public static final String SORT_DATE = "sortDate";
    /** Fingerprint of everything indexed for a document: an unchanged document is not indexed again. */
    public static final String FINGERPRINT = "fingerprint";
    /** Body text kept for excerpts (stored, not searched). */
    public static final String TEXT_STORED = "text";
    /** Each attachment with text, in the document's order: title, link and text (stored, for results and excerpts). */
    public static final String ATTACHMENT_TITLE = "attachmentTitle";
    public static final String ATTACHMENT_URL = "attachmentUrl";
    public static final String ATTACHMENT_TEXT = "attachmentText";

    public static final String TYPE = "type";
    public static final String YEAR = "year";
    public static final String LANGUAGE = "language";
}
