package org.agora.markdown.shortcodes;

import org.agora.content.SitePath;
import org.agora.content.SourceFile;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.content.Slugs;
import org.agora.model.TranslationGroup;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The page a Hugo {@code ref} names, found as Hugo 0.111 finds it, in lower case: a path relative to the
 * document's folder, then from the content root ({@code "/docs/topics/charts.md"}, {@code "docs/"} or
 * {@code "docs/_index.md"} for a section), then, as a last resort, the one page of the whole site whose file is
 * called that ({@code "install.md"}). ".md" may be left out. Paths are those below a language's folder
 * (content/en/docs/x.md is "docs/x.md"); a path with the language written in it works too.
 */
public final class RefResolver {

    /** What a ref found: a page, or why there is none (as a message and a hint for the editor). */
    public sealed interface Result {
        record Found(Page page) implements Result {}

        record Missing(String message, String hint) implements Result {}
    }

    private final Library library;
    /** Lower-cased path without ".md" ("docs/topics/charts", "docs/_index", "en/docs/_index") → group key. */
    private final Map<String, String> byPath = new HashMap<>();
    /** Lower-cased file name without ".md" ("install"; a section or bundle by its folder's name) → group keys. */
    private final Map<String, Set<String>> byName = new HashMap<>();
    private final Set<String> drafts = new java.util.HashSet<>();

    public RefResolver(Library library) {
        this.library = library;
        library.pathKeyGroups().forEach((key, group) -> add(key, group));
        library.sourceGroups().forEach((rel, group) -> byPath.putIfAbsent(lower(withoutMd(rel)), group));
        for (String rel : library.unpublished()) drafts.add(lower(withoutMd(rel)));
    }

    private void add(String pathKey, String group) {
        byPath.putIfAbsent(lower(pathKey), group);
        String name = lower(pathKey);
        if (name.endsWith("/_index") || name.endsWith("/index")) name = name.substring(0, name.lastIndexOf('/'));
        name = name.substring(name.lastIndexOf('/') + 1);
        if (!name.isEmpty() && !name.equals("_index") && !name.equals("index")) {
            byName.computeIfAbsent(name, n -> new TreeSet<>()).add(group);
        }
    }

    /**
     * @param path as written, without its #fragment
     * @param language the reader's language: the page in it, else in a fallback language, else in any
     * @param only a language the editor asked for ({@code lang="en"}), or null
     */
    public Result resolve(SourceFile from, String path, String language, String only) {
        String written = path.strip();
        String p = lower(withoutMd(written));
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.equals("/") || p.isEmpty()) p = "/_index";
        String group = null;
        if (!p.startsWith("/")) {
            group = atPath(SitePath.resolve(folderOf(from.pathKey()), p))
                    .or(() -> atPath(SitePath.resolve(from.relDir(), withoutMd(written))))
                    .orElse(null);
        }
        Optional<String> absolute = SitePath.normalize(p.startsWith("/") ? p : "/" + p).map(s -> s.substring(1));
        if (group == null && absolute.isEmpty()) {
            return new Result.Missing("ref '" + written + "' points outside content/", "name a page inside content/");
        }
        if (group == null) group = atPath(absolute).orElse(null);
        if (group == null) group = term(absolute.get());
        if (group == null) {
            String name = absolute.get().substring(absolute.get().lastIndexOf('/') + 1);
            Set<String> named = byName.getOrDefault(name, Set.of());
            if (named.size() > 1) {
                return new Result.Missing("ref '" + written + "' is ambiguous: " + named.size() + " pages are called '" + name + "' ("
                        + String.join(", ", named.stream().limit(4).toList()) + ")", "write the path from content/, such as \"/docs/" + name + ".md\"");
            }
            if (named.size() == 1) group = named.iterator().next();
        }
        if (group == null) {
            boolean draft = drafts.contains(absolute.get()) || drafts.stream().anyMatch(d -> d.endsWith("/" + absolute.get()));
            return draft ? new Result.Missing("ref '" + written + "' names a draft, which is not published",
                    "publish the target (draft: false) or remove the reference")
                    : new Result.Missing("ref '" + written + "' names no page of the site (looked for " + shown(absolute.get())
                            + ".md and a section " + shown(absolute.get()) + "/ in each language's folder, and for a file of that name anywhere)",
                    "check the file name: a path is relative to this file, or to the language's folder in content/ when it starts with /; a name alone is looked for in the whole site");
        }
        return inLanguage(library.groups().get(group), written, language, only);
    }

    private Result inLanguage(TranslationGroup group, String written, String language, String only) {
        if (group == null) return new Result.Missing("ref '" + written + "' names no page", "check the name");
        if (only != null) {
            return group.in(only).<Result>map(Result.Found::new).orElseGet(() -> new Result.Missing(
                    "ref '" + written + "' asks for the page in '" + only + "', which it does not have (it has "
                            + String.join(", ", group.byLanguage().keySet()) + ")", "remove lang=, or name another page"));
        }
        Optional<Page> page = library.inLanguageOrFallback(group, language)
                .or(() -> library.config().languageCodes().stream().map(group::in).flatMap(Optional::stream).findFirst());
        return page.<Result>map(Result.Found::new).orElseGet(() -> new Result.Missing(
                "ref '" + written + "' names a draft, which is not published", "publish the target (draft: false) or remove the reference"));
    }

    private Optional<String> atPath(Optional<String> path) {
        if (path.isEmpty()) return Optional.empty();
        String p = lower(path.get());
        for (String key : List.of(p, p + "/_index", p + "/index")) {
            String group = byPath.get(key.startsWith("/") ? key.substring(1) : key);
            if (group != null) return Optional.of(group);
        }
        return Optional.empty();
    }

    /** "categories/event" names the term page of "event" in categories. */
    private String term(String path) {
        String[] parts = path.split("/");
        if (parts.length != 2 || !library.config().taxonomies().contains(parts[0])) return null;
        String key = Library.termGroupKey(parts[0], Slugs.term(parts[0], parts[1]));
        return library.groups().containsKey(key) ? key : null;
    }

    /** "docs/x/_index" is written for the section "docs/x". */
    private static String shown(String path) { return path.replaceFirst("/_?index$", ""); }

    private static String folderOf(String pathKey) {
        int slash = pathKey.lastIndexOf('/');
        return slash < 0 ? "" : pathKey.substring(0, slash);
    }

    private static String withoutMd(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".md") ? path.substring(0, path.length() - 3) : path;
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
