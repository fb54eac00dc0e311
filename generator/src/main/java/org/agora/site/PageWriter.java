package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.markdown.LinkRef;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Alias;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;
import org.agora.publish.ICalendar;
import org.agora.publish.Feeds;
import org.agora.publish.Redirects;
import org.agora.publish.SecurityHeaders;
import org.agora.publish.Staging;
import org.agora.render.Paginator;
import org.agora.render.TemplateRenderer;
import org.agora.render.ViewFactory;
import org.agora.render.Views;
import org.agora.search.DocumentText;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stages that write: templates applied to every page, pages and files into staging. It is made once
 * the pages' texts and related documents are final, so templates see only what is final, and list pages
 * are written after every document they list.
 */
final class PageWriter {

    private final Library library;
    /** The theme, its templates and assets, and the UI strings. */
    private final Rendering rendering;
    private final ViewFactory views;
    private final SiteUrls urls;
    private final Paginator paginator;
    private final Staging staging;
    private final EventSchedule schedule;
    private final MovedListPages movedListPages;
    private final DiscoveryFiles discovery;
    private final AtomicInteger written = new AtomicInteger();
    private final Map<String, AtomicInteger> perLanguage = new ConcurrentHashMap<>();
    private final RenderedPages rendered;
    /** Called before every page: a build that was cancelled stops there. */
    private final Runnable checkpoint;
    /** Pages made by earlier builds from the same inputs; null where nothing is kept (a check). */
    private final PageCache pages;
    /**
     * Writing in place (the preview's build after a save): the key of each page the output folder holds, by
     * output path; a page whose key is the same is left as it is. Empty when writing into a fresh folder.
     */
    private final Map<String, String> inPlace;
    /** The key of each page this build wrote, by output path, for the next build in place. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    /** Pages whose template ran: not taken from the cache nor left in place. */
    private final AtomicInteger pagesRendered = new AtomicInteger();

    /**
     * @param rendered every page's rendered Markdown and the documents' HTML
     * @param related each document's related documents (page paths, best first), by document path
     * @param inPlace when writing into the last build's folder, the key of each page it holds, by output path
     */
    PageWriter(Library library, Rendering rendering, Map<String, List<Views.AttachmentView>> attachments,
               EventSchedule schedule, MovedListPages movedListPages, Staging staging, RenderedPages rendered, Map<String, List<String>> related,
               Runnable checkpoint, PageCache pages, Map<String, String> inPlace) {
        // In the order of the fields.
        this.library = library;
        this.rendering = rendering;
        Feeds feeds = Feeds.of(library);
        this.views = new ViewFactory(library, rendering.messages(), rendering.formats(), rendered.texts(), attachments,
                Map.copyOf(related), Map.of(), schedule, feeds);
        this.urls = SiteUrls.of(library.config());
        this.paginator = new Paginator(library.config().pageSize(), urls);
        this.staging = staging;
        this.schedule = schedule;
        this.movedListPages = movedListPages;
        this.discovery = new DiscoveryFiles(library, feeds);
        this.rendered = rendered;
        this.checkpoint = checkpoint;
        this.pages = pages;
        this.inPlace = inPlace;
    }

    /** Every document's page, with its related documents. */
    Void writeDocuments(Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) return null;
        library.pages().parallelStream().filter(p -> p.kind() == PageKind.PAGE).forEach(page -> {
            RenderedMarkdown text = rendered.text(page);
            writePage(views, page, text, rendered.content(page), page.path(), List.of(), null, diagnostics);
            writeCalendar(page, text);
            writeCitation(page);
        });
        return null;
    }

    /** Home, section, taxonomy and term pages (split into pages when long), the 404 pages and the root. */
    Void writeLists(Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) return null;
        // The data of the library's live filters first: the library pages name its entry file.
        ViewFactory lists = views.withLibraryData(writeLibraryData());
        library.pages().parallelStream().filter(p -> p.kind() != PageKind.PAGE).forEach(page -> writeList(lists, page, diagnostics));
        RootPages rootPages = RootPages.of(library);
        rootPages.notFoundByOutput().forEach((output, code) -> {
            Map<String, Object> context = new HashMap<>();
            context.put("site", views.site(code));
            context.put("lang", views.language(code));
            context.put("page", views.notFound(code, rendering.messages().t(code, "notFound.title")));
            render("404.peb", context, output, diagnostics);
        });
        if (rootPages.languageChoice()) {
            Map<String, Object> root = new HashMap<>();
            root.put("site", views.site(library.config().defaultLanguage()));
            root.put("defaultHome", urls.href(library.config().languageRoot(library.config().defaultLanguage())));
            render("root.peb", root, "index.html", diagnostics);
        }
        rootPages.defaultLanguageRedirect().ifPresent(r -> write(r.output(), new Redirects(urls).page(r.to())));
        return null;
    }

    /**
     * Each language's data for the library's live filters, in files named after their content.
     * @return the URL of each language's entry file, which its library page names
     */
    private Map<String, String> writeLibraryData() {
        Map<String, String> entries = new HashMap<>();
        for (Page page : library.pages()) {
            if (page.kind() != PageKind.LIBRARY) continue;
            org.agora.render.LibraryFiles data = org.agora.render.LibraryData.of(library, views, page);
            data.files().forEach(this::write);
            entries.put(page.language(), urls.href("/" + data.entry()));
        }
        return Map.copyOf(entries);
    }

    /** A home, section, taxonomy, term, search or library page, split into pages when long. */
    private void writeList(ViewFactory views, Page page, Diagnostics diagnostics) {
        RenderedMarkdown body = rendered.list(page);
        for (Paginator.Slice slice : paginator.slices(page, schedule.paginated(page, library.listing(page)))) {
            writePage(views, page, body, org.agora.render.Html.of(body.html()), slice.path(), slice.items(), slice.pagination(), diagnostics);
        }
    }

    private void writePage(ViewFactory views, Page page, RenderedMarkdown body, org.agora.render.Html content, String path,
                           List<Page> items, Views.PaginationView pagination, Diagnostics diagnostics) {
        checkpoint.run();
        Map<String, Object> context = new HashMap<>();
        context.put("site", views.site(page.language()));
        context.put("lang", views.language(page.language()));
        context.put("page", views.page(page, body, content, path, items, pagination));
        if (render(templateFor(page), context, Page.outputPathOf(path), diagnostics)) {
            written.decrementAndGet();
            perLanguage.computeIfAbsent(page.language(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** An event's iCalendar file, beside its page; described by its summary, else the start of its text. */
    private void writeCalendar(Page page, RenderedMarkdown body) {
        ICalendar.pathOf(page).ifPresent(path -> {
            String description = page.summary() != null ? page.summary() : body.excerpt();
            write(Page.outputPathOf(path), ICalendar.of(page, urls.absolute(page.path()), description, schedule.buildDate()));
        });
    }

    /** A citable document's RIS, BibTeX and CSL-JSON files, beside its page: what its Cite box links to. */
    private void writeCitation(Page page) {
        org.agora.cite.Citations.downloadsOf(page, library.config()).ifPresent(d -> views.citation(page).ifPresent(c -> {
            write(Page.outputPathOf(d.ris()), org.agora.cite.Ris.write(c));
            write(Page.outputPathOf(d.bibtex()), org.agora.cite.BibTex.write(c));
            write(Page.outputPathOf(d.cslJson()), org.agora.cite.CslJson.write(c));
        }));
    }

    /** Pages whose template ran, neither taken from the cache nor left in place. */
    int pagesRendered() { return pagesRendered.get(); }

    /** The key of each page written, by output path: what the next build in place compares with. */
    Map<String, String> pageKeys() { return Map.copyOf(keys); }

    /** HTML pages written per language. */
    Map<String, Integer> pagesPerLanguage() {
        Map<String, Integer> out = new HashMap<>();
        perLanguage.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /**
     * Files beside the content, fingerprinted theme assets, redirects for old URLs, the host's security headers,
     * feeds, sitemap and robots.txt. A site's own _redirects and _headers keep their rules, Agora's follow.
     */
    void writeFilesAndRedirects(Diagnostics diagnostics) {
        Map<String, byte[]> own = new HashMap<>();
        for (org.agora.content.StaticFile f : library.staticFiles()) {
            try {
                if (OutputPlan.MERGED.contains(f.outputPath())) {
                    own.put(f.outputPath(), java.nio.file.Files.readAllBytes(f.file()));
                    continue;
                }
                staging.copy(f.outputPath(), f.file());
                written.incrementAndGet();
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                diagnostics.error(SourcePosition.of(f.file()), "cannot copy the file: " + org.agora.diag.Failures.describe(e),
                        "check that it still exists and that you may read it");
            }
        }
        rendering.assets().files().forEach((path, bytes) -> write(path, bytes));
        Redirects redirects = new Redirects(urls);
        for (Alias alias : library.aliases()) write(Page.outputPathOf(alias.path()), redirects.page(alias));
        Map<String, String> movedFiles = new java.util.TreeMap<>(discovery.movedFeeds());
        movedListPages.byOldPath().forEach((old, now) -> {
            write(Page.outputPathOf(old), redirects.page(now.list(), now.path()));
            movedFiles.put(old, now.path());
        });
        byte[] aliasRules = library.aliases().isEmpty() ? new byte[0] : redirects.redirectsFile(library.aliases(), movedFiles);
        writeMerged(OutputPlan.REDIRECTS_FILE, own.get(OutputPlan.REDIRECTS_FILE), aliasRules);
        writeMerged(OutputPlan.HEADERS_FILE, own.get(OutputPlan.HEADERS_FILE),
                SecurityHeaders.headersFile(library.config().security().contentSecurityPolicy()));
        writeDiscoveryFiles();
    }

    /** A host's rule file: the site's own rules first (the host applies the first that matches), then Agora's. */
    private void writeMerged(String path, byte[] site, byte[] agora) {
        if (site == null && agora.length == 0) return;
        if (site == null) {
            write(path, agora);
            return;
        }
        boolean newline = site.length > 0 && site[site.length - 1] != '\n';
        byte[] joined = java.util.Arrays.copyOf(site, site.length + (newline ? 1 : 0) + agora.length);
        if (newline) joined[site.length] = '\n';
        System.arraycopy(agora, 0, joined, joined.length - agora.length, agora.length);
        write(path, joined);
    }

    /** Feeds, sitemap and robots.txt. */
    private void writeDiscoveryFiles() {
        // A file the site brings itself (its own robots.txt) is the one it wants published.
        Set<String> own = new java.util.HashSet<>();
        library.staticFiles().forEach(f -> own.add(f.outputPath()));
        discovery.files(views, rendering.messages(), rendered.texts()).forEach((path, bytes) -> {
            if (!own.contains(path)) write(path, bytes);
        });
    }

    /** Files written besides the HTML pages of documents and lists. */
    int filesWritten() { return written.get(); }

    /** "page-events.peb" before "page.peb", so a theme can give a type its own layout. */
    private String templateFor(Page page) {
        String base = switch (page.kind()) {
            case HOME -> "home";
            case SECTION -> "section";
            case PAGE -> "page";
            case TAXONOMY -> "taxonomy";
            case TERM -> "term";
            case SEARCH -> "search";
            case LIBRARY -> "library";
        };
        if (page.kind() == PageKind.PAGE || page.kind() == PageKind.SECTION) {
            String specific = base + "-" + page.type() + ".peb";
            if (rendering.templates().exists(specific)) return specific;
        }
        return base + ".peb";
    }

    private boolean render(String template, Map<String, Object> context, String outputPath, Diagnostics diagnostics) {
        String key = pages == null ? null : pages.keyOf(template, outputPath, context);
        if (key != null) {
            keys.put(outputPath, key);
            if (key.equals(inPlace.get(outputPath))) {
                staging.keep(outputPath);
                written.incrementAndGet();
                return true;
            }
            if (copyKept(key, outputPath)) return true;
        }
        pagesRendered.incrementAndGet();
        try {
            String html = SecurityHeaders.withPolicy(rendering.templates().render(template, context),
                    library.config().security().contentSecurityPolicy());
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            write(outputPath, bytes);
            if (key != null) pages.put(key, bytes);
            return true;
        } catch (TemplateRenderer.TemplateFailure e) {
            var file = rendering.templates().locate(e.template()).orElse(rendering.theme().root().resolve("templates").resolve(e.template()));
            diagnostics.error(SourcePosition.of(file, e.line()), "template error: " + e.getMessage(),
                    "fix the template; the page " + outputPath + " could not be written");
            return false;
        }
    }

    /** The page as an earlier build wrote it from the same template and context; false when it is not kept. */
    private boolean copyKept(String key, String outputPath) {
        java.util.Optional<java.nio.file.Path> kept = pages.kept(key);
        if (kept.isEmpty()) return false;
        try {
            // Copied, not linked: a tool that rewrites the published files in place must not change the cache.
            // In place, by content: another key's page may have the same size and time.
            if (staging.isInPlace()) staging.write(outputPath, java.nio.file.Files.readAllBytes(kept.get()));
            else staging.copy(outputPath, kept.get());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;   // swept or damaged since: rendered instead
        }
        written.incrementAndGet();
        return true;
    }

    private void write(String path, byte[] bytes) {
        staging.write(path, bytes);
        written.incrementAndGet();
    }
}
