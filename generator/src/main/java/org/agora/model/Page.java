package org.agora.model;

import org.agora.content.PageDate;
import org.agora.content.ParsedDocument;

import java.util.List;
import java.util.Map;

/**
 * One page of the site in one language, with its place (site path) already decided.
 * @param path the site path below the base URL, always starting with '/' ("/fr/guides-pratiques/animer/")
 * @param groupKey shared by a page and its translations
 * @param sectionKey for documents and sections, the content folder they belong to ("guides"); "" at the top
 * @param document the parsed source, or null for pages the generator makes (taxonomies, missing sections)
 * @param taxonomy for TAXONOMY and TERM pages, the taxonomy's field name
 * @param term for TERM pages, the term's slug
 */
public record Page(
        PageKind kind,
        String language,
        String groupKey,
        String path,
        String title,
        PageDate date,
        PageDate lastmod,
        String type,
        String sectionKey,
        Integer weight,
        String summary,
        Map<String, List<String>> terms,
        ParsedDocument document,
        String taxonomy,
        String term) {

    public Page {
        terms = Map.copyOf(terms);
    }

    /** The file this page is written to, relative to the output folder. */
    public String outputPath() { return outputPathOf(path); }

    public static String outputPathOf(String sitePath) {
        String rel = sitePath.substring(1);
        if (rel.isEmpty()) return "index.html";
        if (rel.endsWith("/")) return rel + "index.html";
        int slash = rel.lastIndexOf('/');
        return rel.substring(slash + 1).contains(".") ? rel : rel + "/index.html";
    }

    public boolean isGenerated() { return document == null; }

    /** The folder a page's own files go in: "/fr/posts/" for "/fr/posts/" and, with uglyURLs, "/fr/posts.html". */
    public static String folderOf(String sitePath) {
        return sitePath.endsWith(".html") ? sitePath.substring(0, sitePath.length() - ".html".length()) + "/" : sitePath;
    }

    /**
     * Whether readers find this page as a document (in search, related documents and the library's counts):
     * every document, and a home, section, taxonomy or term page whose Markdown has text of its own (Hugo
     * documentation sites keep much of their text in _index.md files).
     */
    public boolean isDocument() {
        if (kind == PageKind.PAGE) return true;
        if (document == null || kind == PageKind.SEARCH || kind == PageKind.LIBRARY) return false;
        return document.markdown().hasText();
    }

    /** The same page with its source read again (the live preview, after a save that changed only the text). */
    public Page withDocument(ParsedDocument newer) {
        return new Page(kind, language, groupKey, path, title, date, lastmod, type, sectionKey, weight, summary, terms,
                newer, taxonomy, term);
    }

    public java.util.Optional<java.nio.file.Path> sourceFile() {
        return document == null ? java.util.Optional.empty() : java.util.Optional.of(document.source().file());
    }
}
