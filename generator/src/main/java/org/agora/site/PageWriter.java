package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.markdown.LinkRef;
import org.agora.markdown.MarkdownRenderer;
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
import org.agora.render.Assets;
import org.agora.render.Paginator;
import org.agora.render.TemplateRenderer;
import org.agora.render.Theme;
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
 * The stages that write: Markdown and templates applied to every page, pages and files into staging.
 * Templates see only what is final: list pages are written after every document they list.
 */
final class PageWriter {

    private final Library library;
    private final Theme theme;
    private final TemplateRenderer templates;
    private final ViewFactory views;
    private final Paginator paginator;
    private final Assets assets;
    private final Staging staging;
    private final SiteUrls urls;
    private final Messages messages;
    private final MarkdownRenderer markdown;
    private final EventSchedule schedule;
    private final DiscoveryFiles discovery;
    private final AtomicInteger written = new AtomicInteger();
    private final Map<String, AtomicInteger> perLanguage = new ConcurrentHashMap<>();
    /** Rendered Markdown by page path: whole for list pages, without HTML for documents (already written). */
    private final Map<String, RenderedMarkdown> texts;
    /**
     * Documents' HTML between their Markdown and their page, deflated: a page shows related documents, which
     * are known only once every document is indexed, and 25,000 documents' HTML as strings would not fit.
     */
    private final Map<String, byte[]> pendingHtml = new ConcurrentHashMap<>();
    private final Map<String, List<String>> related;
    private final PageMemory memory;
    /** Called before every page: a build that was cancelled stops there. */
    private final Runnable checkpoint;
    /** Documents and pages made by earlier builds from the same inputs; null where nothing is kept (the preview's rebuilds). */
    private final DocumentCache cache;
    private final PageCache pages;

    /** What earlier builds left to reuse. */
    record Caches(DocumentCache documents, PageCache pages) {}

    PageWriter(Library library, Rendering rendering, MarkdownRenderer markdown,
               Map<String, List<Views.AttachmentView>> attachments, EventSchedule schedule, Staging staging,
               PageMemory memory, Runnable checkpoint) {
        this(library, rendering, markdown, attachments, schedule, staging, memory, checkpoint, new Caches(null, null));
    }

    PageWriter(Library library, Rendering rendering, MarkdownRenderer markdown,
               Map<String, List<Views.AttachmentView>> attachments, EventSchedule schedule, Staging staging,
               PageMemory memory, Runnable checkpoint, Caches caches) {
        this.cache = caches.documents();
        this.pages = caches.pages();
        this.memory = memory;
        this.checkpoint = checkpoint;
        this.texts = memory.texts();
        this.related = memory.related();
        this.library = library;
        this.theme = rendering.theme();
        this.messages = rendering.messages();
        this.assets = rendering.assets();
        this.staging = staging;
        this.markdown = markdown;
        this.schedule = schedule;
        this.urls = SiteUrls.of(library.config());
        this.templates = rendering.templates();
        Map<String, LocaleFormats> formats = rendering.formats();
        Feeds feeds = Feeds.of(library);
        this.views = new ViewFactory(library, messages, formats, texts, attachments, related, memory.libraryData(),
                schedule, feeds);
        this.discovery = new DiscoveryFiles(library, feeds);
        this.paginator = new Paginator(library.config().pageSize(), urls);
    }

    /**
     * The texts of home, section and term pages (_index.md): lists and navigation show their summaries, and
     * those with text of their own are indexed for search like documents.
     */
    Void renderListTexts(Diagnostics diagnostics, java.util.function.BiConsumer<Page, DocumentText.Text> indexer) {
        boolean publishable = !diagnostics.hasErrors();
        library.pages().parallelStream().filter(p -> p.document() != null && p.kind() != PageKind.PAGE).forEach(p -> {
            RenderedMarkdown body = markdown.render(p.document(), p, diagnostics);
            texts.put(p.path(), body);
            if (publishable && p.isDocument()) indexer.accept(p, DocumentText.of(body.html()));
        });
        return null;
    }

    /**
     * Every document's Markdown, indexed for search; its HTML waits, deflated, for its page. When earlier
     * stages found errors, the Markdown is still checked (one run reports everything) but nothing is kept,
     * since this build will not be published.
     */
    Void renderDocuments(Diagnostics diagnostics, java.util.function.BiConsumer<Page, DocumentText.Text> indexer) {
        boolean publishable = !diagnostics.hasErrors();
        library.pages().parallelStream().filter(p -> p.kind() == PageKind.PAGE).forEach(page -> {
            RenderedDocument rendered = renderedOrCached(page, diagnostics);
            texts.put(page.path(), rendered.text());
            if (publishable) {
                pendingHtml.put(page.path(), rendered.html());
                indexer.accept(page, rendered.searchText());
            }
        });
        return null;
    }

    /**
     * A document as an earlier build rendered it from the same inputs, its problems reported again; else
     * rendered now, its search text read from the HTML once, and kept for the next build.
     */
    private RenderedDocument renderedOrCached(Page page, Diagnostics diagnostics) {
        if (page.document() == null) {
            return new RenderedDocument(RenderedMarkdown.empty(), Deflated.of(""), new DocumentText.Text("", ""), List.of());
        }
        if (cache != null) {
            java.util.Optional<RenderedDocument> kept = cache.get(page.document());
            if (kept.isPresent()) {
                kept.get().problems().forEach(diagnostics::add);
                return kept.get();
            }
        }
        Diagnostics own = new Diagnostics();
        RenderedMarkdown body = markdown.render(page.document(), page, own);
        RenderedDocument rendered = new RenderedDocument(body.withoutHtml(), Deflated.of(body.html()),
                DocumentText.of(body.html()), own.sorted());
        rendered.problems().forEach(diagnostics::add);
        if (cache != null) cache.put(page.document(), rendered);
        return rendered;
    }

    /** A document's Markdown, remembered without its HTML (lists show its excerpt), returned whole for its page. */
    RenderedMarkdown renderDocument(Page page, Diagnostics diagnostics) {
        RenderedMarkdown body = page.document() == null ? RenderedMarkdown.empty()
                : markdown.render(page.document(), page, diagnostics);
        texts.put(page.path(), body.withoutHtml());
        return body;
    }

    /** Related documents of each document, by path, for the document pages written next. */
    void useRelated(Map<String, List<String>> found) { related.putAll(found); }

    /** Every document's page, with its related documents. */
    Void writeDocuments(Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) return null;
        library.pages().parallelStream().filter(p -> p.kind() == PageKind.PAGE).forEach(page -> {
            RenderedMarkdown text = texts.get(page.path());
            RenderedMarkdown body = new RenderedMarkdown(Deflated.text(pendingHtml.remove(page.path())), text.toc(),
                    text.excerpt(), text.headingIds(), text.links());
            writeDocument(page, body, diagnostics);
        });
        return null;
    }

    /** A document's page and, for an event, its calendar file. */
    void writeDocument(Page page, RenderedMarkdown body, Diagnostics diagnostics) {
        writePage(page, body, page.path(), List.of(), null, diagnostics);
        writeCalendar(page, body);
    }

    /** Home, section, taxonomy and term pages (split into pages when long), the 404 pages and the root. */
    Void writeLists(Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) return null;
        // The data of the library's live filters first: the library pages name the file.
        writeLibraryData();
        library.pages().parallelStream().filter(p -> p.kind() != PageKind.PAGE).forEach(page -> writeList(page, diagnostics));
        RootPages rootPages = RootPages.of(library);
        rootPages.notFoundByOutput().forEach((output, code) -> {
            Map<String, Object> context = new HashMap<>();
            context.put("site", views.site(code));
            context.put("lang", views.language(code));
            context.put("page", views.notFound(code, messages.t(code, "notFound.title")));
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
     * Each language's data for the library's live filters, in files named after their content: the files of
     * a language whose data changed replace its old ones, and only those not already in place are written
     * (a changed title rewrites its own page of the list, not the thousands of others).
     * @return the languages whose data changed, whose library page must name the new entry file
     */
    Set<String> writeLibraryData() { return writeLibraryData(page -> true); }

    /** The library data of the library pages chosen. */
    Set<String> writeLibraryData(java.util.function.Predicate<Page> which) {
        Set<String> changed = new java.util.TreeSet<>();
        for (Page page : library.pages()) {
            if (page.kind() != PageKind.LIBRARY || !which.test(page)) continue;
            org.agora.render.LibraryFiles data = org.agora.render.LibraryData.of(library, views, page);
            Set<String> before = memory.libraryFiles().put(page.language(), Set.copyOf(data.paths()));
            // The entry names every other file by its hash: the same entry is the same data.
            if (before != null && before.contains(data.entry())) continue;
            Set<String> old = before == null ? Set.of() : before;
            data.files().forEach((path, bytes) -> {
                // A rebuild that failed after writing may have left memory behind the folder: look, not assume.
                if (!old.contains(path) || !staging.exists(path)) write(path, bytes);
            });
            for (String path : old) if (!data.files().containsKey(path)) staging.delete(path);
            memory.libraryData().put(page.language(), urls.href("/" + data.entry()));
            changed.add(page.language());
        }
        return changed;
    }

    /** A home, section, taxonomy, term, search or library page, split into pages when long. */
    void writeList(Page page, Diagnostics diagnostics) {
        RenderedMarkdown body = texts.getOrDefault(page.path(), RenderedMarkdown.empty());
        for (Paginator.Slice slice : paginator.slices(page, schedule.paginated(page, library.listing(page)))) {
            writePage(page, body, slice.path(), slice.items(), slice.pagination(), diagnostics);
        }
    }

    private void writePage(Page page, RenderedMarkdown body, String path, List<Page> items,
                           Views.PaginationView pagination, Diagnostics diagnostics) {
        checkpoint.run();
        Map<String, Object> context = new HashMap<>();
        context.put("site", views.site(page.language()));
        context.put("lang", views.language(page.language()));
        context.put("page", views.page(page, body, path, items, pagination));
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

    /** HTML pages written per language. */
    Map<String, Integer> pagesPerLanguage() {
        Map<String, Integer> out = new HashMap<>();
        perLanguage.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Links written in Markdown, for the link check. */
    List<LinkRef> links() {
        return texts.values().stream().flatMap(t -> t.links().stream()).toList();
    }

    /** The ids a link fragment may target, by output file. */
    Map<String, Set<String>> headingIdsByOutput() {
        Map<String, Set<String>> ids = new HashMap<>();
        texts.forEach((path, t) -> ids.put(Page.outputPathOf(path), t.headingIds()));
        return ids;
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
        assets.files().forEach((path, bytes) -> write(path, bytes));
        Redirects redirects = new Redirects(urls);
        for (Alias alias : library.aliases()) write(Page.outputPathOf(alias.path()), redirects.page(alias));
        byte[] aliasRules = library.aliases().isEmpty() ? new byte[0] : redirects.redirectsFile(library.aliases());
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
    void writeDiscoveryFiles() { writeDiscoveryFiles(feed -> true, true); }

    /**
     * The feeds chosen and, with {@code all}, the sitemap and robots.txt: a partial rebuild writes the feeds
     * that list a changed document, and the sitemap only when a date it gives changed.
     */
    void writeDiscoveryFiles(java.util.function.Predicate<org.agora.publish.Feeds.Feed> feeds, boolean all) {
        // A file the site brings itself (its own robots.txt) is the one it wants published.
        Set<String> own = new java.util.HashSet<>();
        library.staticFiles().forEach(f -> own.add(f.outputPath()));
        discovery.files(views, messages, texts, feeds, all).forEach((path, bytes) -> {
            if (!own.contains(path)) write(path, bytes);
        });
    }

    /** A file beside the content, copied again after it changed. */
    void copyStaticFile(org.agora.content.StaticFile file) {
        staging.copy(file.outputPath(), file.file());
        written.incrementAndGet();
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
            if (templates.exists(specific)) return specific;
        }
        return base + ".peb";
    }

    private boolean render(String template, Map<String, Object> context, String outputPath, Diagnostics diagnostics) {
        String key = pages == null ? null : pages.keyOf(template, outputPath, context);
        if (key != null && copyKept(key, outputPath)) return true;
        try {
            String html = SecurityHeaders.withPolicy(templates.render(template, context),
                    library.config().security().contentSecurityPolicy());
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            write(outputPath, bytes);
            if (key != null) pages.put(key, bytes);
            return true;
        } catch (TemplateRenderer.TemplateFailure e) {
            var file = templates.locate(e.template()).orElse(theme.root().resolve("templates").resolve(e.template()));
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
            staging.copy(outputPath, kept.get());
        } catch (java.io.UncheckedIOException e) {
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
