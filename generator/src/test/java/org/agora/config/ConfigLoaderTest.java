package org.agora.config;

import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ConfigLoaderTest {

    @TempDir
    Path site;

    private final Diagnostics diagnostics = new Diagnostics();

    private Optional<SiteConfig> load(String yaml) throws IOException {
        Files.writeString(site.resolve("site-config.yml"), yaml, StandardCharsets.UTF_8);
        return new ConfigLoader().load(site, diagnostics);
    }

    private List<Diagnostic> errors() {
        return diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
    }

    /** The config does not load, for one error, at this line: that error. */
    private Diagnostic refused(String yaml, int line) throws IOException {
        assertTrue(load(yaml).isEmpty(), "the load fails");
        Diagnostic d = onlyError();
        assertEquals(line, d.position().line());
        return d;
    }

    private Diagnostic onlyError() {
        List<Diagnostic> errors = errors();
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        return errors.getFirst();
    }

    private static final String VALID = """
            # comment line
            title:
              en: "Bridges"
              fr: "Passerelles"
            description: One text for all
            baseURL: https://example.org/elibrary
            defaultLanguage: en
            languages:
              en: { label: English, locale: en-GB }
              fr: { label: Français, locale: fr-BE }
              nl: { label: Nederlands, locale: nl_BE }
            fallback:
              nl: [fr, en]
            theme: default
            pageSize: 15
            markdown:
              trustRawHtml: yes
            """;

    @Test
    void validConfig() throws IOException {
        SiteConfig c = load(VALID).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertTrue(diagnostics.sorted().isEmpty(), () -> diagnostics.sorted().toString());
        assertEquals(site, c.siteDir());
        assertEquals(site.resolve("site-config.yml"), c.configFile());
        assertEquals(site.resolve("content"), c.contentDir());
        assertEquals("Bridges", c.title().in("en", "en"));
        assertEquals("Passerelles", c.title().in("fr", "en"));
        assertEquals("Bridges", c.title().in("nl", "en"), "a missing language falls back to the default's");
        assertEquals("One text for all", c.description().in("fr", "en"));
        assertEquals(URI.create("https://example.org/elibrary/"), c.baseUrl());
        assertEquals("/elibrary/", c.basePath());
        assertEquals("en", c.defaultLanguage());
        assertEquals(List.of("en", "fr", "nl"), c.languageCodes());
        assertEquals("Français", c.language("fr").label());
        assertEquals(Locale.forLanguageTag("fr-BE"), c.language("fr").locale());
        assertEquals("BE", c.language("fr").locale().getCountry());
        assertEquals(Locale.forLanguageTag("nl-BE"), c.language("nl").locale(), "nl_BE is read as nl-BE");
        assertEquals("ltr", c.language("en").direction());
        assertEquals(List.of("en"), c.fallbacksOf("fr"), "default fallback is the default language");
        assertEquals(List.of("fr", "en"), c.fallbacksOf("nl"), "explicit fallback order is kept");
        assertEquals(List.of(), c.fallbacksOf("en"), "the default language falls back to nothing");
        assertEquals("default", c.theme());
        assertEquals(ConfigLoader.DEFAULT_TAXONOMIES, c.taxonomies());
        assertEquals(15, c.pageSize());
        assertTrue(c.trustRawHtml());
        assertTrue(c.hasLanguage("nl"));
        assertFalse(c.hasLanguage("de"));
        assertThrows(IllegalArgumentException.class, () -> c.language("de"));
    }

    @Test
    void minimalConfigGetsDefaults() throws IOException {
        SiteConfig c = load("""
                title: My library
                languages:
                  fr: {}
                  en: { label: English }
                  nl: {}
                """).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals("fr", c.defaultLanguage(), "the first language is the default");
        assertEquals(List.of("fr", "en", "nl"), c.languageCodes());
        assertEquals("My library", c.title().in("en", "fr"));
        assertEquals("", c.description().in("en", "fr"));
        assertEquals(URI.create("/"), c.baseUrl());
        assertEquals("/", c.basePath());
        assertEquals(Map.of("en", List.of("fr"), "nl", List.of("fr")), c.fallbacks());
        assertEquals("fr", c.language("fr").label(), "label defaults to the code");
        assertEquals(Locale.forLanguageTag("en"), c.language("en").locale());
        assertEquals(20, c.pageSize());
        assertFalse(c.trustRawHtml());
        assertEquals("default", c.theme());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "https://example.org,             /",
            "https://example.org/,            /",
            "https://example.org/elibrary,    /elibrary/",
            "https://example.org/a/b/,        /a/b/",
            "/elibrary/,                      /elibrary/",
            "/,                               /",
            "http://localhost:1313/docs,      /docs/",
    })
    void baseUrlGivesBasePathEndingInSlash(String baseUrl, String basePath) throws IOException {
        SiteConfig c = load("baseURL: " + baseUrl + "\nlanguages:\n  en: {}\n").orElseThrow(
                () -> new AssertionError(diagnostics.sorted()));
        assertEquals(basePath, c.basePath());
        assertTrue(c.baseUrl().toString().endsWith("/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org/x", "ftp://example.org/", "https://example.org/?q=1", "https://exa mple.org/",
            "elibrary"})
    void invalidBaseUrlIsAnErrorOnItsLine(String baseUrl) throws IOException {
        Diagnostic d = refused("title: T\nlanguages:\n  en: {}\nbaseURL: \"" + baseUrl + "\"\n", 4);
        assertTrue(d.message().contains("baseURL"), d.message());
    }

    @Test
    void unknownTopLevelKeyIsReportedAtItsLineWithSuggestion() throws IOException {
        Optional<SiteConfig> c = load("""
                languages:
                  en: {}
                
                titel: My library
                """);
        assertTrue(c.isEmpty(), "an unknown key is an error and the load fails");
        Diagnostic d = onlyError();
        assertEquals(site.resolve("site-config.yml"), d.position().file());
        assertEquals(4, d.position().line());
        assertTrue(d.message().contains("'titel'"), d.message());
        assertEquals("did you mean 'title'?", d.hint());
        assertEquals("site-config.yml:4: error: unknown key 'titel' in site-config.yml\n    hint: did you mean 'title'?",
                d.format(site));
    }

    @Test
    void unknownKeyWithoutNearMatchListsKnownKeys() throws IOException {
        load("languages:\n  en: {}\nfoobarbaz: 1\n");
        Diagnostic d = onlyError();
        assertEquals(3, d.position().line());
        assertTrue(d.hint().startsWith("known keys are: "), d.hint());
        assertTrue(d.hint().contains("baseURL") && d.hint().contains("title"), d.hint());
    }

    @Test
    void misspelledLanguagesKey() throws IOException {
        Optional<SiteConfig> c = load("title: T\nlnaguages:\n  en: {}\n");
        assertTrue(c.isEmpty());
        List<Diagnostic> errors = errors();
        Diagnostic unknown = errors.stream().filter(d -> d.message().contains("'lnaguages'")).findFirst().orElseThrow(
                () -> new AssertionError(errors));
        assertEquals(2, unknown.position().line());
        assertEquals("did you mean 'languages'?", unknown.hint());
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("no languages")), errors::toString);
    }

    @Test
    void misspelledKeyInsideALanguage() throws IOException {
        Diagnostic d = refused("""
                languages:
                  en: { label: English }
                  fr:
                    lable: Français
                    locale: fr-BE
                """, 4);
        assertTrue(d.message().contains("'lable'") && d.message().contains("language 'fr'"), d.message());
        assertEquals("did you mean 'label'?", d.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "french", "f", "fr_BE"})
    void languageCodeMustBeLowercaseIso(String code) throws IOException {
        Diagnostic d = refused("languages:\n  en: {}\n  " + code + ": {}\n", 3);
        assertTrue(d.message().contains("'" + code + "'"), d.message());
    }

    @Test
    void defaultLanguageNotAmongLanguages() throws IOException {
        Diagnostic d = refused("""
                languages:
                  en: {}
                  fr: {}
                defaultLanguage: de
                """, 4);
        assertTrue(d.message().contains("'de'"), d.message());
        assertTrue(d.hint().contains("en, fr"), d.hint());
    }

    @Test
    void fallbackNamingAnUnknownLanguage() throws IOException {
        Diagnostic d = refused("""
                languages:
                  en: {}
                  fr: {}
                fallback:
                  fr: [de, en]
                """, 5);
        assertTrue(d.message().contains("'de'"), d.message());
    }

    @Test
    void fallbackForAnUnknownLanguage() throws IOException {
        Diagnostic d = refused("languages:\n  en: {}\n  fr: {}\nfallback:\n  fr: en\n  es: [en]\n", 6);
        assertTrue(d.message().contains("'es'"), d.message());
    }

    @Test
    void titleForAnUnknownLanguage() throws IOException {
        Diagnostic d = refused("languages:\n  en: {}\ntitle:\n  en: A\n  fr: B\n", 5);
        assertTrue(d.message().contains("'fr'"), d.message());
    }

    @Test
    void invalidYamlIsAnErrorWithLine() throws IOException {
        Optional<SiteConfig> c = load("title: T\nlanguages:\n  en: [unclosed\ntheme: x\n");
        assertTrue(c.isEmpty());
        Diagnostic d = onlyError();
        assertTrue(d.message().startsWith("invalid YAML"), d.message());
        assertTrue(d.position().line() >= 3 && d.position().line() <= 4, "line " + d.position().line());
    }

    @Test
    void badIndentationIsReportedAtItsLine() throws IOException {
        Optional<SiteConfig> c = load("title: T\nlanguages:\n  en: {}\n  nl: {}\n bad: 1\n");
        assertTrue(c.isEmpty());
        Diagnostic d = onlyError();
        assertTrue(d.message().startsWith("invalid YAML"), d.message());
        assertEquals(5, d.position().line());
    }

    @Test
    void duplicateKeyIsAnError() throws IOException {
        // the load may still return the config (the last value wins); the build stops on the error
        load("title: A\nlanguages:\n  en: {}\ntitle: B\n");
        assertTrue(diagnostics.hasErrors());
        Diagnostic d = onlyError();
        assertEquals(4, d.position().line());
        assertTrue(d.message().contains("'title'"), d.message());
    }

    @Test
    void missingFileIsAnError() {
        Optional<SiteConfig> c = new ConfigLoader().load(site, diagnostics);
        assertTrue(c.isEmpty());
        Diagnostic d = onlyError();
        assertEquals(site.resolve("site-config.yml"), d.position().file());
        assertTrue(d.message().contains("site-config.yml"), d.message());
        assertFalse(d.hint().isEmpty());
    }

    @Test
    void configThatIsNotAMap() throws IOException {
        assertTrue(load("- en\n- fr\n").isEmpty());
        assertTrue(onlyError().message().contains("must be a map"));
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        SiteConfig c = load("\uFEFFtitle: T\nlanguages:\n  en: {}\n").orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals("T", c.title().in("en", "en"));
    }

    @Test
    void severalProblemsAreAllReportedInOneLoad() throws IOException {
        Optional<SiteConfig> c = load("""
                titel: Library
                baseURL: "not a url"
                defaultLanguage: de
                languages:
                  en: { lable: English }
                  fr: { locale: fr-BE, direction: sideways }
                fallback:
                  fr: [xx]
                theme: ../evil
                pageSize: zero
                markdown:
                  trustRawHTML: true
                """);
        assertTrue(c.isEmpty());
        List<Integer> lines = errors().stream().map(d -> d.position().line()).toList();
        assertEquals(List.of(1, 2, 3, 5, 6, 8, 9, 10, 12), lines, () -> errors().toString());
    }

    @Test
    void nonNumericAndTooSmallPageSize() throws IOException {
        assertTrue(load("languages:\n  en: {}\npageSize: 0\n").isEmpty());
        assertEquals(3, onlyError().position().line());
    }

    @Test
    void explicitTaxonomiesReplaceDefaults() throws IOException {
        SiteConfig c = load("languages:\n  en: {}\ntaxonomies: [tags, regions]\n").orElseThrow();
        assertEquals(List.of("tags", "regions"), c.taxonomies());
    }

    @Test
    void rightToLeftLanguage() throws IOException {
        SiteConfig c = load("languages:\n  en: {}\n  ar: { label: العربية, direction: rtl }\n").orElseThrow(
                () -> new AssertionError(diagnostics.sorted()));
        assertEquals("rtl", c.language("ar").direction());
        assertEquals("العربية", c.language("ar").label());
    }
    @Test
    void languageEntriesWithoutSettingsAreAccepted() throws IOException {
        SiteConfig c = load("languages:\n  en:\n  fr:\n").orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(List.of("en", "fr"), c.languageCodes());
        assertEquals("en", c.language("en").label());
    }
    @ParameterizedTest
    @ValueSource(strings = {"languages: {}\n", "languages: ~\n"})
    void emptyLanguagesIsReported(String yaml) throws IOException {
        Optional<SiteConfig> c = load("title: T\n" + yaml);
        assertTrue(c.isEmpty());
        assertTrue(diagnostics.hasErrors(), "a failed load must say why");
    }

    @Test
    void withoutTypesTheBundledSectionsKeepTheirDefaults() throws IOException {
        SiteConfig c = load("languages:\n  en: {}\n").orElseThrow();
        assertEquals(DocumentTypes.DEFAULTS, c.types());
        assertEquals(List.of("event"), c.types().required("events"));
        assertEquals(List.of(), c.types().required("posts"), "a type nobody declared requires nothing");
        assertTrue(c.types().declared().isEmpty());
    }

    @Test
    void declaredTypesReplaceTheirDefaultAndKeepTheOthers() throws IOException {
        SiteConfig c = load("""
                languages:
                  en: {}
                types:
                  events: { required: [] }
                  posts:
                    required: [author, event.location, author]
                """).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(List.of(), c.types().required("events"), "required: [] lifts a default");
        assertEquals(List.of("author", "event.location"), c.types().required("posts"), "each field once");
        assertEquals(List.of("date"), c.types().required("news"), "a default the site does not name stays");
        assertEquals(0, c.types().types().get("news").line());
        assertEquals(List.of("events", "posts"), c.types().declared().stream().map(DocumentTypes.DocumentType::name).toList());
        assertEquals(5, c.types().types().get("posts").line());
    }

    @Test
    void misspelledKeyInsideATypeSaysDidYouMean() throws IOException {
        Diagnostic d = refused("""
                languages:
                  en: {}
                types:
                  events: { requried: [date] }
                """, 4);
        assertTrue(d.message().contains("'requried'") && d.message().contains("type 'events'"), d.message());
        assertEquals("did you mean 'required'?", d.hint());
    }

    @Test
    void aTypeMustBeAMapAndItsFieldsNames() throws IOException {
        load("languages:\n  en: {}\ntypes:\n  events: [date]\n  news: { required: [\"two words\"] }\n");
        List<Diagnostic> errors = errors();
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(4, errors.get(0).position().line());
        assertTrue(errors.get(0).hint().contains("events: { required: [date, summary] }"), errors.get(0).hint());
        assertEquals(5, errors.get(1).position().line());
        assertTrue(errors.get(1).message().contains("'two words' is not a front-matter field name"), errors.get(1).message());
    }

    @Test
    void hugosUrlSettingsAreReadUnderHugosNames() throws IOException {
        SiteConfig c = load("""
                languages:
                  en: { label: English }
                  fr: { label: Français }
                uglyURLs: true
                permalinks:
                  posts: /:year/:slug/
                  section: { docs: /manual/:sections/ }
                frontmatter: { date: [":filename", ":default"] }
                brokenLinks: warning
                """).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertTrue(c.urls().uglyUrls() && c.urls().filenameDates() && !c.urls().defaultLanguageInSubdir());
        assertEquals(java.util.Map.of("posts", "/:year/:slug/"), c.urls().permalinks());
        assertEquals(java.util.Map.of("docs", "/manual/:sections/"), c.urls().sectionPermalinks());
        assertEquals(BrokenLinks.WARNING, c.brokenLinks());
        assertEquals("/", c.languageRoot("en"), "Hugo's default: the default language at the root");
        assertEquals("/fr/", c.languageRoot("fr"));
    }

    @Test
    void anUnknownPermalinkTokenAndHostsForSomeLanguagesOnlyAreErrorsWithTheirLines() throws IOException {
        assertTrue(load("""
                languages:
                  en: { label: English, baseURL: "https://example.org/" }
                  fr: { label: Français }
                permalinks:
                  posts: /:yeer/:slug/
                brokenLinks: sometimes
                """).isEmpty());
        List<String> errors = errors().stream().map(d -> d.position().line() + " " + d.message()).toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("5 ") && e.contains(":yeer")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("2 ") && e.contains("[fr]")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("6 ") && e.contains("brokenLinks")), errors::toString);
    }

    @Test
    void searchPacksAreAutoUnlessTheSiteSaysOtherwise() throws IOException {
        String languages = "languages:\n  en: { label: English }\n";
        assertEquals(SearchPacks.AUTO, load(languages).orElseThrow().searchPacks());
        assertEquals(SearchPacks.NEVER, load(languages + "search:\n  packs: never\n").orElseThrow().searchPacks());
        assertEquals(SearchPacks.ALWAYS, load(languages + "search: { packs: always }\n").orElseThrow().searchPacks());
    }

    @Test
    void anUnknownSearchPacksValueIsAnErrorAtItsLine() throws IOException {
        Diagnostic e = refused("languages:\n  en: { label: English }\nsearch:\n  packs: sometimes\n", 4);
        assertTrue(e.message().contains("search.packs must be auto, never or always, not 'sometimes'"), e.message());
        assertTrue(e.hint().contains("Range"), e.hint());
    }

    @Test
    void synonymsArePerLanguageWithAllInEveryLanguage() throws IOException {
        SiteConfig c = load("""
                languages:
                  en: { label: English }
                  fr: { label: Français }
                search:
                  synonyms:
                    all: [ "OSM, OpenStreetMap" ]
                    fr:
                      - ONG, organisation non gouvernementale
                """).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(java.util.Map.of("en", List.of("OSM, OpenStreetMap"),
                "fr", List.of("OSM, OpenStreetMap", "ONG, organisation non gouvernementale")), c.searchSynonyms());
        assertEquals(java.util.Map.of(), load("languages:\n  en: { label: English }\n").orElseThrow().searchSynonyms());
    }

    @Test
    void aSynonymLineWithOneWordOrAnUnknownLanguageIsAnErrorAtItsLine() throws IOException {
        assertTrue(load("""
                languages:
                  en: { label: English }
                search:
                  synonyms:
                    en:
                      - NGO, non-governmental organisation
                      - NGO
                      - a => b, c
                    de: [ "NGO, NRO" ]
                """).isEmpty());
        List<String> lines = errors().stream().map(d -> d.position().line() + " " + d.message()).toList();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("7 search.synonyms.en: each line lists two or more"), lines::toString);
        assertTrue(lines.get(1).startsWith("8 "), lines::toString);
        assertTrue(lines.get(2).startsWith("9 ") && lines.get(2).contains("de"), lines::toString);
    }

    @Test
    void aSiteSaysHowItsTranslationsWereMade() throws IOException {
        String languages = "languages:\n  en: { label: English }\n";
        assertEquals(null, load(languages).orElseThrow().translationDefault());
        assertEquals(TranslationMethod.MACHINE, load(languages + "translation: { default: machine }\n").orElseThrow().translationDefault());
        Diagnostic e = refused(languages + "translation:\n  default: deepl\n", 4);
        assertTrue(e.message().contains("translation.default must be human, machine or machine-reviewed, not 'deepl'"), e.message());
    }

    @Test
    void citableTypesDefaultToResourcesAndReports() throws IOException {
        SiteConfig byDefault = load("baseURL: https://example.org/\nlanguages:\n  en: {}\n").orElseThrow();
        assertEquals(List.of("resources", "reports"), byDefault.citable());
        assertTrue(byDefault.isCitable("reports"));
        assertFalse(byDefault.isCitable("news"));
        SiteConfig own = load("baseURL: https://example.org/\nlanguages:\n  en: {}\ncitable: [guides, books]\n").orElseThrow();
        assertEquals(List.of("guides", "books"), own.citable());
        assertEquals(List.of(), load("baseURL: https://example.org/\nlanguages:\n  en: {}\ncitable: []\n").orElseThrow().citable());
        assertTrue(load("baseURL: https://example.org/\nlanguages:\n  en: {}\ncitable: { reports: yes }\n").isEmpty(),
                "a map is no list of types");
    }
}
