package org.agora.cite;

import org.agora.config.SiteConfig;
import org.agora.content.FrontMatter;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;
import org.agora.model.TranslationGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the {@link Citation} of each citable document (a document whose type the site lists under
 * {@code citable:}) from its page, its front matter, its attachments and its translations, and says where
 * its citation files go.
 */
public final class Citations {

    /** Where a document's citation files are written: site paths beside its page. */
    public record Downloads(String ris, String bibtex, String cslJson) {}

    private final Library library;
    private final SiteConfig config;
    private final SiteUrls urls;

    public Citations(Library library) {
        this.library = library;
        this.config = library.config();
        this.urls = SiteUrls.of(config);
    }

    public static boolean isCitable(Page page, SiteConfig config) {
        return page.kind() == PageKind.PAGE && page.document() != null && config.isCitable(page.type());
    }

    /**
     * The citation of a citable document, empty for any other page.
     * @param files its attachments, with absolute URLs
     */
    public Optional<Citation> of(Page page, List<Citation.File> files) {
        if (!isCitable(page, config)) return Optional.empty();
        FrontMatter.Publication pub = page.document().frontMatter().publication();
        String publisher = pub.publisher() != null ? pub.publisher() : config.title().in(page.language(), config.defaultLanguage());
        Citation.Kind kind = pub.isbn() != null ? Citation.Kind.BOOK : Citation.Kind.REPORT;
        String title = page.title() != null ? page.title() : page.document().source().baseName();
        Optional<Page> original = originalOf(page);
        List<Citation.Version> translations = new ArrayList<>();
        TranslationGroup group = library.groupOf(page);
        if (group != null) {
            for (var l : config.languages()) {
                group.in(l.code()).filter(p -> p != page && p.document() != null).ifPresent(p -> translations.add(version(p)));
            }
        }
        return Optional.of(new Citation(idOf(page), kind, title, pub.authors(), publisher, page.date(), languageTag(page.language()),
                urls.absolute(page.path()), pub.doi(), pub.isbn(), page.summary(), files, translations,
                original.filter(p -> p != page).map(this::version).orElse(null)));
    }

    /**
     * The version the others translate: the default language's, else the first language's that has one, as the
     * translation report and the x-default link take it.
     */
    public Optional<Page> originalOf(Page page) {
        TranslationGroup group = library.groupOf(page);
        if (group == null) return Optional.of(page);
        Optional<Page> p = group.in(config.defaultLanguage()).filter(x -> x.document() != null);
        if (p.isPresent()) return p;
        return config.languages().stream().map(l -> group.in(l.code())).flatMap(Optional::stream)
                .filter(x -> x.document() != null).findFirst();
    }

    private Citation.Version version(Page p) {
        return new Citation.Version(p.language(), p.title(), urls.absolute(p.path()));
    }

    private String languageTag(String code) { return config.language(code).locale().toLanguageTag(); }

    /** The last part of the translation group's key ("resources/annual-report-2025" → "annual-report-2025"). */
    private static String idOf(Page page) {
        String key = page.groupKey();
        String last = key.substring(key.lastIndexOf('/') + 1);
        return last.isBlank() ? "document" : last;
    }

    /**
     * Beside the page and named after it, as the calendar file of an event ("/en/resources/report/report.ris"),
     * so a download has a telling name; empty for a page that is not citable.
     */
    public static Optional<Downloads> downloadsOf(Page page, SiteConfig config) {
        if (!isCitable(page, config)) return Optional.empty();
        String path = page.path();
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        String name = path.endsWith("/") ? lastSegment(path.substring(0, path.length() - 1))
                : withoutExtension(path.substring(path.lastIndexOf('/') + 1));
        String base = dir + (name.isEmpty() ? "citation" : name);
        return Optional.of(new Downloads(base + ".ris", base + ".bib", base + ".csl.json"));
    }

    private static String lastSegment(String path) { return path.substring(path.lastIndexOf('/') + 1); }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
