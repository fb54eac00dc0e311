package org.agora.site;

import org.agora.content.FrontMatter;
import org.agora.content.SitePath;
import org.agora.content.StaticFile;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;
import org.agora.render.Views;

import java.io.IOException;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds each document's attachments among the site's files and describes them: title, format, size. */
final class Attachments {

    private final Library library;
    private final SiteUrls urls;
    private final Map<String, StaticFile> files = new HashMap<>();
    private final Map<String, List<Found>> found = new HashMap<>();

    /** An attachment that exists: the file, its title and link, and the front-matter line that names it. */
    record Found(StaticFile file, String title, String url, String format, SourcePosition at) {}

    Attachments(Library library, SiteUrls urls) {
        this.library = library;
        this.urls = urls;
        library.staticFiles().forEach(f -> files.put(f.relPath(), f));
    }

    /** @return attachments by page path */
    Map<String, List<Views.AttachmentView>> resolve(Diagnostics diagnostics) {
        Map<String, List<Views.AttachmentView>> out = new HashMap<>();
        for (Page page : library.pages()) {
            if (page.document() == null || page.document().frontMatter().attachments().isEmpty()) continue;
            Locale locale = library.config().language(page.language()).locale();
            List<Views.AttachmentView> views = new ArrayList<>();
            List<Found> existing = new ArrayList<>();
            for (FrontMatter.Attachment a : page.document().frontMatter().attachments()) {
                SourcePosition at = SourcePosition.of(page.document().source().file(), a.line());
                var rel = SitePath.resolve(page.document().source().relDir(), a.file());
                StaticFile file = rel.map(files::get).orElse(null);
                if (file == null) {
                    diagnostics.error("attachment.missing-file", at, "attachment '" + a.file() + "' does not exist"
                                    + rel.map(r -> " (looked for content/" + r + ")").orElse(" inside content/"),
                            "put the file beside the Markdown file, or write its path from content/ starting with /");
                    continue;
                }
                String name = file.relPath().substring(file.relPath().lastIndexOf('/') + 1);
                int dot = name.lastIndexOf('.');
                String format = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
                String title = a.title() == null ? name : a.title();
                String url = urls.href("/" + file.outputPath());
                views.add(new Views.AttachmentView(title, url, format, size(file, locale)));
                existing.add(new Found(file, title, url, format, at));
            }
            out.put(page.path(), List.copyOf(views));
            found.put(page.path(), List.copyOf(existing));
        }
        return out;
    }

    /** The attachments of a page that exist, after {@link #resolve}. */
    List<Found> found(String pagePath) { return found.getOrDefault(pagePath, List.of()); }

    private static String size(StaticFile file, Locale locale) {
        long bytes;
        try {
            bytes = Files.size(file.file());
        } catch (IOException e) {
            return "";
        }
        NumberFormat n = NumberFormat.getNumberInstance(locale);
        n.setMaximumFractionDigits(1);
        if (bytes < 1024) return n.format(bytes) + " B";
        if (bytes < 1024 * 1024) return n.format(bytes / 1024.0) + " KB";
        return n.format(bytes / (1024.0 * 1024)) + " MB";
    }
}
