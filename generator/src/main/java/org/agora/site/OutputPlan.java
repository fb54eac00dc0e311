package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.content.StaticFile;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.model.Alias;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.publish.Feeds;
import org.agora.publish.ICalendar;
import org.agora.publish.Robots;
import org.agora.render.Assets;
import org.agora.render.Paginator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every file the build will write and what claims it, known before anything is written: links are checked
 * against it, and two things that would land on the same file (a page and a static file, an alias and a
 * generated list, a file where a page needs a folder) are errors naming both, instead of one silently
 * replacing the other. Two documents or aliases on one path are the library's to report; everything else
 * meets here.
 */
final class OutputPlan {

    static final String REDIRECTS_FILE = "_redirects";
    static final String HEADERS_FILE = "_headers";
    /** The browser's search index: Agora's alone, every file in it. */
    static final String SEARCH_FOLDER = org.agora.search.SearchLayout.OUTPUT_FOLDER + "/";
    /** Files a site may bring to replace the one Agora would write (its own rules for crawlers, its own OAI file). */
    private static final Set<String> REPLACEABLE = Set.of(Robots.FILE, org.agora.publish.OaiRepository.FILE);
    /** Files a site may bring whose rules come first and Agora's are added after them. */
    static final Set<String> MERGED = Set.of(REDIRECTS_FILE, HEADERS_FILE);

    /** What writes an output file; {@code at} is null for what Agora makes without a source. */
    record Claim(String what, SourcePosition at) {}

    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, List<Claim[]>> clashes = new LinkedHashMap<>();
    private final Map<String, Claim> notPages = new LinkedHashMap<>();

    private final MovedListPages movedListPages;

    OutputPlan(Library library, Assets assets, EventSchedule schedule) {
        Paginator paginator = new Paginator(library.config().pageSize(), null);
        for (Page p : library.pages()) {
            Claim page = pageClaim(p, library);
            int pages = paginator.count(p, schedule.paginated(p, library.listing(p)).size());
            for (int n = 1; n <= pages; n++) {
                claimPage(Page.outputPathOf(Paginator.pathOf(p, n)), n == 1 ? page
                        : new Claim("page " + n + " of " + page.what(), page.at()));
            }
            ICalendar.pathOf(p).ifPresent(ics -> claim(Page.outputPathOf(ics), new Claim("the calendar file of " + page.what(), page.at())));
            org.agora.cite.Citations.downloadsOf(p, library.config()).ifPresent(d -> {
                for (String file : List.of(d.ris(), d.bibtex(), d.cslJson())) {
                    claim(Page.outputPathOf(file), new Claim("the citation file of " + page.what(), page.at()));
                }
            });
        }
        for (Alias a : library.aliases()) {
            var doc = a.target().document();
            claimPage(Page.outputPathOf(a.path()), doc == null
                    ? new Claim("the redirect of " + a.path() + " to " + a.target().path(), null)
                    : new Claim("the redirect of alias " + a.path() + " in " + doc.source().relPath(),
                    SourcePosition.of(doc.source().file(), a.line())));
        }
        movedListPages = MovedListPages.of(library, schedule);
        movedListPages.byOldPath().forEach((old, now) -> claimPage(Page.outputPathOf(old),
                new Claim("the redirect of " + old + " to " + now.path(), null)));
        Set<String> own = new java.util.HashSet<>();
        for (StaticFile f : library.staticFiles()) {
            own.add(f.outputPath());
            if (REPLACEABLE.contains(f.outputPath()) || MERGED.contains(f.outputPath())) continue;
            claim(f.outputPath(), new Claim("the file " + library.config().siteDir().toAbsolutePath().normalize()
                    .relativize(f.file().toAbsolutePath().normalize()).toString().replace('\\', '/'), SourcePosition.of(f.file())));
        }
        for (String asset : assets.files().keySet()) claim(asset, new Claim("the theme's asset " + asset, null));
        RootPages root = RootPages.of(library);
        if (root.languageChoice()) claim("index.html", new Claim("the site's root page (the language choice)", null));
        root.notFoundByOutput().forEach((output, lang) -> claim(output, new Claim("the 404 page of " + lang, null)));
        root.defaultLanguageRedirect().ifPresent(r -> claim(r.output(), new Claim("the redirect from /"
                + r.output().replace("index.html", "") + " to the home page", null)));
        if (!library.aliases().isEmpty() || own.contains(REDIRECTS_FILE)) {
            claim(REDIRECTS_FILE, new Claim("the redirects of aliases", null));
        }
        claim(HEADERS_FILE, new Claim("the security headers", null));
        for (String file : new DiscoveryFiles(library, Feeds.of(library)).outputs()) {
            if (!(REPLACEABLE.contains(file) && own.contains(file))) claim(file, new Claim("the generated " + file, null));
        }
    }

    private static Claim pageClaim(Page p, Library library) {
        if (p.document() == null) {
            // A term page comes from a document's tag or theme: that document's line is where to fix it.
            SourcePosition from = null;
            if (p.taxonomy() != null) {
                for (Page listed : library.listing(p)) {
                    if (listed.document() != null && listed.language().equals(p.language())) {
                        var fm = listed.document().frontMatter();
                        String field = fm.fieldLines().containsKey(p.taxonomy()) || !p.taxonomy().endsWith("s") ? p.taxonomy()
                                : p.taxonomy().substring(0, p.taxonomy().length() - 1); // the "types" list comes from type:
                        from = SourcePosition.of(listed.document().source().file(), fm.lineOf(field));
                        break;
                    }
                }
            }
            return new Claim("the " + p.kind().name().toLowerCase(java.util.Locale.ROOT) + " page " + shortened(p.path())
                    + " that Agora makes", from);
        }
        var fm = p.document().frontMatter();
        int line = fm.url() != null ? fm.lineOf("url") : fm.slug() != null ? fm.lineOf("slug") : 0;
        return new Claim("the page of " + p.document().source().relPath(), SourcePosition.of(p.document().source().file(), line));
    }

    /** An HTML page: a file a browser would take for something else (x.js, x.svg, x.xml) is not one. */
    private void claimPage(String output, Claim claim) {
        String name = output.substring(output.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) notPages.put(canonical(output), claim);
        claim(output, claim);
    }

    /** "en//index.html" and "en/./index.html" are the file "en/index.html" once written. */
    private static String canonical(String output) {
        return org.agora.content.SitePath.normalize("/" + output).map(p -> p.substring(1)).orElse(output);
    }

    private void claim(String rawOutput, Claim claim) {
        String output = canonical(rawOutput);
        Claim first = claims.putIfAbsent(output, claim);
        if (first != null && !first.equals(claim)) clashes.computeIfAbsent(output, k -> new java.util.ArrayList<>()).add(new Claim[] {first, claim});
    }

    /** Every output path. */
    Set<String> outputs() { return Set.copyOf(claims.keySet()); }

    /** The later pages of moved lists that redirect from their English paths. */
    MovedListPages movedListPages() { return movedListPages; }

    /**
     * Reports every file claimed twice, every file written where another output needs a folder, every file
     * inside the search index's folder, and every path no file system could hold (a name too long, a control
     * character); each error names both claims, at the one that has a source.
     */
    void reportCollisions(Library library, Diagnostics diagnostics) {
        SourcePosition config = SourcePosition.of(library.config().configFile());
        notPages.forEach((output, claim) -> {
            // One error per cause: a page on a generated file is that collision, not also a wrong file type.
            if (clashes.containsKey(output) || output.startsWith(SEARCH_FOLDER)) return;
            diagnostics.error("output.collision", claim.at() != null ? claim.at() : config,
                claim.what() + " would write a web page to " + shortened(output) + ", which browsers would not read as one",
                "end the url: or alias with / (or .html)");
        });
        clashes.forEach((output, pairs) -> {
            for (Claim[] pair : pairs) {
                report(diagnostics, config, pair[0], pair[1], pair[1].what() + " would be written to " + output
                        + ", where " + pair[0].what() + " is written");
            }
        });
        Map<String, Claim> folders = new HashMap<>();
        for (Map.Entry<String, Claim> e : claims.entrySet()) {
            String path = e.getKey();
            unwritable(path).ifPresent(why -> diagnostics.error("output.collision",
                    e.getValue().at() != null ? e.getValue().at() : config,
                    e.getValue().what() + " cannot be written to " + shortened(path) + ": " + why,
                    "make the name shorter or plainer: the file's name, its slug: or url:, or the tag it comes from"));
            if (path.startsWith(SEARCH_FOLDER)) {
                report(diagnostics, config, new Claim("Agora's search index", null), e.getValue(),
                        e.getValue().what() + " would be written to " + path + ", inside the folder of the search index");
            }
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                folders.putIfAbsent(path.substring(0, slash), e.getValue());
            }
        }
        folders.forEach((folder, inside) -> {
            Claim file = claims.get(folder);
            if (file != null) {
                report(diagnostics, config, file, inside, file.what() + " is written to the file " + folder + ", but "
                        + inside.what() + " needs a folder of that name");
            }
        });
    }

    /** Longest file or folder name most file systems and hosts accept, in UTF-8 bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** Longest output path accepted, in UTF-8 bytes, leaving room for where the output folder itself is. */
    static final int MAX_PATH_BYTES = 1024;

    /** Why a file system or a host could not hold this output path, if it could not. */
    static java.util.Optional<String> unwritable(String path) {
        if (path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return java.util.Optional.of("the path is longer than " + MAX_PATH_BYTES + " bytes");
        }
        for (String name : path.split("/")) {
            if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return java.util.Optional.of("a name in it is longer than " + MAX_NAME_BYTES + " bytes");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c == 0x7f) return java.util.Optional.of("it holds a control character");
                if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return java.util.Optional.of("it holds a broken character");
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String shortened(String path) {
        return path.length() <= 120 ? path : path.substring(0, 100) + "…";
    }

    private static void report(Diagnostics diagnostics, SourcePosition config, Claim a, Claim b, String message) {
        SourcePosition at = b.at() != null ? b.at() : a.at() != null ? a.at() : config;
        diagnostics.error("output.collision", at, message,
                "give one of them another path (slug:, url:, aliases: or the file's name); a file cannot replace a page Agora writes");
    }
}
