package org.agora.content;

import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.diag.Suggestions;
import org.agora.yaml.JsonReader;
import org.agora.yaml.TomlReader;
import org.agora.yaml.YamlFields;
import org.agora.yaml.YamlNode;
import org.agora.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown file into front matter and body as Hugo does (YAML, TOML or JSON: {@link FrontMatterSplit}),
 * and reads the fields editors of Hugo and Jekyll sites expect, whatever the syntax. Tolerates a UTF-8 BOM, CRLF
 * line endings and files without front matter, and warns about text that looks like front matter but is not.
 */
public final class FrontMatterParser {

    /** The fields of {@link FrontMatterSchema}, which also gives editors their JSON Schema. */
    public static final Set<String> KNOWN_FIELDS = FrontMatterSchema.names(FrontMatterSchema.FIELDS);
    private static final Set<String> EVENT_KEYS = FrontMatterSchema.names(FrontMatterSchema.EVENT_FIELDS);
    private static final Set<String> ATTACHMENT_KEYS = FrontMatterSchema.names(FrontMatterSchema.ATTACHMENT_FIELDS);
    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");
    /** More authors than any report of an e-library has; the cap keeps reference formatting cheap. */
    static final int MAX_AUTHORS = 1000;
    private static final Set<String> AUTHOR_KEYS = FrontMatterSchema.names(FrontMatterSchema.AUTHOR_FIELDS);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final SiteConfig config;
    private final Set<String> knownFields;
    private final YamlReader yaml = new YamlReader();
    private final TomlReader toml = new TomlReader();
    private final JsonReader json = new JsonReader();
    private final Map<String, Optional<String>> nearMisses = new java.util.concurrent.ConcurrentHashMap<>();

    public FrontMatterParser(SiteConfig config) {
        this.config = config;
        Set<String> known = new LinkedHashSet<>(KNOWN_FIELDS);
        known.addAll(config.taxonomies());
        this.knownFields = Set.copyOf(known);
    }

    public ParsedDocument parse(SourceFile source, Diagnostics diagnostics) {
        String text;
        try {
            long size = Files.size(source.file());
            if (size > config.limits().documentBytes()) {
                diagnostics.error("limit.document", SourcePosition.of(source.file()), "the file has " + size
                                + " bytes, more than the " + config.limits().documentBytes() + " a document may have",
                        "split it into several documents, or raise limits.documentBytes in site-config.yml");
                return ParsedDocument.unreadable(source, FrontMatter.empty(), "", 0);
            }
            text = Body.fileText(Files.readAllBytes(source.file()));
        } catch (CharacterCodingException e) {
            diagnostics.error(SourcePosition.of(source.file()), "the file is not valid UTF-8 text",
                    "save it as UTF-8 in your editor");
            return ParsedDocument.unreadable(source, FrontMatter.empty(), "", 0);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(source.file()), "cannot read the file: " + e.getMessage(), "");
            return ParsedDocument.unreadable(source, FrontMatter.empty(), "", 0);
        }
        return parse(source, text, diagnostics, body -> Body.inFile(body, source.file()));
    }

    /**
     * The document read from its text; whatever a library throws on strange input is an error naming the file,
     * never a failed build: one broken file must not hide the others' problems.
     */
    public ParsedDocument parse(SourceFile source, String raw, Diagnostics diagnostics) {
        return parse(source, raw, diagnostics, Body::of);
    }

    /** @param bodies makes the body kept for the document from its text */
    private ParsedDocument parse(SourceFile source, String raw, Diagnostics diagnostics, Function<String, Body> bodies) {
        try {
            return parseText(source, raw, diagnostics, bodies);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.error(SourcePosition.of(source.file()), "the front matter could not be read (" + org.agora.diag.Failures.describe(e) + ")",
                    "check the front matter at the top of the file; if it looks right, report this to Agora's developers");
            return ParsedDocument.unreadable(source, FrontMatter.empty(), "", 0);
        }
    }

    private ParsedDocument parseText(SourceFile source, String raw, Diagnostics diagnostics, Function<String, Body> bodies) {
        // Body.fileText normalised a file's text already; doing it again finds nothing left to change.
        String text = Body.normalized(raw);
        YamlFields f = new YamlFields(source.file(), diagnostics);
        return switch (FrontMatterSplit.of(text)) {
            case FrontMatterSplit.NoBlock none -> {
                none.lookAlike().ifPresent(l -> f.warning("frontmatter.not-read", l.line(), l.message(), l.hint()));
                yield new ParsedDocument(source, withFileNameDate(source, FrontMatter.empty()), bodies.apply(none.body()), 0, true);
            }
            case FrontMatterSplit.Unclosed open -> {
                f.error("frontmatter.unclosed", open.line(), "the " + open.syntax() + " front matter opened on line "
                        + open.line() + " is never closed", open.hint());
                yield ParsedDocument.unreadable(source, FrontMatter.empty(), "", 0);
            }
            case FrontMatterSplit.Block block -> parseBlock(source, block, f, bodies);
        };
    }

    private ParsedDocument parseBlock(SourceFile source, FrontMatterSplit.Block block, YamlFields f,
                                      Function<String, Body> bodies) {
        YamlReader.Result result = switch (block.syntax()) {
            case YAML -> yaml.read(block.text(), block.lineOffset());
            case TOML -> toml.read(block.text(), block.lineOffset());
            case JSON -> json.read(block.text(), block.lineOffset());
        };
        if (!result.ok()) {
            f.error(switch (block.syntax()) {
                case YAML -> "frontmatter.invalid-yaml";
                case TOML -> "frontmatter.invalid-toml";
                case JSON -> "frontmatter.invalid-json";
            }, result.problem().line(), "invalid " + block.syntax() + " in front matter: " + result.problem().message(),
                    block.syntax().hint());
            return ParsedDocument.unreadable(source, withFileNameDate(source, FrontMatter.empty()), bodies.apply(block.body()), block.bodyLineOffset());
        }
        result.duplicateKeys().forEach(d -> f.error("frontmatter.duplicate-key", d.line(), d.message(), "keep only one"));
        YamlNode node = result.node();
        if (node instanceof YamlNode.Scalar s && s.isNull()) node = YamlNode.Mapping.empty(block.lineOffset() + 1);
        if (!(node instanceof YamlNode.Mapping map)) {
            f.error(node.line(), "front matter must be fields like  title: ..., not " + node.kind(),
                    "write one  field: value  per line");
            return ParsedDocument.unreadable(source, withFileNameDate(source, FrontMatter.empty()), bodies.apply(block.body()), block.bodyLineOffset());
        }
        return new ParsedDocument(source, read(source, map, f), bodies.apply(block.body()), block.bodyLineOffset(), true);
    }

    private FrontMatter read(SourceFile source, YamlNode.Mapping written, YamlFields f) {
        YamlNode.Mapping map = KeyCase.canonical(written, knownFields, f);
        Map<String, Integer> lines = new LinkedHashMap<>();
        map.entries().values().forEach(e -> lines.put(e.key(), e.keyLine()));
        Map<String, Object> params = new LinkedHashMap<>();
        for (YamlNode.Entry e : map.entries().values()) {
            if (knownFields.contains(e.key())) continue;
            params.put(e.key(), plain(e.value()));
            nearMiss(e.key().toLowerCase(Locale.ROOT)).ifPresent(s -> f.warning("frontmatter.unknown-field", e.keyLine(), "unknown field '" + e.key() + "' is ignored",
                    "did you mean '" + s + "'?"));
        }

        String title = f.string(map, "title").map(String::strip).orElse(null);
        PageDate date = date(map, "date", f).orElse(null);
        if (date == null && map.get("date").isEmpty()) date = fileNameDate(source).orElse(null);
        PageDate lastmod = date(map, "lastmod", f).orElse(null);
        boolean draft = f.bool(map, "draft").orElse(false);
        String slug = f.string(map, "slug").map(String::strip).orElse(null);
        if (slug != null && !validSlug(slug)) {
            f.error("frontmatter.invalid-slug", lines.get("slug"), "slug '" + slug + "' must be one URL segment (no '/', '\\', '.' or '..')",
                    "use words and hyphens, for example  slug: my-report; use url: to choose a whole path");
            slug = null;
        }
        String url = f.string(map, "url").map(String::strip).orElse(null);
        if (url != null) {
            Optional<String> normalized = SitePath.normalize(url);
            if (normalized.isEmpty()) {
                f.error("frontmatter.path-outside-site", lines.get("url"), "url '" + url + "' would point outside the site",
                        "write a path inside the site such as  url: /fr/ressources/rapport/");
                url = null;
            } else {
                url = normalized.get();
            }
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : f.stringList(map, "aliases")) {
            // A relative alias stays relative: it is resolved from the page's own folder once its path is known,
            // and an alias that climbs out from there is reported then.
            Optional<String> normalized = alias.startsWith("/") ? SitePath.normalize(alias)
                    : SitePath.normalize("/" + alias.replace("..", "x")).map(p -> alias);
            if (normalized.isEmpty()) {
                f.error("frontmatter.path-outside-site", lines.get("aliases"), "alias '" + alias + "' would point outside the site",
                        "write a path inside the site such as  /en/old-page/");
            } else {
                aliases.add(normalized.get());
            }
        }
        Integer weight = f.integer(map, "weight").orElse(null);
        String summary = f.string(map, "summary").or(() -> f.string(map, "description")).map(String::strip).orElse(null);
        String type = f.string(map, "type").map(String::strip).orElse(null);
        if (type != null && !validSlug(type)) {
            f.error(lines.get("type"), "type '" + type + "' must be a plain name (no '/', '.', or control characters)",
                    "use a word such as  type: reports");
            type = null;
        }
        String translationKey = f.string(map, "translationKey").map(String::strip).orElse(null);
        FrontMatter.Translation translation = translation(map, lines, f);

        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (String taxonomy : config.taxonomies()) {
            List<String> values = f.stringList(map, taxonomy);
            if (taxonomy.equals("countries")) values = countries(values, lines.getOrDefault("countries", 1), f);
            if (!values.isEmpty()) terms.put(taxonomy, List.copyOf(new LinkedHashSet<>(values)));
        }
        FrontMatter.Event event = f.mapping(map, "event").map(m -> event(m, f)).orElse(null);
        List<FrontMatter.Attachment> attachments = attachments(map, f);
        return new FrontMatter(title, date, lastmod, draft, slug, url, aliases, weight, summary, type,
                translationKey, translation, terms, event, attachments, params, lines, publication(map, lines, f));
    }

    /**
     * translation: human | machine | machine-reviewed, or { method: …, by: …, reviewedBy: …, source: … } where
     * source pins the version of the source translated ({@link SourceVersion#pin()}).
     */
    private static FrontMatter.Translation translation(YamlNode.Mapping map, Map<String, Integer> lines, YamlFields f) {
        Optional<YamlNode> node = map.get("translation");
        if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar sc && sc.isNull())) return null;
        String method;
        String by = null;
        String reviewedBy = null;
        String source = null;
        int line = lines.getOrDefault("translation", 1);
        if (node.get() instanceof YamlNode.Mapping m) {
            f.rejectUnknownKeys(m, Set.of("method", "by", "reviewedBy", "source"), "translation");
            method = f.string(m, "method").orElse(null);
            by = f.string(m, "by").map(String::strip).filter(x -> !x.isEmpty()).orElse(null);
            reviewedBy = f.string(m, "reviewedBy").map(String::strip).filter(x -> !x.isEmpty()).orElse(null);
            source = f.string(m, "source").map(String::strip).filter(x -> !x.isEmpty()).orElse(null);
            if (source != null && !SourceVersion.isPin(source)) {
                f.error("frontmatter.invalid-translation", line,
                        "translation source must be the pin Agora wrote (" + SourceVersion.PIN_LENGTH
                                + " hexadecimal characters), not '" + source + "'",
                        "run  ./agora mark-current <this file>  to pin the source version it translates now");
                source = null;
            }
            if (method == null && by == null && reviewedBy == null) {
                return source == null ? null : new FrontMatter.Translation(null, null, null, source);
            }
            if (method == null) method = "";
        } else {
            method = f.string(map, "translation").orElse("");
        }
        Optional<org.agora.config.TranslationMethod> parsed = org.agora.config.TranslationMethod.of(method);
        if (parsed.isEmpty()) {
            f.error("frontmatter.invalid-translation", line,
                    "translation must be human, machine or machine-reviewed, not '" + method.strip() + "'",
                    "write  translation: machine  or  translation: { method: machine-reviewed, by: DeepL, reviewedBy: Awa Diop }");
            return source == null ? null : new FrontMatter.Translation(null, null, null, source);
        }
        if (reviewedBy != null && parsed.get() == org.agora.config.TranslationMethod.MACHINE) {
            parsed = Optional.of(org.agora.config.TranslationMethod.MACHINE_REVIEWED);
        }
        return new FrontMatter.Translation(parsed.get(), by, reviewedBy, source);
    }

    /** authors, publisher, doi and isbn: what a reference to the document names besides its title and date. */
    private static FrontMatter.Publication publication(YamlNode.Mapping map, Map<String, Integer> lines, YamlFields f) {
        List<FrontMatter.Author> authors = authors(map, f);
        String publisher = f.string(map, "publisher").map(FrontMatterParser::oneLine).filter(x -> !x.isEmpty()).orElse(null);
        String doi = identifier(map, "doi", Identifiers::doi, written -> f.error("frontmatter.invalid-doi",
                lines.getOrDefault("doi", 1), "'" + written + "' is not a DOI",
                "write the DOI as  doi: 10.5281/zenodo.1234567  (a link https://doi.org/10... works too); a DOI starts with 10., a number, and /"), f);
        String isbn = identifier(map, "isbn", Identifiers::isbn, written -> f.error("frontmatter.invalid-isbn",
                lines.getOrDefault("isbn", 1), "'" + written + "' is not a valid ISBN",
                "copy the ISBN-13 (or ISBN-10) from the book's back cover or imprint page, hyphens allowed: 978-2-12-345680-3; its last digit is a check digit, so one wrong digit shows"), f);
        if (authors.isEmpty() && publisher == null && doi == null && isbn == null) return FrontMatter.Publication.NONE;
        return new FrontMatter.Publication(authors, publisher, doi, isbn);
    }

    /** doi or isbn in its normal form, or null when absent; a value that is not one goes to {@code invalid}. */
    private static String identifier(YamlNode.Mapping map, String key, Function<String, Optional<String>> normal,
                                     java.util.function.Consumer<String> invalid, YamlFields f) {
        return f.string(map, key).map(String::strip).filter(x -> !x.isEmpty()).flatMap(written -> {
            Optional<String> id = normal.apply(written);
            if (id.isEmpty()) invalid.accept(written);
            return id;
        }).orElse(null);
    }

    /**
     * authors: a text or a list, each "Family, Given" for a person, a text without a comma for an organisation
     * (or anyone known by one name), or { family: …, given: … } / { name: … } when a name holds a comma.
     */
    private static List<FrontMatter.Author> authors(YamlNode.Mapping map, YamlFields f) {
        Optional<YamlNode> node = map.get("authors");
        if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar s && s.isNull())) return List.of();
        List<YamlNode> items = node.get() instanceof YamlNode.Sequence seq ? seq.items() : List.of(node.get());
        if (items.size() > MAX_AUTHORS) {
            // Every reference of every style is formatted from the list: a runaway one (a pasted file) would
            // cost each build seconds for nothing a reader can use.
            f.error("frontmatter.invalid-author", node.get().line(), "'authors' lists " + items.size() + " names, more than the "
                    + MAX_AUTHORS + " a document may have", "keep the authors who wrote it, or name the group as one organisation");
            items = items.subList(0, MAX_AUTHORS);
        }
        List<FrontMatter.Author> out = new ArrayList<>();
        for (YamlNode item : items) {
            switch (item) {
                case YamlNode.Scalar s when s.isNull() -> { }
                case YamlNode.Scalar s -> authorText(s.text(), s.line(), f).ifPresent(out::add);
                case YamlNode.Mapping written -> {
                    YamlNode.Mapping m = KeyCase.canonical(written, AUTHOR_KEYS, f);
                    // Hugo themes give authors more keys (link, image, email): kept out of citations, not errors;
                    // only a near miss of Agora's own is worth a word.
                    for (YamlNode.Entry e : m.entries().values()) {
                        if (AUTHOR_KEYS.contains(e.key())) continue;
                        Suggestions.closest(e.key(), AUTHOR_KEYS).ifPresent(near -> f.warning("frontmatter.unknown-field", e.keyLine(),
                                "unknown key '" + e.key() + "' in an author is ignored", "did you mean '" + near + "'?"));
                    }
                    String family = f.string(m, "family").map(FrontMatterParser::oneLine).filter(x -> !x.isEmpty()).orElse(null);
                    String given = f.string(m, "given").map(FrontMatterParser::oneLine).filter(x -> !x.isEmpty()).orElse(null);
                    String name = f.string(m, "name").map(FrontMatterParser::oneLine).filter(x -> !x.isEmpty()).orElse(null);
                    if (family != null && name == null) {
                        out.add(FrontMatter.Author.person(family, given));
                    } else if (name != null && family == null && given == null) {
                        out.add(FrontMatter.Author.named(name));
                    } else {
                        f.error("frontmatter.invalid-author", m.line(), "an author needs either family: (and given:) for a person, or name: for an organisation",
                                "write  - { family: Diop, given: Awa }  or  - { name: Bridges Learning Network }");
                    }
                }
                case YamlNode.Sequence s -> f.error("frontmatter.invalid-author", s.line(), "an author cannot be a list",
                        "write one author per line:\n      authors:\n        - \"Diop, Awa\"\n        - Bridges Learning Network");
            }
        }
        return out;
    }

    /** "Diop, Awa" is a person; "Bridges Learning Network" is one name. */
    private static Optional<FrontMatter.Author> authorText(String text, int line, YamlFields f) {
        String written = oneLine(text);
        if (written.isEmpty()) return Optional.empty();
        int comma = written.indexOf(',');
        if (comma < 0) return Optional.of(FrontMatter.Author.named(written));
        String family = written.substring(0, comma).strip();
        String given = written.substring(comma + 1).strip();
        if (family.isEmpty() || given.isEmpty() || given.contains(",")) {
            // Hugo sites write bylines freely ("Smith, John, and Doe, Jane"): the page still builds and shows the
            // name as written; only a citation would split it wrongly, so the editor is told.
            f.warning("frontmatter.invalid-author", line, "'" + written + "' is not a name Agora can split into family and given names",
                    "write a person as  \"Family, Given\"  (\"Diop, Awa\"), an organisation without a comma, or a name with commas as  { name: \"...\" }");
            String name = written.replaceAll("^,+|,+$", "").strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(FrontMatter.Author.named(name));
        }
        return Optional.of(FrontMatter.Author.person(family, given));
    }

    /** A name is one line: a newline or tab in it would start a new line of a RIS file or a meta tag. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Cc}]+", " ").strip();
    }

    /** Sites repeat the same few extra fields in every file: decide once per field name. */
    private Optional<String> nearMiss(String key) {
        return nearMisses.computeIfAbsent(key, this::computeNearMiss);
    }

    private Optional<String> computeNearMiss(String key) {
        // Hugo sites' own author: field is no misspelt authors: (templates and {{< param "author" >}} read it).
        if (key.equals("author")) return Optional.empty();
        for (String known : knownFields) {
            if (known.equals(key + "s") || known.equals(key + "es")
                    || (key.endsWith("y") && known.equals(key.substring(0, key.length() - 1) + "ies"))) {
                return Optional.of(known);
            }
        }
        return Suggestions.closest(key, knownFields);
    }

    private List<String> countries(List<String> values, int line, YamlFields f) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String code = v.toUpperCase(Locale.ROOT);
            if (ISO_COUNTRIES.contains(code)) {
                out.add(code);
            } else {
                f.error("frontmatter.invalid-country", line, "'" + v + "' is not an ISO 3166 country code",
                        "use two-letter codes such as BE, CD, SN (see https://en.wikipedia.org/wiki/ISO_3166-1_alpha-2)");
            }
        }
        return out;
    }

    private Optional<PageDate> date(YamlNode.Mapping map, String key, YamlFields f) {
        return f.string(map, key).flatMap(text -> {
            Optional<PageDate> d = PageDate.parse(text);
            if (d.isEmpty()) {
                f.error("frontmatter.invalid-date", map.get(key).orElseThrow().line(), "'" + key + "' is not a date: '" + text + "'",
                        "write  " + key + ": 2026-11-22  or  " + key + ": 2026-11-22T14:30:00+01:00");
            }
            return d;
        });
    }

    private FrontMatter.Event event(YamlNode.Mapping written, YamlFields f) {
        YamlNode.Mapping m = KeyCase.canonical(written, EVENT_KEYS, f);
        f.rejectUnknownKeys(m, EVENT_KEYS, "event");
        PageDate start = date(m, "start", f).orElse(null);
        PageDate end = date(m, "end", f).orElse(null);
        String location = f.string(m, "location").map(String::strip).orElse(null);
        if (start == null && m.get("start").isEmpty()) {
            f.error("frontmatter.event-without-start", m.line(), "the event has no start", "add  start: 2027-02-10T09:30:00+01:00  under event:");
        }
        if (start != null && end != null && end.compareTo(start) < 0) {
            f.error(m.get("end").orElseThrow().line(), "the event ends before it starts", "check event.start and event.end");
        }
        return start == null ? null : new FrontMatter.Event(start, end, location);
    }

    private List<FrontMatter.Attachment> attachments(YamlNode.Mapping map, YamlFields f) {
        Optional<YamlNode> node = map.get("attachments");
        if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar s && s.isNull())) return List.of();
        if (!(node.get() instanceof YamlNode.Sequence seq)) {
            f.error(node.get().line(), "'attachments' must be a list",
                    "write\n      attachments:\n        - file: report.pdf\n          title: Annual report");
            return List.of();
        }
        List<FrontMatter.Attachment> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlNode.Scalar s && !s.isNull()) {
                out.add(new FrontMatter.Attachment(s.text().strip(), null, s.line()));
            } else if (item instanceof YamlNode.Mapping written) {
                YamlNode.Mapping m = KeyCase.canonical(written, ATTACHMENT_KEYS, f);
                f.rejectUnknownKeys(m, ATTACHMENT_KEYS, "an attachment");
                Optional<String> file = f.string(m, "file");
                if (file.isEmpty()) {
                    f.error(m.line(), "the attachment has no file", "add  file: report.pdf");
                } else {
                    out.add(new FrontMatter.Attachment(file.get().strip(), f.string(m, "title").orElse(null), m.line()));
                }
            }
        }
        return out;
    }

    private FrontMatter withFileNameDate(SourceFile source, FrontMatter fm) {
        Optional<PageDate> d = fileNameDate(source);
        if (d.isEmpty()) return fm;
        return new FrontMatter(fm.title(), d.get(), fm.lastmod(), fm.draft(), fm.slug(), fm.url(), fm.aliases(),
                fm.weight(), fm.summary(), fm.type(), fm.translationKey(), fm.translation(), fm.taxonomyTerms(), fm.event(),
                fm.attachments(), fm.params(), fm.fieldLines(), fm.publication());
    }

    /** Jekyll's and Hugo's ":filename" date: "2026-05-04-network-assembly.md". */
    static Optional<PageDate> fileNameDate(SourceFile source) {
        Matcher m = DATE_PREFIX.matcher(source.baseName());
        return m.matches() ? PageDate.parse(m.group(1)) : Optional.empty();
    }

    /** The file name without a date prefix: the default slug. */
    public static String nameWithoutDate(String baseName) {
        Matcher m = DATE_PREFIX.matcher(baseName);
        return m.matches() ? m.group(2) : baseName;
    }

    private static boolean validSlug(String slug) {
        return !slug.isEmpty() && !slug.contains("/") && !slug.contains("\\") && !slug.equals(".")
                && !slug.equals("..") && !slug.startsWith(".") && slug.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Object plain(YamlNode node) {
        return switch (node) {
            case YamlNode.Scalar s -> s.text();
            case YamlNode.Sequence s -> s.items().stream().map(FrontMatterParser::plain).toList();
            case YamlNode.Mapping m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().values().forEach(e -> out.put(e.key(), plain(e.value())));
                yield out;
            }
        };
    }
}
