package org.agora.bench;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.content.ContentSet;
import org.agora.content.ContentScanner;
import org.agora.content.FrontMatterParser;
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.model.Library;
import org.agora.model.LibraryBuilder;
import org.agora.model.Page;
import org.agora.model.PageKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The documents the benchmark edits, with the address of their page. Both come from the generator's own
 * first stages (config, content, front matter, library), so slugs, {@code url:} fields and {@code page.fr.md}
 * files land where the site puts them; drafts have no page and are left out.
 */
final class SitePages {

    /** A Markdown file and its page, as a path below the site's base URL ("/fr/guides/animer/"). */
    record Document(Path file, String language, String path) {}

    private SitePages() {}

    /** The published documents of the site, or an exception naming the site's first error. */
    static List<Document> documents(Path site) {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = new ConfigLoader().load(site, diagnostics)
                .orElseThrow(() -> new IllegalArgumentException("the site's configuration does not load: " + diagnostics.sorted()));
        ContentSet content = new ContentScanner().scan(config, diagnostics);
        FrontMatterParser frontMatter = new FrontMatterParser(config);
        List<ParsedDocument> parsed = content.markdown().stream().map(s -> frontMatter.parse(s, diagnostics)).toList();
        Library library = new LibraryBuilder(config, diagnostics).build(parsed, content.staticFiles(), false);
        List<Document> documents = new ArrayList<>();
        for (Page page : library.pages()) {
            if (page.kind() == PageKind.PAGE) {
                page.sourceFile().ifPresent(file -> documents.add(new Document(file, page.language(), page.path())));
            }
        }
        return documents;
    }

    /**
     * The order of the edits: each language in turn (so every language is edited), and within a language
     * a fixed shuffle, so a run edits documents of every type, never the same one twice, and the same
     * documents on every run of the same site.
     */
    static List<Document> editOrder(List<Document> documents, long seed) {
        Map<String, List<Document>> byLanguage = new TreeMap<>();
        documents.stream().sorted(Comparator.comparing(Document::path))
                .forEach(d -> byLanguage.computeIfAbsent(d.language(), k -> new ArrayList<>()).add(d));
        Random random = new Random(seed);
        List<Iterator<Document>> languages = new ArrayList<>();
        for (List<Document> inLanguage : byLanguage.values()) {
            Collections.shuffle(inLanguage, random);
            languages.add(inLanguage.iterator());
        }
        List<Document> order = new ArrayList<>();
        for (boolean more = true; more; ) {
            more = false;
            for (Iterator<Document> language : languages) {
                if (language.hasNext()) {
                    order.add(language.next());
                    more = true;
                }
            }
        }
        return order;
    }
}
