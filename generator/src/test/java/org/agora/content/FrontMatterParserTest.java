package org.agora.content;

import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.diag.Severity;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FrontMatterParserTest extends FrontMatterParsing {

    @Override
    ParsedDocument parse(String text) { return parse("en/guides/x.md", text); }

    @Test
    void fieldsAndBodyOffset() {
        ParsedDocument doc = parseWithoutDiagnostics("""
                ---
                title: "  Facilitation guide "
                draft: yes
                weight: 3
                description: Short text
                type: guide
                translationKey: facil
                slug: facilitation
                url: fr/../en/guides/facilitation/
                ---
                First body line
                Second
                """);
        assertTrue(doc.frontMatterRead());
        FrontMatter fm = doc.frontMatter();
        assertEquals("Facilitation guide", fm.title());
        assertTrue(fm.draft());
        assertEquals(3, fm.weight());
        assertEquals("Short text", fm.summary(), "description is the summary when there is none");
        assertEquals("guide", fm.type());
        assertEquals("facil", fm.translationKey());
        assertEquals("facilitation", fm.slug());
        assertEquals("/en/guides/facilitation/", fm.url());
        assertEquals(10, doc.bodyLineOffset());
        assertEquals("First body line\nSecond\n", doc.body());
        assertEquals(2, fm.lineOf("title"));
        assertEquals(9, fm.lineOf("url"));
        assertEquals(1, fm.lineOf("nothing"));
        // body line 1 is file line offset + 1
        assertEquals("First body line", doc.body().lines().toList().get(0));
    }

    @Test
    void summaryWinsOverDescription() {
        assertEquals("S", parse("---\ndescription: D\nsummary: S\n---\n").frontMatter().summary());
    }

    @Test
    void byteOrderMarkIsIgnored() {
        ParsedDocument doc = parseWithoutDiagnostics("\uFEFF---\ntitle: T\n---\nbody\n");
        assertParsed(doc, "T", "body\n", 3);
    }

    @Test
    void crlfLineEndingsKeepLinesRight() {
        ParsedDocument doc = parse("---\r\ntitle: T\r\nweight: heavy\r\n---\r\n\r\nHello\r\nWorld\r\n");
        assertParsed(doc, "T", "\nHello\nWorld\n", 4);
        Diagnostic d = onlyDiagnostic();
        assertEquals(3, d.position().line());
        assertTrue(d.message().contains("'weight'"), d.message());
    }

    @Test
    void readsFromDiskWithBomAndCrlf() throws Exception {
        SourceFile s = source("en/disk.md", "en");
        Files.createDirectories(s.file().getParent());
        Files.write(s.file(), "\uFEFF---\r\ntitle: Disk\r\n---\r\nBody\r\n".getBytes(StandardCharsets.UTF_8));
        ParsedDocument doc = parser.parse(s, diagnostics);
        noDiagnostics();
        assertParsed(doc, "Disk", "Body\n", 3);
    }

    @Test
    void invalidUtf8IsAnError() throws Exception {
        SourceFile s = source("en/latin1.md", "en");
        Files.createDirectories(s.file().getParent());
        Files.write(s.file(), new byte[]{'c', 'a', 'f', (byte) 0xE9, '\n'});
        parser.parse(s, diagnostics);
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertTrue(d.message().contains("UTF-8"), d.message());
    }

    @Test
    void noFrontMatterMeansTheWholeTextIsBody() {
        String text = "# Title\n\nJust text.\n---\nnot: yaml\n";
        ParsedDocument doc = parseWithoutDiagnostics(text);
        assertEquals(text, doc.body());
        assertEquals(0, doc.bodyLineOffset());
        assertTrue(doc.frontMatterRead());
        assertNull(doc.frontMatter().title());
        assertNull(doc.frontMatter().date());
    }

    @Test
    void emptyFrontMatterIsValid() {
        ParsedDocument doc = parseWithoutDiagnostics("---\n---\nbody");
        assertEquals("body", doc.body());
        assertEquals(2, doc.bodyLineOffset());
    }

    @Test
    void closingWithDotsAndTrailingSpaces() {
        assertEquals("A", parse("---\ntitle: A\n...\nb").frontMatter().title());
        assertEquals("B", parse("---\ntitle: B\n---   \nb").frontMatter().title());
        noDiagnostics();
    }

    @ParameterizedTest
    @ValueSource(strings = {"---\ntitle: never closed\n\nbody text\n", "---", "---\n"})
    void unclosedFrontMatterIsAnErrorOnLine1(String text) {
        ParsedDocument doc = parse(text);
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(1, d.position().line());
        assertTrue(d.message().contains("never closed"), d.message());
        assertEquals("", doc.body());
        assertFalse(doc.frontMatterRead());
    }

    @Test
    void invalidYamlIsReportedAtTheFileLine() {
        ParsedDocument doc = parse("---\ntitle: ok\ndate: 2026-01-01\n  bad: indent\n---\nbody\n");
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertTrue(d.message().startsWith("invalid YAML in front matter"), d.message());
        assertEquals(4, d.position().line(), "front matter starts on file line 2");
        assertEquals("body\n", doc.body(), "the body is still rendered");
        assertEquals(5, doc.bodyLineOffset());
        assertFalse(doc.frontMatterRead(), "later stages are told not to pile on warnings");
    }

    @Test
    void frontMatterThatIsAListIsAnError() {
        parse("---\n- a\n- b\n---\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals(2, d.position().line());
    }

    @Test
    void duplicateFieldIsAnError() {
        parse("---\ntitle: A\ntags: [x]\ntitle: B\n---\n");
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(4, d.position().line());
    }

    @Test
    void dateFromFileName() {
        ParsedDocument doc = parser.parse(source("en/news/2026-05-04-network-assembly.md", "en"), "---\ntitle: x\n---\n",
                diagnostics);
        noDiagnostics();
        assertEquals(LocalDate.of(2026, 5, 4), doc.frontMatter().date().date());
        assertFalse(doc.frontMatter().date().hasTime());
        assertEquals("network-assembly", FrontMatterParser.nameWithoutDate("2026-05-04-network-assembly"));
        assertEquals("plain", FrontMatterParser.nameWithoutDate("plain"));
    }

    @Test
    void dateFromFileNameWithoutFrontMatter() {
        ParsedDocument doc = parser.parse(source("en/news/2026-05-04-x.md", "en"), "Just a body", diagnostics);
        assertEquals(LocalDate.of(2026, 5, 4), doc.frontMatter().date().date());
    }

    @Test
    void explicitDateWinsOverFileName() {
        ParsedDocument doc = parser.parse(source("en/news/2026-05-04-x.md", "en"), "---\ndate: 2025-12-31\n---\n",
                diagnostics);
        noDiagnostics();
        assertEquals(LocalDate.of(2025, 12, 31), doc.frontMatter().date().date());
    }

    @Test
    void invalidFileNameDateIsNoDate() {
        ParsedDocument doc = parser.parse(source("en/news/2026-13-45-x.md", "en"), "---\ntitle: x\n---\n", diagnostics);
        assertNull(doc.frontMatter().date());
    }

    @Test
    void dateTimeWithOffset() {
        FrontMatter fm = parseWithoutDiagnostics("---\ndate: 2026-05-04T10:30:00+02:00\nlastmod: 2026-05-05 08:00:00\n---\n").frontMatter();
        assertTrue(fm.date().hasTime());
        assertEquals(LocalDate.of(2026, 5, 4), fm.date().date());
        assertEquals(LocalDateTime.of(2026, 5, 4, 10, 30), fm.date().dateTime());
        assertTrue(fm.date().iso().startsWith("2026-05-04T10:30") && fm.date().iso().endsWith("+02:00"), fm.date().iso());
        assertEquals(LocalDateTime.of(2026, 5, 5, 8, 0), fm.lastmod().dateTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-45", "04/05/2026", "tomorrow", "2026-02-30"})
    void invalidDateIsAnErrorAtItsLine(String value) {
        FrontMatter fm = parse("---\ntitle: x\n\ndate: " + value + "\n---\n").frontMatter();
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(4, d.position().line());
        assertTrue(d.message().contains("'date'"), d.message());
        assertNull(fm.date());
    }

    @Test
    void tagsAsASingleStringAreAListOfOne() {
        FrontMatter fm = parseWithoutDiagnostics("---\ntags: solo\nthemes: [a, b, a, ' ']\n---\n").frontMatter();
        assertEquals(List.of("solo"), fm.terms("tags"));
        assertEquals(List.of("a", "b"), fm.terms("themes"), "duplicates and blanks dropped");
        assertEquals(List.of(), fm.terms("categories"));
    }

    @Test
    void countriesAreUpperCasedAndChecked() {
        FrontMatter fm = parse("---\ntitle: t\ncountries: [be, CD, XX]\n---\n").frontMatter();
        assertEquals(List.of("BE", "CD"), fm.terms("countries"));
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(3, d.position().line());
        assertTrue(d.message().contains("'XX'"), d.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "..", ".", ".hidden", "a\\\\b"})
    void slugThatWouldEscapeIsAnError(String slug) {
        FrontMatter fm = parse("---\ntitle: t\nslug: \"" + slug + "\"\n---\n").frontMatter();
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(3, d.position().line());
        assertNull(fm.slug());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../../etc", "/fr/../../x", "https://evil.example/", "/a\\\\b"})
    void urlOutsideTheSiteIsAnError(String url) {
        FrontMatter fm = parse("---\nurl: \"" + url + "\"\n---\n").frontMatter();
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(2, d.position().line());
        assertTrue(d.message().contains("outside the site"), d.message());
        assertNull(fm.url());
    }

    @Test
    void relativeAliasesAreKeptForThePagesFolderAsHugoResolvesThem() {
        FrontMatter fm = parser.parse(source("fr/guides/x.md", "fr"),
                "---\naliases: [ancien/, /old/path/, ./a/../b]\n---\n", diagnostics).frontMatter();
        noDiagnostics();
        assertEquals(List.of("ancien/", "/old/path/", "./a/../b"), fm.aliases());
    }

    @Test
    void aliasOutsideTheSiteIsAnError() {
        FrontMatter fm = parse("---\ntitle: t\naliases:\n  - /../../x\n  - ok/\n---\n").frontMatter();
        assertEquals(List.of("ok/"), fm.aliases());
        Diagnostic d = onlyDiagnostic();
        assertEquals(3, d.position().line());
    }

    @Test
    void unknownFieldWarnsWithSuggestionAndIsKeptInParams() {
        FrontMatter fm = parse("---\ntitle: t\ncategory: tools\nauthor: Ana\ncover:\n  src: a.png\n---\n").frontMatter();
        Diagnostic d = onlyDiagnostic();
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(3, d.position().line());
        assertTrue(d.message().contains("'category'"), d.message());
        assertEquals("did you mean 'categories'?", d.hint());
        assertEquals("tools", fm.params().get("category"));
        assertEquals("Ana", fm.params().get("author"), "unknown fields without near match: kept, no warning");
        assertEquals(Map.of("src", "a.png"), fm.params().get("cover"));
        assertFalse(fm.params().containsKey("title"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"tag, tags", "titel, title", "alias, aliases", "country, countries"})
    void nearMissSuggestions(String written, String suggested) {
        parse("---\n" + written + ": x\n---\n");
        List<Diagnostic> warnings = diagnostics.sorted().stream().filter(d -> d.severity() == Severity.WARNING).toList();
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals("did you mean '" + suggested + "'?", warnings.getFirst().hint());
    }

    @Test
    void eventWithStartEndAndLocation() {
        FrontMatter fm = parseWithoutDiagnostics("""
                ---
                title: Assembly
                event:
                  start: 2027-02-10T09:30:00+01:00
                  end: 2027-02-10T17:00:00+01:00
                  location: Brussels
                ---
                """).frontMatter();
        FrontMatter.Event e = fm.eventInfo().orElseThrow();
        assertEquals(LocalDateTime.of(2027, 2, 10, 9, 30), e.start().dateTime());
        assertEquals(LocalDateTime.of(2027, 2, 10, 17, 0), e.end().dateTime());
        assertEquals("Brussels", e.location());
    }

    @Test
    void eventEndingBeforeItStartsIsAnErrorAtEnd() {
        parse("---\ntitle: t\nevent:\n  start: 2027-02-10\n  end: 2027-02-09\n---\n");
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(5, d.position().line());
        assertTrue(d.message().contains("ends before it starts"), d.message());
    }

    @Test
    void eventSameDayLaterTimeIsFineButEarlierTimeIsNot() {
        parse("---\nevent:\n  start: 2027-02-10T10:00:00\n  end: 2027-02-10T09:00:00\n---\n");
        assertEquals(4, onlyDiagnostic().position().line());
    }

    @Test
    void eventWithoutStartAndWithUnknownKey() {
        FrontMatter fm = parse("---\nevent:\n  location: Brussels\n  place: x\n---\n").frontMatter();
        assertTrue(fm.eventInfo().isEmpty());
        List<Integer> lines = errors().stream().map(d -> d.position().line()).toList();
        assertEquals(List.of(3, 4), lines, () -> errors().toString());
    }

    @Test
    void attachmentsListOfMapsAndStrings() {
        FrontMatter fm = parse("""
                ---
                attachments:
                  - file: report.pdf
                    title: Annual report
                  - /shared/data.csv
                  - title: no file
                ---
                """).frontMatter();
        assertEquals(2, fm.attachments().size());
        assertEquals(new FrontMatter.Attachment("report.pdf", "Annual report", 3), fm.attachments().get(0));
        assertEquals(new FrontMatter.Attachment("/shared/data.csv", null, 5), fm.attachments().get(1));
        Diagnostic d = onlyDiagnostic();
        assertEquals(6, d.position().line());
        assertTrue(d.message().contains("no file"), d.message());
    }

    @Test
    void attachmentsMustBeAList() {
        parse("---\nattachments: report.pdf\n---\n");
        assertEquals(2, onlyDiagnostic().position().line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"weight: heavy | 'weight'", "draft: maybe | 'draft'", "title: [a, b] | 'title'"})
    void wrongShapesAreErrorsOnTheirLine(String field, String name) {
        parse("---\ntags: [x]\n" + field + "\n---\n");
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(3, d.position().line());
        assertTrue(d.message().contains(name), d.message());
    }

    @Test
    void customTaxonomiesAreKnownFields(@TempDir Path other) {
        TestSite.write(other, "site-config.yml", TestSite.CONFIG + "taxonomies: [regions]\n");
        SiteConfig config = new org.agora.config.ConfigLoader().load(other, new Diagnostics()).orElseThrow();
        FrontMatter fm = new FrontMatterParser(config).parse(source("en/x.md", "en"),
                "---\nregions: [Sahel, Great Lakes]\ntags: [kept-as-param]\n---\n", diagnostics).frontMatter();
        assertEquals(List.of("Sahel", "Great Lakes"), fm.terms("regions"));
        assertEquals(List.of(), fm.terms("tags"));
        assertEquals(List.of("kept-as-param"), fm.params().get("tags"));
    }

    @Test
    void pageDatesCompareByDayThenTime() {
        PageDate day = PageDate.parse("2026-05-04").orElseThrow();
        PageDate morning = PageDate.parse("2026-05-04T09:00:00").orElseThrow();
        PageDate nextDay = PageDate.parse("2026-05-05").orElseThrow();
        assertTrue(day.compareTo(morning) < 0, "a day without time is its start");
        assertTrue(morning.compareTo(nextDay) < 0);
        assertEquals(0, day.compareTo(PageDate.parse(" 2026-05-04 ").orElseThrow()));
        assertEquals("2026-05-04T09:00", morning.iso());
    }
    @Test
    void eventTimesWithOffsetsCompareAsInstants() {
        parse("---\nevent:\n  start: 2027-10-31T02:30:00+02:00\n  end: 2027-10-31T02:15:00+01:00\n---\n");
        noDiagnostics();
    }

    @Test
    void translationIsAMethodOrAMethodWithItsPeople() {
        FrontMatter plain = parse("---\ntitle: T\ntranslation: machine\n---\nx\n").frontMatter();
        assertEquals(new FrontMatter.Translation(org.agora.config.TranslationMethod.MACHINE, null, null, null), plain.translation());
        FrontMatter full = parse("---\ntitle: T\ntranslation: { method: machine-reviewed, by: DeepL, reviewedBy: Awa Diop }\n---\nx\n")
                .frontMatter();
        assertEquals(new FrontMatter.Translation(org.agora.config.TranslationMethod.MACHINE_REVIEWED, "DeepL", "Awa Diop", null), full.translation());
        assertEquals(org.agora.config.TranslationMethod.MACHINE_REVIEWED,
                parse("---\ntitle: T\ntranslation: { method: machine, reviewedBy: Awa }\n---\nx\n").frontMatter().translation().method(),
                "a reviewer makes it a reviewed machine translation");
        assertEquals(null, parse("---\ntitle: T\n---\nx\n").frontMatter().translation());
        noDiagnostics();
    }

    @Test
    void anUnknownTranslationMethodIsAnErrorAtItsLine() {
        FrontMatter fm = parse("---\ntitle: T\n\ntranslation: google\n---\nx\n").frontMatter();
        assertEquals(null, fm.translation());
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals(4, d.position().line());
        assertEquals("frontmatter.invalid-translation", d.code());
        assertTrue(d.message().contains("human, machine or machine-reviewed, not 'google'"), d.message());
    }

    @Test
    void translationPinsTheSourceVersionItTranslates() {
        FrontMatter pinOnly = parse("---\ntitle: T\ntranslation: { source: \"3f2a9c1e0b7d\" }\n---\nx\n").frontMatter();
        assertEquals(new FrontMatter.Translation(null, null, null, "3f2a9c1e0b7d"), pinOnly.translation());
        FrontMatter both = parse("---\ntitle: T\ntranslation:\n  method: machine\n  by: DeepL\n  source: 3f2a9c1e0b7d\n---\nx\n").frontMatter();
        assertEquals("3f2a9c1e0b7d", both.translation().source());
        assertTrue(both.translation().byMachine());
        noDiagnostics();
    }

    @Test
    void aSourcePinThatIsNotOneIsAnErrorAtItsLine() {
        FrontMatter fm = parse("---\ntitle: T\ntranslation: { method: human, source: yesterday }\n---\nx\n").frontMatter();
        assertEquals(null, fm.translation().source(), "a wrong pin pins nothing");
        Diagnostic d = onlyDiagnostic();
        assertEquals(3, d.position().line());
        assertEquals("frontmatter.invalid-translation", d.code());
        assertTrue(d.hint().contains("mark-current"), d.hint());
    }

    @Test
    void authorsArePeopleOrOrganisationsInTheOrderWritten() {
        FrontMatter fm = parseWithoutDiagnostics("""
                ---
                title: T
                authors:
                  - "Diop, Awa"
                  - { family: Van den Broeck, given: Jan }
                  - Bridges Learning Network
                  - { name: "Ministry of Health, Rwanda" }
                publisher: Passerelles Secretariat
                ---
                x
                """).frontMatter();
        assertEquals(List.of(FrontMatter.Author.person("Diop", "Awa"), FrontMatter.Author.person("Van den Broeck", "Jan"),
                FrontMatter.Author.named("Bridges Learning Network"), FrontMatter.Author.named("Ministry of Health, Rwanda")),
                fm.publication().authors());
        assertEquals("Passerelles Secretariat", fm.publication().publisher());
        assertEquals("Jan Van den Broeck", fm.publication().authors().get(1).displayName());
        assertTrue(fm.has("authors"));
        assertFalse(fm.has("doi"));
        assertEquals(List.of(FrontMatter.Author.person("Diop", "Awa")),
                parse("---\ntitle: T\nauthors: \"Diop, Awa\"\n---\nx\n").frontMatter().publication().authors(), "one author as a text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'10.5281/zenodo.15101234'|10.5281/zenodo.15101234",
            "'https://doi.org/10.5281/zenodo.15101234'|10.5281/zenodo.15101234",
            "'http://dx.doi.org/10.1000/xyz(2026)-a'|10.1000/xyz(2026)-a",
            "'doi:10.1371/journal.pone.0000001'|10.1371/journal.pone.0000001",
            "'https://doi.org/10.1000%2Fabc'|10.1000/abc"})
    void doisAreNormalisedWithoutTheirResolver(String written, String doi) {
        assertEquals(doi, parse("---\ntitle: T\ndoi: " + written + "\n---\nx\n").frontMatter().publication().doi());
        noDiagnostics();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.52/zenodo.1", "zenodo.15101234", "https://zenodo.org/records/15101234", "'10.5281/ a'"})
    void aWrongDoiIsAnErrorAtItsLine(String written) {
        FrontMatter fm = parse("---\ntitle: T\n\ndoi: " + written + "\n---\nx\n").frontMatter();
        assertNull(fm.publication().doi());
        Diagnostic d = onlyDiagnostic();
        assertTrue(d.isError());
        assertEquals("frontmatter.invalid-doi", d.code());
        assertEquals(4, d.position().line());
        assertTrue(d.hint().contains("10.5281/zenodo.1234567"), d.hint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "978-2-12-345680-3|9782123456803",
            "ISBN 978 0 306 40615 7|9780306406157",
            "0-306-40615-2|0306406152",
            "'080442957X'|080442957X"})
    void isbnsWithARightCheckDigitAreKeptAsDigits(String written, String isbn) {
        assertEquals(isbn, parse("---\ntitle: T\nisbn: " + written + "\n---\nx\n").frontMatter().publication().isbn());
        noDiagnostics();
    }

    @ParameterizedTest
    @ValueSource(strings = {"978-2-12-345680-4", "0-306-40615-3", "12345", "978-2-12-34568"})
    void aWrongIsbnIsAnErrorAtItsLine(String written) {
        FrontMatter fm = parse("---\ntitle: T\nisbn: " + written + "\n---\nx\n").frontMatter();
        assertNull(fm.publication().isbn());
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.invalid-isbn", d.code());
        assertEquals(3, d.position().line());
    }

    @Test
    void anAuthorMapAgoraCannotReadIsAnErrorAtItsLine() {
        FrontMatter fm = parse("---\ntitle: T\nauthors:\n  - { given: Awa }\n  - { family: Diop, name: Awa Diop }\n  - Bridges\n---\nx\n")
                .frontMatter();
        assertEquals(List.of(FrontMatter.Author.named("Bridges")), fm.publication().authors());
        List<Diagnostic> all = errors();
        assertEquals(List.of(4, 5), all.stream().map(d -> d.position().line()).toList(), all::toString);
        assertTrue(all.stream().allMatch(d -> d.code().equals("frontmatter.invalid-author")), all::toString);
    }

    @Test
    void aBylineThatIsNoFamilyAndGivenNameBuildsAsWrittenWithAWarning() {
        // Hugo sites write bylines freely: the site still builds, the name shows as written
        FrontMatter fm = parse("---\ntitle: T\nauthors:\n  - \"Diop, \"\n  - \"Smith, John, and Doe, Jane\"\n---\nx\n").frontMatter();
        assertEquals(List.of(FrontMatter.Author.named("Diop"), FrontMatter.Author.named("Smith, John, and Doe, Jane")),
                fm.publication().authors());
        assertTrue(errors().isEmpty(), errors()::toString);
        assertEquals(2, diagnostics.sorted().size(), diagnostics.sorted().toString());
        assertTrue(diagnostics.sorted().stream().allMatch(d -> !d.isError() && d.code().equals("frontmatter.invalid-author")));
    }

    @Test
    void aHugoThemesExtraAuthorKeysAreIgnoredAndANearMissIsWarned() {
        FrontMatter fm = parse("---\ntitle: T\nauthors:\n  - { name: Awa Diop, link: \"https://example.org\", image: a.png }\n"
                + "  - { family: Diop, givne: Awa }\n---\nx\n").frontMatter();
        assertEquals(List.of(FrontMatter.Author.named("Awa Diop"), FrontMatter.Author.person("Diop", null)), fm.publication().authors());
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.unknown-field", d.code());
        assertEquals(5, d.position().line());
        assertTrue(d.hint().contains("'given'"), d.hint());
    }

    @Test
    void aRunawayAuthorListIsCutAndReported() {
        String list = "- A\n".repeat(FrontMatterParser.MAX_AUTHORS + 1);
        FrontMatter fm = parse("---\ntitle: T\nauthors:\n" + list + "---\nx\n").frontMatter();
        assertEquals(FrontMatterParser.MAX_AUTHORS, fm.publication().authors().size());
        assertEquals("frontmatter.invalid-author", onlyDiagnostic().code());
    }

    @Test
    void aNewlineInANameNeverReachesTheOutput() {
        FrontMatter fm = parseWithoutDiagnostics("---\ntitle: T\nauthors:\n  - \"Diop,\\nTY  - JOUR Awa\"\npublisher: \"A\\r\\nER  - \"\n---\nx\n").frontMatter();
        assertEquals(FrontMatter.Author.person("Diop", "TY - JOUR Awa"), fm.publication().authors().getFirst());
        assertEquals("A ER -", fm.publication().publisher());
    }

    @Test
    void aSitesOwnAuthorFieldIsNoMisspelling() {
        FrontMatter fm = parseWithoutDiagnostics("---\ntitle: T\nauthor: Awa Diop\n---\nx\n").frontMatter();
        assertEquals("Awa Diop", fm.params().get("author"));
    }
}
