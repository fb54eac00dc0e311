package org.agora.content;

import org.agora.config.SiteConfig;
import org.agora.config.TermLabels;
import org.agora.diag.Suggestions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code agora new} writes: a new document with the front matter its section expects, or a draft
 * translation of an existing one, placed where the site's own layout (language folders or suffixes) puts
 * it. Decides only; the caller writes the file, so that nothing is written when there is a problem.
 */
public final class NewDocument {

    /** @param relPath below the site folder ("content/fr/guides/x.md"), for messages and the next step */
    public record Planned(Path file, String relPath, String text) {}

    /** Why nothing can be written, and what to do instead. */
    public record Problem(String message, String hint) {}

    /** Either a document to write or a problem. */
    public record Outcome(Planned planned, Problem problem) {
        static Outcome of(Planned p) { return new Outcome(p, null); }
        static Outcome fail(String message, String hint) { return new Outcome(null, new Problem(message, hint)); }
        public boolean ok() { return planned != null; }
    }

    /** Relative links and images in Markdown: "](diagram.png)" and "](../files/x.pdf#p2)". */
    private static final Pattern LINK = Pattern.compile("(\\]\\()([^)\\s#?]+)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final int LISTED_KEYS = 12;

    private final SiteConfig config;
    private final List<ParsedDocument> documents;
    private final TermLabels terms;

    /** @param documents every Markdown file of the site, parsed (their problems are the build's business) */
    public NewDocument(SiteConfig config, List<ParsedDocument> documents, TermLabels terms) {
        this.config = config;
        this.documents = List.copyOf(documents);
        this.terms = terms;
    }

    /** A new document of section {@code type} in {@code language}, dated {@code date}, as a draft. */
    public Outcome create(String type, String title, String language, LocalDate date) {
        if (!config.hasLanguage(language)) return unknownLanguage(language);
        if (title.isBlank()) return Outcome.fail("the title is empty", "give the title in quotes: agora new news \"My title\"");
        TreeSet<String> sections = sections();
        if (!sections.contains(type)) {
            String known = sections.isEmpty() ? "none yet" : String.join(", ", sections);
            return Outcome.fail("the site has no section '" + type + "'" + Suggestions.closest(type, sections)
                            .map(s -> "; did you mean '" + s + "'?").orElse(""),
                    "its sections are: " + known + " (to start a new section, create its folder with an _index.md first)");
        }
        List<ParsedDocument> inSection = documents.stream().filter(d -> sectionOf(d.source()).equals(type)).toList();
        String slug = Slugs.of(title);
        if (slug.equals("-")) return Outcome.fail("the title has no letters or digits to name the file after", "give a title with words");
        String pathKey = type + "/" + slug;
        String rel = usesFolders(inSection) ? language + "/" + pathKey + ".md"
                : usesSuffixes(inSection, language) ? pathKey + "." + language + ".md" : pathKey + ".md";
        Optional<Problem> taken = taken(rel, pathKey, language);
        if (taken.isPresent()) return new Outcome(null, taken.get());

        // The site's rules for the type (site-config.yml types:) say what must be there; what the section's
        // documents already carry is offered too, so a new event looks like the others.
        List<String> required = config.types().required(type);
        Set<String> requiredTop = new LinkedHashSet<>();
        for (String field : required) requiredTop.add(field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
        boolean event = requiredTop.contains("event") || type.equals("events")
                || inSection.stream().anyMatch(d -> d.frontMatter().event() != null);
        boolean attachments = requiredTop.contains("attachments") || type.equals("resources")
                || inSection.stream().anyMatch(d -> !d.frontMatter().attachments().isEmpty());
        StringBuilder y = new StringBuilder("---\n");
        y.append("title: ").append(quote(title.strip())).append('\n');
        y.append("date: ").append(date).append('\n');
        y.append("draft: true                  # not published until you remove this line (agora build --drafts shows it)\n");
        y.append("summary: ").append(quote("One or two sentences for lists and search results.")).append('\n');
        taxonomies(y, requiredTop);
        if (event) {
            y.append("event:\n");
            y.append("  start: ").append(date).append("            # a day, or a day and time: 2027-02-10T09:30:00+01:00\n");
            y.append("  end: ").append(date).append('\n');
            y.append("  location: ").append(quote("Venue, city, country")).append('\n');
        }
        if (config.isCitable(type) && !requiredTop.contains("authors")) {
            y.append("authors: []                   # who wrote it, for its references: \"Diop, Awa\", Bridges Learning Network\n");
        }
        if (attachments) {
            y.append("attachments: []               # - file: /files/report.pdf   (from content/, or beside this file)")
                    .append(requiredTop.contains("attachments") ? "   REQUIRED for " + type : "").append('\n');
            y.append("                              #   title: \"Report (PDF)\"\n");
        }
        otherRequired(y, type, required, slug, date);
        y.append("---\n\nWrite the text here, in Markdown.\n");
        return Outcome.of(new Planned(config.contentDir().resolve(rel), "content/" + rel, y.toString()));
    }

    /** A draft translation into {@code language} of the document in {@code sourceFile}. */
    public Outcome translate(Path sourceFile, String language) {
        if (!config.hasLanguage(language)) return unknownLanguage(language);
        Path wanted = sourceFile.toAbsolutePath().normalize();
        Optional<ParsedDocument> found = documents.stream()
                .filter(d -> d.source().file().toAbsolutePath().normalize().equals(wanted)).findFirst();
        if (found.isEmpty()) {
            return Outcome.fail("'" + sourceFile + "' is not a Markdown document of this site",
                    "give the path of a .md file under content/, for example content/en/guides/facilitation.md");
        }
        ParsedDocument source = found.get();
        SourceFile s = source.source();
        FrontMatter fm = source.frontMatter();
        if (s.language().equals(language)) {
            return Outcome.fail("content/" + s.relPath() + " is already in '" + language + "'", "choose another language with --to");
        }
        String group = groupKey(source);
        for (ParsedDocument d : documents) {
            if (d.source().language().equals(language) && groupKey(d).equals(group)) {
                return Outcome.fail("the '" + language + "' version already exists: content/" + d.source().relPath(),
                        "edit that file instead");
            }
        }
        // The stub keeps the source's path without language, so path-based grouping links the two by itself;
        // a translationKey is copied only when the source has one, since then the key is what groups them.
        String rel = switch (s.layout()) {
            case FOLDER -> language + "/" + s.pathKey() + ".md";
            case SUFFIX, DEFAULT -> s.pathKey() + "." + language + ".md";
        };
        Optional<Problem> taken = taken(rel, s.pathKey(), language);
        if (taken.isPresent()) return new Outcome(null, taken.get());
        String fromDir = s.relDir();
        String toDir = parentOf(rel);

        String from = languageName(s.language());
        StringBuilder y = new StringBuilder("---\n");
        y.append("# TO TRANSLATE from ").append(from).append(" (content/").append(s.relPath()).append("): the title, the summary\n");
        y.append("# and the text below are still in ").append(from).append(". Translate them, then remove  draft: true.\n");
        if (fm.title() != null) y.append("title: ").append(quote(fm.title())).append('\n');
        if (fm.date() != null) y.append("date: ").append(fm.date().iso()).append('\n');
        y.append("draft: true\n");
        if (fm.weight() != null) y.append("weight: ").append(fm.weight()).append('\n');
        if (fm.type() != null) y.append("type: ").append(quote(fm.type())).append('\n');
        if (fm.translationKey() != null) y.append("translationKey: ").append(quote(fm.translationKey())).append('\n');
        y.append("# the version of the source this translates: ./agora check reports the translation outdated when the\n");
        y.append("# source's words change; after updating it, run  ./agora mark-current ").append("content/").append(rel).append('\n');
        y.append("translation: { source: \"").append(SourceVersion.of(source).pin()).append("\" }\n");
        if (fm.summary() != null) y.append("summary: ").append(quote(fm.summary())).append('\n');
        for (String taxonomy : config.taxonomies()) {
            List<String> values = fm.terms(taxonomy);
            if (values.isEmpty()) continue;
            y.append(taxonomy).append(": [").append(String.join(", ", values.stream().map(NewDocument::quote).toList())).append("]");
            if (!terms.defines(taxonomy) && !taxonomy.equals("countries")) y.append("   # free words: translate them if you like");
            y.append('\n');
        }
        fm.eventInfo().ifPresent(e -> {
            y.append("event:\n");
            y.append("  start: ").append(e.start().iso()).append('\n');
            if (e.end() != null) y.append("  end: ").append(e.end().iso()).append('\n');
            if (e.location() != null) y.append("  location: ").append(quote(e.location())).append('\n');
        });
        // A translation cites the same work: its authors and identifiers come along (an organisation's name may be translated).
        FrontMatter.Publication pub = fm.publication();
        if (!pub.authors().isEmpty()) {
            y.append("authors:\n");
            for (FrontMatter.Author a : pub.authors()) {
                y.append("  - ").append(a.isPerson() ? a.given() == null ? "{ family: " + quote(a.family()) + " }" : quote(a.invertedName())
                        : a.literal().contains(",") ? "{ name: " + quote(a.literal()) + " }" : quote(a.literal())).append('\n');
            }
        }
        if (pub.publisher() != null) y.append("publisher: ").append(quote(pub.publisher())).append('\n');
        if (pub.doi() != null) y.append("doi: ").append(quote(pub.doi())).append('\n');
        if (pub.isbn() != null) y.append("isbn: ").append(quote(pub.isbn())).append('\n');
        if (!fm.attachments().isEmpty()) {
            y.append("attachments:\n");
            for (FrontMatter.Attachment a : fm.attachments()) {
                y.append("  - file: ").append(quote(movedPath(a.file(), fromDir, toDir))).append('\n');
                if (a.title() != null) y.append("    title: ").append(quote(a.title())).append('\n');
            }
        }
        y.append("---\n");
        String body = source.body();
        if (!fromDir.equals(toDir)) body = rewriteRelativeFiles(body, fromDir);
        y.append(body);
        return Outcome.of(new Planned(config.contentDir().resolve(rel), "content/" + rel, y.toString()));
    }

    /** The top content folders below the languages: news, events, guides... */
    public TreeSet<String> sections() {
        TreeSet<String> out = new TreeSet<>();
        for (ParsedDocument d : documents) {
            String section = sectionOf(d.source());
            if (!section.isEmpty()) out.add(section);
        }
        return out;
    }

    private static String sectionOf(SourceFile s) {
        String key = s.pathKey();
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    /** Most of the section's documents are in language folders. */
    private boolean usesFolders(List<ParsedDocument> inSection) {
        long folders = inSection.stream().filter(d -> d.source().layout() == SourceFile.Layout.FOLDER).count();
        return folders * 2 > inSection.size() || (inSection.isEmpty() && documents.stream()
                .anyMatch(d -> d.source().layout() == SourceFile.Layout.FOLDER));
    }

    /** Outside language folders, only the default language may go without a suffix, when the section's files do. */
    private boolean usesSuffixes(List<ParsedDocument> inSection, String language) {
        if (!language.equals(config.defaultLanguage())) return true;
        long suffixed = inSection.stream().filter(d -> d.source().language().equals(language)
                && d.source().layout() == SourceFile.Layout.SUFFIX).count();
        long plain = inSection.stream().filter(d -> d.source().language().equals(language)
                && d.source().layout() == SourceFile.Layout.DEFAULT).count();
        return suffixed > plain;
    }

    /** A file there already, or a document of the same path in the same language under another name. */
    private Optional<Problem> taken(String rel, String pathKey, String language) {
        if (Files.exists(config.contentDir().resolve(rel))) {
            return Optional.of(new Problem("content/" + rel + " already exists; agora new never overwrites a file",
                    "edit that file, or choose another title"));
        }
        for (ParsedDocument d : documents) {
            if (d.source().pathKey().equals(pathKey) && d.source().language().equals(language)) {
                return Optional.of(new Problem("content/" + d.source().relPath() + " is already the '" + language
                        + "' document at this place", "edit that file, or choose another title"));
            }
        }
        return Optional.empty();
    }

    private static String groupKey(ParsedDocument d) {
        String key = d.frontMatter().translationKey();
        return key != null ? "key:" + key : "path:" + d.source().pathKey();
    }

    private Outcome unknownLanguage(String language) {
        return Outcome.fail("the site has no language '" + language + "'",
                "use one of " + String.join(", ", config.languageCodes()) + " (languages: in site-config.yml)");
    }

    private String languageName(String code) {
        String label = config.language(code).label();
        return label == null || label.isBlank() ? code : label;
    }

    /**
     * Required fields the lines above did not write, each with a placeholder to replace: a value where Agora
     * can propose one, an empty text otherwise, which {@code agora check} reports until it is filled.
     */
    private void otherRequired(StringBuilder y, String type, List<String> required, String slug, LocalDate date) {
        Set<String> written = Set.of("title", "date", "draft", "summary", "description", "event", "attachments");
        Map<String, List<String>> nested = new TreeMap<>();
        for (String field : required) {
            int dot = field.indexOf('.');
            if (dot > 0) {
                if (!field.startsWith("event.")) nested.computeIfAbsent(field.substring(0, dot), k -> new ArrayList<>()).add(field.substring(dot + 1));
                continue;
            }
            if (written.contains(field) || config.taxonomies().contains(field)) continue;
            String note = "   # REQUIRED for " + type;
            switch (field) {
                case "lastmod" -> y.append("lastmod: ").append(date).append('\n');
                case "weight" -> y.append("weight: 10").append(note).append(": lower comes first in lists\n");
                case "slug" -> y.append("slug: ").append(quote(slug)).append('\n');
                case "translationKey" -> y.append("translationKey: ").append(quote(slug)).append('\n');
                case "type" -> y.append("type: ").append(quote(type)).append('\n');
                case "aliases" -> y.append("aliases: []").append(note).append(": old paths of this page, /en/old-path/\n");
                case "url" -> y.append("url: \"\"").append(note).append(": the page's whole path, /en/").append(type).append("/name/\n");
                default -> {
                    if (!nested.containsKey(field)) y.append(field).append(": \"\"").append(note).append('\n');
                }
            }
        }
        nested.forEach((parent, children) -> {
            y.append(parent).append(":").append("   # REQUIRED for ").append(type).append('\n');
            for (String child : children) y.append("  ").append(child).append(": \"\"\n");
        });
    }

    /** Empty lists for each taxonomy, with the keys data/taxonomies.yml defines so editors pick existing ones. */
    private void taxonomies(StringBuilder y, Set<String> required) {
        for (String taxonomy : config.taxonomies()) {
            y.append(taxonomy).append(": []");
            String comment = required.contains(taxonomy) ? "REQUIRED: " : "";
            Map<String, ?> defined = new TreeMap<>(terms.terms(taxonomy));
            if (!defined.isEmpty()) {
                List<String> keys = new ArrayList<>(defined.keySet());
                String listed = String.join(", ", keys.subList(0, Math.min(LISTED_KEYS, keys.size())))
                        + (keys.size() > LISTED_KEYS ? ", …" : "");
                comment += "keys from " + TermLabels.FILE + ": " + listed;
            } else if (taxonomy.equals("countries")) {
                comment += "ISO 3166 codes: BE, CD, SN";
            } else if (!comment.isEmpty()) {
                comment += "one or more words";
            }
            if (!comment.isEmpty()) y.append("   # ").append(comment);
            y.append('\n');
        }
    }

    /** A link to a file beside the source, made absolute from content/ so that it still works from the new folder. */
    private String rewriteRelativeFiles(String body, String fromDir) {
        Matcher m = LINK.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + movedPath(m.group(2), fromDir, null)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code path} as written in {@code fromDir}, for a file in {@code toDir} (null: another folder). */
    private String movedPath(String path, String fromDir, String toDir) {
        if (fromDir.equals(toDir) || path.startsWith("/") || SCHEME.matcher(path).find() || path.endsWith(".md")) return path;
        Optional<String> resolved = SitePath.resolve(fromDir, path);
        if (resolved.isEmpty() || !Files.isRegularFile(config.contentDir().resolve(resolved.get()))) return path;
        return "/" + resolved.get();
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
