package org.agora.config;

import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.yaml.YamlFields;
import org.agora.yaml.YamlNode;
import org.agora.yaml.YamlReader;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks site-config.yml; every problem becomes a diagnostic with its line. */
public final class ConfigLoader {

    public static final String FILE_NAME = "site-config.yml";
    public static final List<String> DEFAULT_TAXONOMIES =
            List.of("tags", "categories", "themes", "countries", "organisations");

    private static final Set<String> TOP_KEYS = Set.of("title", "description", "baseURL", "defaultLanguage",
            "languages", "fallback", "theme", "taxonomies", "pageSize", "markdown", "types", "security", "limits",
            "defaultContentLanguageInSubdir", "uglyURLs", "permalinks", "frontmatter", "brokenLinks", "search", "translation",
            "oai", "citable", "slugs");
    /** Reports and resources are what readers of an e-library cite; news and events rarely are. */
    public static final List<String> DEFAULT_CITABLE = List.of("resources", "reports");
    private static final Set<String> LANGUAGE_KEYS = Set.of("label", "locale", "direction", "baseURL");
    private static final Set<String> MARKDOWN_KEYS = Set.of("trustRawHtml");
    private static final Set<String> TYPE_KEYS = Set.of("required");
    private static final Set<String> SECURITY_KEYS = Set.of("activeFiles", "contentSecurityPolicy");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

    private final YamlReader yaml = new YamlReader();

    public Optional<SiteConfig> load(Path siteDir, Diagnostics diagnostics) {
        Path file = siteDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            diagnostics.error(SourcePosition.of(file), "no " + FILE_NAME + " in " + siteDir.toAbsolutePath().normalize(),
                    "run the command in your site's folder or pass --site DIR");
            return Optional.empty();
        }
        if (!org.agora.files.SiteFolder.of(siteDir).readable(file, diagnostics)) return Optional.empty();
        String text;
        try {
            text = stripBom(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(file), "cannot read " + FILE_NAME + ": " + e.getMessage(), "");
            return Optional.empty();
        }
        YamlReader.Result result = yaml.read(text, 0);
        YamlFields f = new YamlFields(file, diagnostics);
        if (!result.ok()) {
            f.error(result.problem().line(), "invalid YAML: " + result.problem().message(),
                    "check indentation and quote values that contain ':' or '#'");
            return Optional.empty();
        }
        result.duplicateKeys().forEach(d -> f.error(d.line(), d.message(), "keep only one"));
        if (!(result.node() instanceof YamlNode.Mapping root)) {
            f.error(result.node().line(), FILE_NAME + " must be a map of settings", "start with  title: My e-library");
            return Optional.empty();
        }
        long errorsBefore = diagnostics.errorCount();
        f.rejectUnknownKeys(root, TOP_KEYS, FILE_NAME);

        List<LanguageConfig> languages = readLanguages(root, f);
        Set<String> codes = new LinkedHashSet<>();
        languages.forEach(l -> codes.add(l.code()));

        String defaultLanguage = f.string(root, "defaultLanguage").map(String::strip).orElse(null);
        if (defaultLanguage == null) {
            if (!languages.isEmpty()) defaultLanguage = languages.getFirst().code();
        } else if (!codes.contains(defaultLanguage)) {
            f.error(root.get("defaultLanguage").orElseThrow().line(),
                    "defaultLanguage '" + defaultLanguage + "' is not one of the languages " + codes,
                    "use one of " + String.join(", ", codes) + " or add it under languages:");
        }

        URI baseUrl = readBaseUrl(root, f);
        LocalizedText title = readText(root, "title", codes, f).orElse(LocalizedText.of("Agora e-library"));
        LocalizedText description = readText(root, "description", codes, f).orElse(LocalizedText.of(""));
        Map<String, List<String>> fallbacks = readFallbacks(root, codes, defaultLanguage, f);
        String theme = f.string(root, "theme").map(String::strip).orElse("default");
        if (!theme.matches("[A-Za-z0-9._-]+") || theme.startsWith(".")) {
            f.error(root.get("theme").orElseThrow().line(), "theme '" + theme + "' is not a folder name",
                    "name a folder inside themes/, for example  theme: default");
        }
        List<String> taxonomies = root.get("taxonomies").isPresent()
                ? f.stringList(root, "taxonomies") : DEFAULT_TAXONOMIES;
        int pageSize = f.integer(root, "pageSize").orElse(20);
        if (pageSize < 1) f.error(root.get("pageSize").orElseThrow().line(), "pageSize must be at least 1", "");
        boolean trustRawHtml = false;
        Optional<YamlNode.Mapping> markdown = f.mapping(root, "markdown");
        if (markdown.isPresent()) {
            f.rejectUnknownKeys(markdown.get(), MARKDOWN_KEYS, "markdown");
            trustRawHtml = f.bool(markdown.get(), "trustRawHtml").orElse(false);
        }
        DocumentTypes types = readTypes(root, f);
        Security security = readSecurity(root, trustRawHtml, f);
        Limits limits = readLimits(root, f);
        UrlSettings urls = readUrlSettings(root, languages, f);
        BrokenLinks brokenLinks = readBrokenLinks(root, f);
        SearchPacks searchPacks = readSearch(root, f);
        Map<String, List<String>> synonyms = readSynonyms(root, codes, f);
        TranslationMethod translationDefault = readTranslationDefault(root, f);
        OaiSettings oai = readOai(root, codes, f);
        List<String> citable = readCitable(root, f);
        GeneratedSlugs slugs = readSlugs(root, taxonomies, codes, f);
        if (languages.isEmpty() || defaultLanguage == null || baseUrl == null || diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        TermLabels termLabels = new TermLabelsLoader().load(siteDir, taxonomies, codes, diagnostics);
        return Optional.of(new SiteConfig(siteDir, file, title, description, baseUrl, defaultLanguage, languages,
                fallbacks, theme, taxonomies, pageSize, security, termLabels, types, limits, urls, brokenLinks,
                searchPacks, synonyms, translationDefault, oai, citable, slugs));
    }

    /**
     * slugs: { search: { fr: recherche }, themes: { nl: themas } }: the folder of a generated page in a language.
     * Two pages of one language on one folder would clash, so that is refused here, at the line that does it.
     */
    private GeneratedSlugs readSlugs(YamlNode.Mapping root, List<String> taxonomies, Set<String> codes, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "slugs");
        if (node.isEmpty()) return GeneratedSlugs.NONE;
        List<String> names = new java.util.ArrayList<>(GeneratedSlugs.OWN_PAGES);
        taxonomies.stream().filter(t -> !names.contains(t)).forEach(names::add);
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        Map<String, String> taken = new java.util.HashMap<>();   // "fr:recherche" → the page that has it
        for (YamlNode.Entry e : node.get().entries().values()) {
            if (!names.contains(e.key())) {
                f.error(e.keyLine(), "slugs: '" + e.key() + "' is not a page Agora makes",
                        "use one of " + String.join(", ", names) + " (a taxonomy must be listed in taxonomies:)");
                continue;
            }
            Optional<YamlNode.Mapping> perLanguage = f.mapping(node.get(), e.key());
            if (perLanguage.isEmpty()) continue;
            Map<String, String> values = new LinkedHashMap<>();
            for (YamlNode.Entry l : perLanguage.get().entries().values()) {
                if (!codes.contains(l.key())) {
                    f.error(l.keyLine(), "slugs." + e.key() + " is given for '" + l.key() + "', which is not a site language",
                            "use one of " + String.join(", ", codes));
                    continue;
                }
                Optional<String> slug = f.string(l.value(), "slugs." + e.key() + "." + l.key()).map(String::strip);
                if (slug.isEmpty()) continue;
                if (!GeneratedSlugs.isSegment(slug.get())) {
                    f.error(l.value().line(), "slugs." + e.key() + "." + l.key() + " '" + slug.get()
                                    + "' is not one folder name in lower case",
                            "write letters and digits joined by hyphens, for example  " + l.key() + ": "
                                    + slug.get().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                                    .replaceAll("^-|-$", ""));
                    continue;
                }
                String other = taken.putIfAbsent(l.key() + ":" + slug.get(), e.key());
                if (other != null) {
                    f.error(l.value().line(), "slugs." + e.key() + "." + l.key() + " '" + slug.get()
                            + "' is also the folder of " + other, "give each page its own folder");
                    continue;
                }
                values.put(l.key(), slug.get());
            }
            byName.put(e.key(), values);
        }
        return new GeneratedSlugs(byName);
    }

    /**
     * security: { activeFiles: [static/js/*.js], contentSecurityPolicy: "..." | false }. Without it, an
     * untrusted site gets the strict policy and publishes no active file; a trusted one gets neither.
     */
    private Security readSecurity(YamlNode.Mapping root, boolean trustRawHtml, YamlFields f) {
        Security defaults = Security.defaults(trustRawHtml);
        Optional<YamlNode.Mapping> node = f.mapping(root, "security");
        if (node.isEmpty()) return defaults;
        YamlNode.Mapping m = node.get();
        f.rejectUnknownKeys(m, SECURITY_KEYS, "security");
        List<String> active = new ArrayList<>();
        for (String glob : f.stringList(m, "activeFiles")) {
            String g = glob.strip();
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g);
                if (g.startsWith("/") || g.contains("..")) throw new IllegalArgumentException("not relative");
                active.add(g);
            } catch (IllegalArgumentException e) {
                f.error(m.get("activeFiles").orElseThrow().line(), "'" + glob + "' is not a file pattern inside the site",
                        "write paths from the site folder, such as  static/js/*.js  or  static/**/*.svg");
            }
        }
        String policy = defaults.contentSecurityPolicy();
        Optional<YamlNode> csp = m.get("contentSecurityPolicy");
        if (csp.isPresent() && csp.get() instanceof YamlNode.Scalar s) {
            String text = s.isNull() ? "false" : s.text().strip();
            if (text.equals("false")) policy = null;
            else if (text.equals("strict")) policy = Security.STRICT_POLICY;
            else if (text.matches("[^\\r\\n\"<>]+")) policy = text;
            else f.error(s.line(), "contentSecurityPolicy must be one line of directives, 'strict' or false", "");
        } else if (csp.isPresent()) {
            f.error(csp.get().line(), "contentSecurityPolicy must be a text, 'strict' or false", "");
        }
        return new Security(trustRawHtml, active, policy);
    }

    /**
     * Hugo's URL settings under Hugo's names, so that a Hugo config's lines can be copied as they are:
     * defaultContentLanguageInSubdir, uglyURLs, permalinks (per section, or Hugo's newer
     * { page: {...}, section: {...} }), frontmatter.date and languages.xx.baseURL.
     */
    private UrlSettings readUrlSettings(YamlNode.Mapping root, List<LanguageConfig> languages, YamlFields f) {
        boolean inSubdir = f.bool(root, "defaultContentLanguageInSubdir").orElse(false);
        boolean ugly = f.bool(root, "uglyURLs").orElse(false);
        Map<String, String> pagePatterns = new LinkedHashMap<>();
        Map<String, String> sectionPatterns = new LinkedHashMap<>();
        f.mapping(root, "permalinks").ifPresent(m -> {
            for (YamlNode.Entry e : m.entries().values()) {
                if (e.value() instanceof YamlNode.Mapping kind && (e.key().equals("page") || e.key().equals("section"))) {
                    for (YamlNode.Entry section : kind.entries().values()) {
                        readPermalink(section, e.key().equals("page") ? pagePatterns : sectionPatterns, f);
                    }
                } else if (e.key().equals("term") || e.key().equals("taxonomy")) {
                    f.warning(e.keyLine(), "permalinks." + e.key() + " is not supported: taxonomy and term pages keep"
                            + " their usual paths", "remove it, or tell us which site needs it");
                } else {
                    readPermalink(e, pagePatterns, f);
                }
            }
        });
        boolean filenameDates = false;
        Optional<YamlNode.Mapping> frontmatter = f.mapping(root, "frontmatter");
        if (frontmatter.isPresent()) {
            f.rejectUnknownKeys(frontmatter.get(), Set.of("date", "lastmod", "publishDate", "expiryDate"), "frontmatter");
            filenameDates = f.stringList(frontmatter.get(), "date").stream().anyMatch(v -> v.strip().equals(":filename"));
        }
        Map<String, URI> hosts = new LinkedHashMap<>();
        f.mapping(root, "languages").ifPresent(m -> {
            for (YamlNode.Entry e : m.entries().values()) {
                if (e.value() instanceof YamlNode.Mapping lang && lang.get("baseURL").isPresent()) {
                    URI uri = readBaseUrl(lang, f);
                    if (uri == null) continue;
                    if (uri.getHost() == null) {
                        f.error(lang.get("baseURL").orElseThrow().line(), "a language's baseURL must be a whole URL with its host",
                                "write for example  baseURL: https://fr.example.org/");
                    } else {
                        hosts.put(e.key(), uri);
                    }
                }
            }
        });
        if (!hosts.isEmpty() && hosts.size() != languages.size()) {
            int line = root.get("languages").map(YamlNode::line).orElse(1);
            List<String> without = languages.stream().map(LanguageConfig::code).filter(c -> !hosts.containsKey(c)).toList();
            f.error(line, "some languages have their own baseURL and " + without + " not",
                    "give every language its own baseURL (one host per language), or none");
        }
        return new UrlSettings(inSubdir, ugly, pagePatterns, sectionPatterns, filenameDates, hosts,
                root.get("taxonomies").isPresent());
    }

    private static void readPermalink(YamlNode.Entry e, Map<String, String> into, YamlFields f) {
        Optional<String> pattern = f.string(e.value(), "permalinks." + e.key());
        if (pattern.isEmpty()) return;
        String p = pattern.get().strip();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile(":([a-zA-Z]+)").matcher(p);
        while (token.find()) {
            if (!org.agora.config.UrlSettings.TOKENS.contains(token.group(1))) {
                f.error(e.value().line(), "permalink token ':" + token.group(1) + "' is not known",
                        "use " + String.join(", ", org.agora.config.UrlSettings.TOKENS.stream().map(t -> ":" + t).toList()));
                return;
            }
        }
        into.put(e.key().strip().replaceAll("^/+|/+$", ""), p);
    }

    /** brokenLinks: error | warning. */
    private BrokenLinks readBrokenLinks(YamlNode.Mapping root, YamlFields f) {
        Optional<String> text = f.string(root, "brokenLinks");
        if (text.isEmpty()) return BrokenLinks.ERROR;
        return BrokenLinks.parse(text.get()).orElseGet(() -> {
            f.error(root.get("brokenLinks").orElseThrow().line(), "brokenLinks must be error or warning, not '" + text.get() + "'",
                    "write  brokenLinks: warning  to publish while old broken links are fixed");
            return BrokenLinks.ERROR;
        });
    }

    /** search: { packs: auto | never | always }. */
    private SearchPacks readSearch(YamlNode.Mapping root, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "search");
        if (node.isEmpty()) return SearchPacks.AUTO;
        f.rejectUnknownKeys(node.get(), Set.of("packs", "synonyms"), "search");
        Optional<YamlNode> value = node.get().get("packs");
        if (value.isEmpty()) return SearchPacks.AUTO;
        String text = value.get() instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : "";
        return SearchPacks.parse(text).orElseGet(() -> {
            f.error(value.get().line(), "search.packs must be auto, never or always, not '" + text.strip() + "'",
                    "write  packs: never  when the host ignores HTTP Range requests (python -m http.server), "
                            + "always to bundle the search files of any site");
            return SearchPacks.AUTO;
        });
    }

    /**
     * search: { synonyms: { all: ["NGO, non-governmental organisation"], fr: ["ONG, organisation non gouvernementale"] } }:
     * per language (or {@code all}), lines of words that mean the same, separated by commas. The lines of
     * {@code all} come first in every language.
     */
    private Map<String, List<String>> readSynonyms(YamlNode.Mapping root, Collection<String> languages, YamlFields f) {
        Optional<YamlNode.Mapping> search = root.get("search").filter(n -> n instanceof YamlNode.Mapping).map(n -> (YamlNode.Mapping) n);
        if (search.isEmpty() || search.get().get("synonyms").isEmpty()) return Map.of();
        Optional<YamlNode.Mapping> node = f.mapping(search.get(), "synonyms");
        if (node.isEmpty()) return Map.of();
        Set<String> keys = new java.util.TreeSet<>(languages);
        keys.add("all");
        f.rejectUnknownKeys(node.get(), keys, "search.synonyms");
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (YamlNode.Entry e : node.get().entries().values()) {
            if (!keys.contains(e.key())) continue;
            List<String> valid = new ArrayList<>();
            List<YamlNode> items = e.value() instanceof YamlNode.Sequence seq ? seq.items() : List.of(e.value());
            for (YamlNode item : items) {
                String text = item instanceof YamlNode.Scalar sc && !sc.isNull() ? sc.text() : null;
                long words = text == null ? 0 : java.util.Arrays.stream(text.split(",")).filter(w -> !w.isBlank()).count();
                if (words < 2 || text.contains("=>")) {
                    f.error(item.line(), "search.synonyms." + e.key() + ": each line lists two or more words or phrases "
                                    + "that mean the same, separated by commas",
                            "write  - NGO, non-governmental organisation, non-profit");
                    continue;
                }
                valid.add(text);
            }
            lines.put(e.key(), valid);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String lang : languages) {
            List<String> all = new ArrayList<>(lines.getOrDefault("all", List.of()));
            all.addAll(lines.getOrDefault(lang, List.of()));
            if (!all.isEmpty()) out.put(lang, List.copyOf(all));
        }
        return out;
    }

    /** citable: [resources, reports]: the types (the type: field, else the first folder) readers can cite. */
    private List<String> readCitable(YamlNode.Mapping root, YamlFields f) {
        Optional<YamlNode> node = root.get("citable");
        if (node.isEmpty()) return DEFAULT_CITABLE;
        if (node.get() instanceof YamlNode.Scalar s && s.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        for (String type : f.stringList(root, "citable")) {
            String t = type.strip();
            if (t.isEmpty() || t.contains("/") || t.chars().anyMatch(c -> c < 0x20)) {
                f.error(node.get().line(), "citable: '" + type + "' is not a type name", "write the types as  citable: [resources, reports]");
            } else if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** translation: { default: machine }: how the site's translations were made when a document does not say. */
    private TranslationMethod readTranslationDefault(YamlNode.Mapping root, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "translation");
        if (node.isEmpty()) return null;
        f.rejectUnknownKeys(node.get(), Set.of("default"), "translation");
        Optional<String> text = f.string(node.get(), "default");
        if (text.isEmpty()) return null;
        return TranslationMethod.of(text.get()).orElseGet(() -> {
            f.error(node.get().get("default").orElseThrow().line(),
                    "translation.default must be human, machine or machine-reviewed, not '" + text.get().strip() + "'",
                    "write  translation: { default: machine }  when the site's translations are machine-made");
            return null;
        });
    }

    /** oai: { adminEmail: ..., gateway: https://..., rights: ... }: the OAI static repository's own settings. */
    private OaiSettings readOai(YamlNode.Mapping root, Set<String> codes, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "oai");
        if (node.isEmpty()) return OaiSettings.NONE;
        f.rejectUnknownKeys(node.get(), Set.of("adminEmail", "gateway", "rights"), "oai");
        String email = f.string(node.get(), "adminEmail").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (email != null && !OaiSettings.EMAIL.matcher(email).matches()) {
            f.error(node.get().get("adminEmail").orElseThrow().line(), "oai.adminEmail '" + email + "' is not an e-mail address",
                    "write  adminEmail: library@example.org");
            email = null;
        }
        URI gateway = null;
        Optional<String> gatewayText = f.string(node.get(), "gateway").map(String::strip).filter(s -> !s.isEmpty());
        if (gatewayText.isPresent()) {
            try {
                gateway = new URI(gatewayText.get());
                if (!("http".equals(gateway.getScheme()) || "https".equals(gateway.getScheme())) || gateway.getHost() == null) {
                    throw new java.net.URISyntaxException(gatewayText.get(), "not an http(s) URL with a host");
                }
            } catch (java.net.URISyntaxException e) {
                f.error(node.get().get("gateway").orElseThrow().line(), "oai.gateway '" + gatewayText.get()
                        + "' is not the http(s) URL of a gateway", "write  gateway: https://gateway.example.org/oai");
                gateway = null;
            }
        }
        LocalizedText rights = readText(node.get(), "rights", codes, f).orElse(null);
        return new OaiSettings(email, gateway, rights);
    }

    /** limits: { documentBytes: 20000000, ... }: each a positive whole number, over the defaults. */
    private Limits readLimits(YamlNode.Mapping root, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "limits");
        if (node.isEmpty()) return Limits.DEFAULTS;
        f.rejectUnknownKeys(node.get(), Limits.NAMES.keySet(), "limits");
        Map<String, Long> given = new LinkedHashMap<>();
        for (YamlNode.Entry e : node.get().entries().values()) {
            if (!Limits.NAMES.containsKey(e.key())) continue;
            String text = e.value() instanceof YamlNode.Scalar s && !s.isNull() ? s.text().strip().replace("_", "") : "";
            try {
                long v = Long.parseLong(text);
                if (v < 1) throw new NumberFormatException();
                given.put(e.key(), v);
            } catch (NumberFormatException ex) {
                f.error(e.value().line(), "limits." + e.key() + " must be a positive whole number, not '" + text + "'",
                        "write for example  " + e.key() + ": " + Limits.NAMES.get(e.key()).applyAsLong(Limits.DEFAULTS));
            }
        }
        return Limits.DEFAULTS.with(given);
    }

    /** types: { events: { required: [date, event] } }, over the defaults. */
    private DocumentTypes readTypes(YamlNode.Mapping root, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "types");
        if (node.isEmpty()) return DocumentTypes.DEFAULTS;
        List<DocumentTypes.DocumentType> declared = new ArrayList<>();
        for (YamlNode.Entry e : node.get().entries().values()) {
            String name = e.key().strip();
            if (e.value() instanceof YamlNode.Mapping m) {
                f.rejectUnknownKeys(m, TYPE_KEYS, "type '" + name + "'");
                List<String> required = new ArrayList<>(new LinkedHashSet<>(f.stringList(m, "required")));
                for (String field : required) {
                    if (!field.matches("[^.\\s]+(\\.[^.\\s]+)?")) {
                        f.error(m.get("required").orElseThrow().line(), "'" + field + "' is not a front-matter field name",
                                "name a field such as  summary, or a key inside one such as  event.location");
                    }
                }
                declared.add(new DocumentTypes.DocumentType(name, required, e.keyLine()));
            } else if (e.value() instanceof YamlNode.Scalar s && s.isNull()) {
                declared.add(new DocumentTypes.DocumentType(name, List.of(), e.keyLine()));
            } else {
                f.error(e.value().line(), "type '" + name + "' must be a map of keys",
                        "write  " + name + ": { required: [date, summary] }");
            }
        }
        return DocumentTypes.withDeclared(declared);
    }

    private List<LanguageConfig> readLanguages(YamlNode.Mapping root, YamlFields f) {
        Optional<YamlNode.Mapping> node = f.mapping(root, "languages");
        boolean wrongShape = root.get("languages").isPresent() && node.isEmpty()
                && !(root.get("languages").get() instanceof YamlNode.Scalar s && s.isNull());
        if (wrongShape) return List.of();   // f.mapping reported it
        if (node.isEmpty() || node.get().entries().isEmpty()) {
            int line = root.get("languages").map(YamlNode::line).orElse(1);
            f.error(line, "site-config.yml has no languages",
                    "add for example\n      languages:\n        en: { label: English, locale: en-GB }");
            return List.of();
        }
        List<LanguageConfig> out = new ArrayList<>();
        for (YamlNode.Entry e : node.get().entries().values()) {
            String code = e.key();
            if (!LANGUAGE_CODE.matcher(code).matches()) {
                f.error(e.keyLine(), "language code '" + code + "' is not a lowercase language code",
                        "use an ISO 639 code such as en, fr or nl");
                continue;
            }
            String label = code;
            Locale locale = Locale.forLanguageTag(code);
            String direction = "ltr";
            if (e.value() instanceof YamlNode.Mapping m) {
                f.rejectUnknownKeys(m, LANGUAGE_KEYS, "language '" + code + "'");
                label = f.string(m, "label").orElse(code);
                Optional<String> tag = f.string(m, "locale");
                if (tag.isPresent()) {
                    try {
                        locale = new Locale.Builder().setLanguageTag(tag.get().strip().replace('_', '-')).build();
                    } catch (IllformedLocaleException ex) {
                        f.error(m.get("locale").orElseThrow().line(), "locale '" + tag.get() + "' is not a valid locale",
                                "write a BCP 47 tag such as fr-BE");
                    }
                }
                direction = f.string(m, "direction").orElse("ltr");
                if (!direction.equals("ltr") && !direction.equals("rtl")) {
                    f.error(m.get("direction").orElseThrow().line(), "direction must be ltr or rtl, not '" + direction + "'", "");
                    direction = "ltr";
                }
            } else if (!(e.value() instanceof YamlNode.Scalar s && s.isNull())) {
                f.error(e.value().line(), "language '" + code + "' must be a map of keys",
                        "write  " + code + ": { label: ..., locale: ... }");
            }
            out.add(new LanguageConfig(code, label, locale, direction));
        }
        return out;
    }

    private static URI readBaseUrl(YamlNode.Mapping root, YamlFields f) {
        Optional<String> text = f.string(root, "baseURL");
        if (text.isEmpty()) return URI.create("/");
        int line = root.get("baseURL").orElseThrow().line();
        String s = text.get().strip();
        if (!s.endsWith("/")) s = s + "/";
        try {
            URI uri = new URI(s);
            boolean absolute = uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
            if (!absolute && !s.startsWith("/")) {
                f.error(line, "baseURL '" + text.get() + "' is neither an http(s) URL nor a path",
                        "write for example  baseURL: https://example.org/elibrary/");
                return null;
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                f.error(line, "baseURL must not have a query or fragment", "");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            f.error(line, "baseURL '" + text.get() + "' is not a valid URL: " + e.getReason(),
                    "write for example  baseURL: https://example.org/elibrary/");
            return null;
        }
    }

    private Optional<LocalizedText> readText(YamlNode.Mapping root, String key, Set<String> codes, YamlFields f) {
        Optional<YamlNode> node = root.get(key);
        if (node.isEmpty()) return Optional.empty();
        if (node.get() instanceof YamlNode.Mapping m) {
            Map<String, String> values = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.entries().values()) {
                if (!codes.contains(e.key())) {
                    f.error(e.keyLine(), key + " is given for '" + e.key() + "', which is not a site language",
                            "use one of " + String.join(", ", codes));
                    continue;
                }
                f.string(e.value(), key + "." + e.key()).ifPresent(v -> values.put(e.key(), v));
            }
            return Optional.of(new LocalizedText(null, values));
        }
        return f.string(node.get(), key).map(LocalizedText::of);
    }

    private Map<String, List<String>> readFallbacks(YamlNode.Mapping root, Set<String> codes, String defaultLanguage,
                                                    YamlFields f) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Optional<YamlNode.Mapping> node = f.mapping(root, "fallback");
        if (node.isPresent()) {
            for (YamlNode.Entry e : node.get().entries().values()) {
                if (!codes.contains(e.key())) {
                    f.error(e.keyLine(), "fallback is given for '" + e.key() + "', which is not a site language",
                            "use one of " + String.join(", ", codes));
                    continue;
                }
                List<String> order = new ArrayList<>();
                for (String lang : f.stringList(node.get(), e.key())) {
                    if (!codes.contains(lang)) {
                        f.error(e.value().line(), "fallback language '" + lang + "' is not a site language",
                                "use one of " + String.join(", ", codes));
                    } else if (!lang.equals(e.key())) {
                        order.add(lang);
                    }
                }
                out.put(e.key(), List.copyOf(order));
            }
        }
        // Unless told otherwise, a gap is filled by the default language, as Hugo and Zola readers expect.
        for (String code : codes) {
            if (!out.containsKey(code) && defaultLanguage != null && !code.equals(defaultLanguage)) {
                out.put(code, List.of(defaultLanguage));
            }
        }
        return out;
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
