package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Alias;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;
import org.agora.publish.Redirects;
import org.agora.publish.Staging;
import org.agora.render.Assets;
import org.agora.render.Paginator;
import org.agora.render.TemplateRenderer;
import org.agora.render.Theme;
import org.agora.render.ViewFactory;
import org.agora.render.Views;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The "render pages" and "write output" stages: templates applied to every page, files into staging. */
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
    private final AtomicInteger written = new AtomicInteger();

    PageWriter(Library library, Theme theme, Messages messages, Assets assets, Map<String, LocaleFormats> formats,
               Map<String, RenderedMarkdown> bodies, Map<String, List<Views.AttachmentView>> attachments, Staging staging) {
        this.library = library;
        this.theme = theme;
        this.messages = messages;
        this.assets = assets;
        this.staging = staging;
        this.urls = SiteUrls.of(library.config());
        this.templates = new TemplateRenderer(theme, messages, assets, urls, formats);
        this.views = new ViewFactory(library, messages, formats, bodies, attachments);
        this.paginator = new Paginator(library.config().pageSize(), urls);
    }

    /** @return HTML pages written per language */
    Map<String, Integer> writeAll(Diagnostics diagnostics) {
        Map<String, AtomicInteger> perLanguage = new ConcurrentHashMap<>();
        library.pages().parallelStream().forEach(page -> {
            String template = templateFor(page);
            for (Paginator.Slice slice : paginator.slices(page, library.listing(page))) {
                Map<String, Object> context = new HashMap<>();
                context.put("site", views.site(page.language()));
                context.put("lang", views.language(page.language()));
                context.put("page", views.page(page, slice.path(), slice.items(), slice.pagination()));
                if (render(template, context, Page.outputPathOf(slice.path()), diagnostics)) {
                    written.decrementAndGet();
                    perLanguage.computeIfAbsent(page.language(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        for (LanguageConfig l : library.config().languages()) {
            Map<String, Object> context = new HashMap<>();
            context.put("site", views.site(l.code()));
            context.put("lang", views.language(l));
            context.put("page", views.notFound(l.code(), messages.t(l.code(), "notFound.title")));
            render("404.peb", context, l.code() + "/404.html", diagnostics);
            if (l.code().equals(library.config().defaultLanguage())) render("404.peb", context, "404.html", diagnostics);
        }
        Map<String, Object> root = new HashMap<>();
        root.put("site", views.site(library.config().defaultLanguage()));
        root.put("defaultHome", urls.href("/" + library.config().defaultLanguage() + "/"));
        render("root.peb", root, "index.html", diagnostics);
        Map<String, Integer> out = new HashMap<>();
        perLanguage.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Files beside the content, fingerprinted theme assets, and redirects for old URLs. */
    void writeFilesAndRedirects() {
        library.staticFiles().forEach(f -> {
            staging.copy(f.relPath(), f.file());
            written.incrementAndGet();
        });
        assets.files().forEach((path, bytes) -> write(path, bytes));
        Redirects redirects = new Redirects(urls);
        for (Alias alias : library.aliases()) write(Page.outputPathOf(alias.path()), redirects.page(alias));
        if (!library.aliases().isEmpty()) write(PagePlan.REDIRECTS_FILE, redirects.redirectsFile(library.aliases()));
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
        };
        if (page.kind() == PageKind.PAGE || page.kind() == PageKind.SECTION) {
            String specific = base + "-" + page.type() + ".peb";
            if (templates.exists(specific)) return specific;
        }
        return base + ".peb";
    }

    private boolean render(String template, Map<String, Object> context, String outputPath, Diagnostics diagnostics) {
        try {
            write(outputPath, templates.render(template, context).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (TemplateRenderer.TemplateFailure e) {
            var file = templates.locate(e.template()).orElse(theme.root().resolve("templates").resolve(e.template()));
            diagnostics.error(SourcePosition.of(file, e.line()), "template error: " + e.getMessage(),
                    "fix the template; the page " + outputPath + " could not be written");
            return false;
        }
    }

    private void write(String path, byte[] bytes) {
        staging.write(path, bytes);
        written.incrementAndGet();
    }
}
