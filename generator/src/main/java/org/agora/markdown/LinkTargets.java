package org.agora.markdown;

import org.agora.content.ParsedDocument;
import org.agora.content.SitePath;
import org.agora.content.StaticFile;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;
import org.agora.model.TranslationGroup;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a link written in a document goes. Links to Markdown files go to the target's page in the
 * document's language, or in a fallback language (marked), and are errors when there is none; links to
 * files beside the Markdown go to the copied file; other site links are kept for the link check.
 */
public final class LinkTargets {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** @param fallbackLanguage the language of the page linked to when it is not the document's, else null */
    /** @param page the page linked to, when the link names a Markdown file; else null */
    public record Resolution(String href, String fallbackLanguage, Page page) {
        public Resolution(String href, String fallbackLanguage) { this(href, fallbackLanguage, null); }
    }

    private final Library library;
    private final SiteUrls urls;
    private final java.util.Map<String, String> staticOutputs = new java.util.HashMap<>();
    private final Set<String> staticPaths = new HashSet<>();

    public LinkTargets(Library library) {
        this.library = library;
        this.urls = SiteUrls.of(library.config());
        for (StaticFile f : library.staticFiles()) {
            staticOutputs.put(f.relPath(), f.outputPath());
            staticPaths.add(f.outputPath());
        }
    }

    public Library library() { return library; }

    /**
     * @param collected receives links inside the site for the link check
     * @return the resolution, or empty to leave the link as written (external links, plain anchors)
     */
    public Optional<Resolution> resolve(ParsedDocument doc, Page page, String written, SourcePosition at, boolean image,
                                        Diagnostics diagnostics, List<LinkRef> collected) {
        String url = written.strip();
        if (url.length() > 1 && url.startsWith("#")) {
            // An anchor of this page: left as written, and checked like a fragment of any other page.
            collected.add(new LinkRef(at, page.path(), url.substring(1), written, false));
            return Optional.empty();
        }
        Optional<String> own = ownAddress(url);
        if (own.isPresent()) {
            // A whole address on the site's own host (https://helm.sh/docs/faq/ on helm.sh) is kept as written,
            // and checked like a site link: it breaks as easily.
            String rest = own.get();
            String fragment = rest.contains("#") ? rest.substring(rest.indexOf('#') + 1) : null;
            String sitePath = decode(rest.split("[#?]", 2)[0]);
            SitePath.normalize(sitePath).ifPresent(p -> collected.add(new LinkRef(at, p, fragment, written, image)));
            return Optional.empty();
        }
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("//") || SCHEME.matcher(url).find()) {
            return Optional.empty();
        }
        if (url.indexOf(' ') >= 0) {
            // Browsers mend a space in a link, but the address readers copy, and some hosts, do not: say how to
            // write it, and publish it escaped meanwhile.
            diagnostics.warning("link.needs-escaping", at, (image ? "image '" : "link '") + written
                            + "' has spaces, which an address must escape", "rename the file or page with hyphens, or write  "
                            + url.replace(" ", "%20"));
        }
        String fragment = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        String query = "";
        int q = url.indexOf('?');
        if (q >= 0) {
            query = url.substring(q);
            url = url.substring(0, q);
        }
        String path = decode(url);
        String suffix = query + (fragment == null ? "" : "#" + fragment);
        String dir = doc.source().relDir();

        if (path.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return resolveMarkdown(doc, page, written, path, dir, fragment, suffix, at, diagnostics, collected);
        }
        Optional<String> contentRel = SitePath.resolve(dir, path);
        if (contentRel.isPresent() && staticOutputs.containsKey(contentRel.get())) {
            String site = "/" + staticOutputs.get(contentRel.get());
            return Optional.of(new Resolution(urls.href(site) + suffix, null));
        }
        // Otherwise a site path: from the site root when it starts with '/', else from the page's own URL.
        String base = page.path().endsWith("/") ? page.path() : page.path().substring(0, page.path().lastIndexOf('/') + 1);
        Optional<String> site = path.startsWith("/") ? SitePath.normalize(path) : SitePath.normalize(base + path);
        if (site.isEmpty()) {
            diagnostics.warning("link.outside-site", at, "link '" + written + "' points outside the site", "link to a page of this site");
            return Optional.empty();
        }
        String target = inPageLanguage(withoutBasePath(site.get()), page);
        collected.add(new LinkRef(at, target, fragment, written, image));
        return Optional.of(new Resolution(urls.href(target) + suffix, null));
    }

    /**
     * "/cad/guides/" written on a site published under /cad/: the editor wrote the base path already (Hugo
     * leaves site links as written), and Agora, which adds it to every link, must not add it twice. When both
     * readings name a page, the one without the base path wins only if the other does not exist.
     */
    private String withoutBasePath(String sitePath) {
        String base = urls.basePath();
        if (base.equals("/") || !(sitePath + "/").startsWith(base)) return sitePath;
        String stripped = "/" + (sitePath.length() > base.length() ? sitePath.substring(base.length()) : "");
        return exists(stripped) || !exists(sitePath) ? stripped : sitePath;
    }

    /**
     * "/docs/guide/" written on a page of a language that lives under "/fr/": in Hugo this link is broken (the
     * page is at /fr/docs/guide/); readers are better served by the page in their language when there is one.
     */
    private String inPageLanguage(String sitePath, Page page) {
        String root = library.config().languageRoot(page.language());
        if (root.equals("/") || sitePath.startsWith(root) || exists(sitePath)) return sitePath;
        String localized = root + sitePath.substring(1);
        return exists(localized) ? localized : sitePath;
    }

    /** The site path of an absolute address on the site's own host and base path ("/docs/faq/"), if it is one. */
    private Optional<String> ownAddress(String url) {
        java.net.URI base = library.config().baseUrl();
        if (base.getHost() == null || !url.regionMatches(true, 0, "http", 0, 4)) return Optional.empty();
        String host = base.getHost().toLowerCase(Locale.ROOT);
        for (String scheme : List.of("https://", "http://")) {
            String prefix = scheme + host + (base.getPort() < 0 ? "" : ":" + base.getPort()) + urls.basePath();
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) return Optional.of("/" + url.substring(prefix.length()));
            if ((url + "/").equalsIgnoreCase(prefix)) return Optional.of("/");
        }
        return Optional.empty();
    }

    /** A page, or a file copied as it is, at this site path. */
    private boolean exists(String sitePath) {
        if (library.byPath().containsKey(sitePath) || library.byPath().containsKey(sitePath + "/")) return true;
        String rel = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        // Every site link of every page passes here: no regular expression for a trailing slash.
        String ugly = (sitePath.endsWith("/") ? sitePath.substring(0, sitePath.length() - 1) : sitePath) + ".html";
        return staticPaths.contains(rel) || library.byPath().containsKey(ugly);
    }

    /** "categories/event.md" names the term page of "event" in categories, as a Hugo ref may. */
    private String termGroup(String rel) {
        String[] parts = rel.substring(0, rel.length() - 3).split("/");
        if (parts.length != 2) return null;
        String key = Library.termGroupKey(parts[0], org.agora.content.Slugs.term(parts[0], parts[1]));
        return library.groups().containsKey(key) ? key : null;
    }

    private Optional<Resolution> resolveMarkdown(ParsedDocument doc, Page page, String written, String path, String dir,
                                                 String fragment, String suffix, SourcePosition at,
                                                 Diagnostics diagnostics, List<LinkRef> collected) {
        Optional<String> rel = SitePath.resolve(dir, path);
        if (rel.isEmpty()) {
            diagnostics.error("link.outside-content", at, "link '" + written + "' points outside content/",
                    "link to a Markdown file inside content/, relative to this file or from content/ with a leading /");
            return Optional.empty();
        }
        String groupKey = library.sourceGroups().get(rel.get());
        if (groupKey == null) groupKey = library.pathKeyGroups().get(pathKeyOf(rel.get()));
        if (groupKey == null) groupKey = termGroup(rel.get());
        if (groupKey == null) {
            BrokenLinkReport.report("link.missing-file", library.config().brokenLinks(), diagnostics, at,
                    "link target '" + written + "' does not exist (looked for content/" + rel.get() + ")",
                    "check the file name and folder; paths are relative to this file, or to content/ when they start with /");
            return Optional.empty();
        }
        TranslationGroup group = library.groups().get(groupKey);
        Optional<Page> target = group == null ? Optional.empty() : library.inLanguageOrFallback(group, page.language())
                // The editor named this file: its own language is the last resort, then any other.
                .or(() -> group.byLanguage().values().stream()
                        .filter(p -> rel.get().equals(p.document() == null ? null : p.document().source().relPath()))
                        .findFirst())
                .or(() -> library.config().languageCodes().stream().map(group::in).flatMap(Optional::stream).findFirst());
        if (target.isEmpty()) {
            diagnostics.error("link.draft-target", at, "link target '" + written + "' is a draft and is not published",
                    "publish the target (draft: false) or remove the link");
            return Optional.empty();
        }
        Page t = target.get();
        collected.add(new LinkRef(at, t.path(), fragment, written, false));
        String fallback = t.language().equals(page.language()) ? null : t.language();
        return Optional.of(new Resolution(urls.href(t.path()) + suffix, fallback, t));
    }

    /**
     * "fr/guides/checklist.md" or "guides/checklist.fr.md" → "guides/checklist": a translator keeps the
     * links of the original, which may name a file that exists only in another language's folder or suffix.
     */
    private String pathKeyOf(String rel) {
        String key = rel.substring(0, rel.length() - 3);
        int slash = key.indexOf('/');
        if (slash > 0 && library.config().hasLanguage(key.substring(0, slash))) key = key.substring(slash + 1);
        int dot = key.lastIndexOf('.');
        if (dot > key.lastIndexOf('/') && library.config().hasLanguage(key.substring(dot + 1))) key = key.substring(0, dot);
        return key;
    }

    private static String decode(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
