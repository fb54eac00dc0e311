package org.agora.i18n;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.content.PageDate;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class MessagesTest {

    @TempDir
    Path site;
    SiteConfig config;
    Messages messages;
    final Diagnostics diagnostics = new Diagnostics();

    private Path write(String rel, String text) throws IOException {
        Path file = site.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @BeforeEach
    void setUp() throws IOException {
        write("site-config.yml", """
                defaultLanguage: en
                defaultContentLanguageInSubdir: true
                languages:
                  en: { locale: en-GB }
                  fr: { locale: fr-BE }
                  nl: { locale: nl-BE }
                """);
        Diagnostics d = new Diagnostics();
        config = new ConfigLoader().load(site, d).orElseThrow(() -> new AssertionError(d.sorted()));
        write("theme/i18n/en.yml", """
                results:
                  one: "{count} result"
                  other: "{count} results"
                greeting: "Hello {name}"
                only_en: English only
                type.news: News
                overridden: theme text
                """);
        write("theme/i18n/fr.yml", """
                results:
                  one: "{count} résultat"
                  other: "{count} résultats"
                greeting: "Bonjour {name}"
                """);
        write("theme/i18n/nl.yml", "\uFEFFresults:\n  one: \"{count} resultaat\"\n  other: \"{count} resultaten\"\n");
        write("site/i18n/en.yml", "overridden: site text\n");
        messages = new MessagesLoader().load(config, List.of(site.resolve("theme/i18n"), site.resolve("site/i18n"),
                site.resolve("no/such/dir")), diagnostics);
        assertTrue(diagnostics.sorted().isEmpty(), () -> diagnostics.sorted().toString());
    }

    @ParameterizedTest(name = "[{index}] {0} count={1} -> {2}")
    @CsvSource({
            "fr, 0, 0 résultat",
            "fr, 1, 1 résultat",
            "fr, 2, 2 résultats",
            "fr, 1000000, 1000000 résultats",   // CLDR 'many': not given, so 'other'
            "en, 0, 0 results",
            "en, 1, 1 result",
            "en, 2, 2 results",
            "nl, 0, 0 resultaten",
            "nl, 1, 1 resultaat",
    })
    void pluralFormsFollowTheLanguage(String language, long count, String expected) {
        assertEquals(expected, messages.t(language, "results", Map.of("count", count)));
    }

    @Test
    void fractionalCountsUseTheLanguageRules() {
        assertEquals("1.5 résultat", messages.t("fr", "results", Map.of("count", 1.5)), "fr: 1.5 is 'one'");
        assertEquals("1.5 results", messages.t("en", "results", Map.of("count", 1.5)));
    }

    @Test
    void pluralWithoutACountUsesOther() {
        assertEquals("{count} results", messages.t("en", "results"));
        assertEquals("many results", messages.t("en", "results", Map.of("count", "many")));
    }

    @Test
    void placeholdersAreFilledLiterally() {
        assertEquals("Bonjour Ana", messages.t("fr", "greeting", Map.of("name", "Ana")));
        assertEquals("Hello $1 \\o/", messages.t("en", "greeting", Map.of("name", "$1 \\o/")));
        assertEquals("Hello {name}", messages.t("en", "greeting", Map.of("other", "x")), "unknown placeholder kept");
        assertEquals("Hello {name}", messages.t("en", "greeting"));
    }

    @Test
    void missingStringFallsBackToDefaultLanguageAndIsRemembered() {
        assertEquals("English only", messages.t("fr", "only_en"));
        assertEquals("English only", messages.t("en", "only_en"));
        assertEquals("nowhere", messages.t("nl", "nowhere"));
        assertEquals("nowhere", messages.t("en", "nowhere"));
        assertEquals(Set.of("fr:only_en", "nl:nowhere", "en:nowhere"), messages.missingKeys());
        assertTrue(messages.has("fr", "only_en"));
        assertFalse(messages.has("fr", "nowhere"));
    }

    @Test
    void siteStringsWinOverTheTheme() {
        assertEquals("site text", messages.t("en", "overridden"));
        assertEquals("site text", messages.t("fr", "overridden"), "and the fallback uses the site's text");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}.{2} -> {3}")
    @CsvSource({
            "en, type, news,             News",
            "fr, type, news,             News",
            "en, type, event-reports,    Event reports",
            "en, tax,  open_data,        Open data",
            "en, tax,  x,                X",
            "en, tax,  '-',              '-'",
    })
    void labelUsesTheStringOrHumanizesTheName(String language, String group, String name, String expected) {
        assertEquals(expected, messages.label(language, group, name));
    }

    @Test
    void humanizedLabelsAreNotReportedMissing() {
        messages.label("en", "type", "event-reports");
        assertEquals(Set.of(), messages.missingKeys());
    }

    @Test
    void invalidFilesAreReportedWithLines() throws IOException {
        Path dir = site.resolve("bad/i18n");
        write("bad/i18n/en.yml", """
                ok: fine
                items:
                  one: "{count} item"
                  several: "{count} items"
                list: [a, b]
                """);
        write("bad/i18n/fr.yml", "a: 1\n  b: 2\n");
        write("bad/i18n/nl.yml", "- just\n- a list\n");
        Diagnostics d = new Diagnostics();
        Messages m = new MessagesLoader().load(config, List.of(dir), d);
        List<String> where = d.sorted().stream()
                .map(x -> site.relativize(x.position().file()) + ":" + x.position().line()).toList();
        // a plural map is reported at its first form
        assertEquals(List.of("bad/i18n/en.yml:3", "bad/i18n/en.yml:4", "bad/i18n/en.yml:5", "bad/i18n/fr.yml:2",
                "bad/i18n/nl.yml:1"), where, () -> d.sorted().toString());
        assertTrue(d.sorted().stream().allMatch(Diagnostic::isError));
        assertEquals("fine", m.t("en", "ok"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource({
            "en, 22 November 2026",
            "fr, 22 novembre 2026",
            "nl, 22 november 2026",
    })
    void longDatesInTheLanguagesLocale(String language, String expected) {
        LocaleFormats f = new LocaleFormats(config.language(language));
        assertEquals(expected, f.date(PageDate.parse("2026-11-22").orElseThrow()));
        assertEquals(expected, f.dateTime(PageDate.parse("2026-11-22").orElseThrow()));
        assertEquals("", f.time(PageDate.parse("2026-11-22").orElseThrow()));
        assertEquals("", f.date(null));
        assertEquals("", f.dateTime(null));
    }

    @Test
    void dateTimes() {
        PageDate d = PageDate.parse("2027-02-10T09:30:00+01:00").orElseThrow();
        LocaleFormats fr = new LocaleFormats(config.language("fr"));
        assertEquals("09:30", fr.time(d));
        assertEquals("10 février 2027, 09:30", fr.dateTime(d));
        LocaleFormats en = new LocaleFormats(config.language("en"));
        assertEquals("10 February 2027, 09:30", en.dateTime(d));
    }

    @ParameterizedTest(name = "[{index}] {1} in {0} = {2}")
    @CsvSource({
            "fr, en, anglais",
            "fr, nl, néerlandais",
            "en, fr, French",
            "nl, fr, Frans",
            "en, zz, zz",
    })
    void languageNames(String in, String code, String expected) {
        assertEquals(expected, new LocaleFormats(config.language(in)).languageName(code));
    }
}
