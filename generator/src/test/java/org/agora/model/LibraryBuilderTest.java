package org.agora.model;

import org.agora.config.ConfigLoader;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "link translations" stage on small sites written in a temporary folder. */
class LibraryBuilderTest {

    @TempDir
    Path site;
    Diagnostics diagnostics;

    @BeforeEach
    void config() throws IOException {
        write("site-config.yml", "title: Test\n" + TestSite.TRILINGUAL + "taxonomies: [tags, countries]\n");
        diagnostics = new Diagnostics();
    }

    private void write(String rel, String text) { TestSite.write(site, rel, text); }

    private Library build(boolean drafts) { return TestSite.at(site).library(diagnostics, drafts); }

    /** language → site path of each member of the group of the page at {@code path}. */
    private static Map<String, String> groupOf(Library library, String path) {
        Map<String, String> out = new TreeMap<>();
        library.groupOf(library.byPath().get(path)).byLanguage().forEach((l, p) -> out.put(l, p.path()));
        return out;
    }

    @Test
    void foldersSuffixesAndTranslationKeysMakeOneGroupEach() throws IOException {
        write("content/en/guides/a.md", "---\ntitle: A\n---\n");
        write("content/fr/guides/a.md", "---\ntitle: A fr\nslug: a-fr\n---\n");
        write("content/guides/a.nl.md", "---\ntitle: A nl\n---\n");
        write("content/events/x.md", "---\ntitle: X\ntranslationKey: meeting\n---\n");
        write("content/events/reunion.fr.md", "---\ntitle: Réunion\ntranslationKey: meeting\n---\n");
        Library library = build(false);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(Map.of("en", "/en/guides/a/", "fr", "/fr/guides/a-fr/", "nl", "/nl/guides/a/"),
                groupOf(library, "/en/guides/a/"));
        assertEquals(Map.of("en", "/en/events/x/", "fr", "/fr/events/reunion/"), groupOf(library, "/fr/events/reunion/"));
    }

    @Test
    void sectionSlugsAreTranslatedAlongTheWholePath() throws IOException {
        write("content/fr/guides/_index.md", "---\ntitle: Guides\nslug: guides-pratiques\n---\n");
        write("content/fr/guides/terrain/_index.md", "---\ntitle: Terrain\nslug: sur-le-terrain\n---\n");
        write("content/fr/guides/terrain/atelier.md", "---\ntitle: Atelier\n---\n");
        write("content/en/guides/terrain/atelier.md", "---\ntitle: Workshop\n---\n");
        Library library = build(false);
        assertTrue(library.byPath().containsKey("/fr/guides-pratiques/sur-le-terrain/atelier/"), library.byPath().keySet()::toString);
        assertTrue(library.byPath().containsKey("/en/guides/terrain/atelier/"));
        // Folders without an _index.md still get a section page in each language that has documents there.
        assertEquals(PageKind.SECTION, library.byPath().get("/en/guides/terrain/").kind());
        assertEquals(PageKind.SECTION, library.byPath().get("/en/guides/").kind());
        assertEquals(List.of("/en/guides/terrain/atelier/"),
                library.listing(library.byPath().get("/en/guides/terrain/")).stream().map(Page::path).toList());
    }

    @Test
    void twoDocumentsOfOneLanguageInAGroupAreAnError() throws IOException {
        write("content/en/news/a.md", "---\ntitle: A\n---\n");
        write("content/news/a.md", "---\ntitle: Also A, default language\n---\n");
        build(false);
        List<Diagnostic> errors = diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("two pages would be written to /en/news/a/")
                || e.message().contains("share the same path")), errors::toString);
    }

    @Test
    void draftsAreLeftOutButKnown() throws IOException {
        write("content/en/a.md", "---\ntitle: A\ndraft: true\n---\n");
        Library without = build(false);
        assertNull(without.byPath().get("/en/a/"));
        assertTrue(without.unpublished().contains("en/a.md"));
        assertTrue(build(true).byPath().containsKey("/en/a/"));
    }

    @Test
    void termPagesExistPerLanguageAndAreTranslationsOfEachOther() throws IOException {
        write("content/en/a.md", "---\ntitle: A\ncountries: [BE]\ntags: [Open Data]\n---\n");
        write("content/nl/a.md", "---\ntitle: A\ncountries: [be]\n---\n");
        write("content/tags/_index.fr.md", "---\ntitle: Mots-clés\n---\nTous les mots-clés.\n");
        Library library = build(false);
        Page en = library.byPath().get("/en/countries/be/");
        assertEquals("Belgium", en.title());
        assertEquals("België", library.byPath().get("/nl/countries/be/").title());
        // Every language has the term's page, though no French document carries it yet: French readers get
        // the English document (fr falls back to en), listed there.
        assertEquals(Map.of("en", "/en/countries/be/", "fr", "/fr/countries/be/", "nl", "/nl/countries/be/"),
                groupOf(library, "/en/countries/be/"));
        assertEquals("Belgique", library.byPath().get("/fr/countries/be/").title());
        assertEquals(List.of("/en/a/"), listed(library, "/fr/countries/be/"));
        assertEquals(List.of("/nl/a/"), listed(library, "/nl/countries/be/"));
        assertEquals(PageKind.TERM, library.byPath().get("/en/tags/open-data/").kind());
        // content/tags/_index.fr.md gives the French taxonomy page its title, and it joins the other languages'.
        assertEquals(PageKind.TAXONOMY, library.byPath().get("/fr/tags/").kind());
        assertEquals("Mots-clés", library.byPath().get("/fr/tags/").title());
        assertEquals(Map.of("en", "/en/tags/", "fr", "/fr/tags/", "nl", "/nl/tags/"), groupOf(library, "/fr/tags/"));
        // The Dutch translation has no tags, and Dutch readers get their own version, not the English one.
        assertTrue(library.listing(library.byPath().get("/nl/tags/open-data/")).isEmpty());
    }

    private static List<String> paths(List<Page> pages) { return pages.stream().map(Page::path).toList(); }

    /** The site paths of what the page at {@code path} lists. */
    private static List<String> listed(Library library, String path) { return paths(library.listing(library.byPath().get(path))); }

    @Test
    void theLibraryListsWhatEachLanguagesReadersGetOnceWithFallbacks() throws IOException {
        write("site-config.yml", "title: Test\n" + TestSite.TRILINGUAL + "fallback:\n  nl: [fr, en]\n");
        write("content/en/news/both.md", "---\ntitle: Both\ndate: 2026-03-01\n---\n");
        write("content/fr/news/both.md", "---\ntitle: Les deux\ndate: 2026-03-01\n---\n");
        write("content/en/news/english-only.md", "---\ntitle: English only\ndate: 2025-01-01\n---\n");
        write("content/fr/news/francais.md", "---\ntitle: Seulement en français\ndate: 2024-01-01\n---\n");
        Library library = build(false);
        assertEquals(List.of("/en/news/both/", "/en/news/english-only/"), listed(library, "/en/library/"));
        // fr falls back to en (the default); it never lists the English version of a document it has.
        assertEquals(List.of("/fr/news/both/", "/en/news/english-only/", "/fr/news/francais/"),
                listed(library, "/fr/library/"));
        // nl has nothing of its own: French first, then English for what French lacks.
        assertEquals(List.of("/fr/news/both/", "/en/news/english-only/", "/fr/news/francais/"),
                listed(library, "/nl/library/"));
        assertEquals(PageKind.LIBRARY, library.byPath().get("/nl/library/").kind());
        assertEquals(Map.of("en", "/en/library/", "fr", "/fr/library/", "nl", "/nl/library/"), groupOf(library, "/en/library/"));
        // A section lists the fallback versions of documents not translated yet.
        assertEquals(List.of("/fr/news/both/", "/en/news/english-only/", "/fr/news/francais/"),
                listed(library, "/fr/news/"));
    }

    @Test
    void typesAndYearsHavePagesWithCountsLikeTaxonomies() throws IOException {
        write("content/en/news/a.md", "---\ntitle: A\ndate: 2026-03-01\n---\n");
        write("content/en/news/b.md", "---\ntitle: B\ndate: 2025-03-01\n---\n");
        write("content/en/guides/c.md", "---\ntitle: C\ndate: 2025-05-01\n---\n");
        write("content/fr/guides/c.md", "---\ntitle: C\ndate: 2025-05-01\n---\n");
        Library library = build(false);
        assertEquals(List.of("/en/news/a/", "/en/news/b/"), listed(library, "/en/types/news/"));
        assertEquals(List.of("/en/guides/c/", "/en/news/b/"), listed(library, "/en/years/2025/"));
        assertEquals(List.of("/fr/guides/c/", "/en/news/b/"), listed(library, "/fr/years/2025/"));
        // Years newest first, each with the number of documents its page lists.
        var years = library.termCounts(library.byPath().get("/fr/years/"));
        assertEquals(List.of("2026", "2025"), years.stream().map(c -> c.term().slug()).toList());
        for (var c : years) assertEquals(library.listing(library.byPath().get(c.path())).size(), c.count());
        assertEquals(Map.of("en", "/en/types/guides/", "fr", "/fr/types/guides/", "nl", "/nl/types/guides/"),
                groupOf(library, "/fr/types/guides/"));
    }

    @Test
    void termLabelsComeFromTheDataFileAndUnknownTermsAreReported() throws IOException {
        write("site-config.yml", "title: Test\n" + TestSite.languages("en", "fr") + "taxonomies: [themes, organisations]\n");
        write("data/taxonomies.yml", """
                themes:
                  open-data: { en: Open data, fr: Données ouvertes }
                  climate: { en: Climate }
                organisations:
                  radio-teranga: Radio Teranga
                """);
        write("content/en/a.md", "---\ntitle: A\nthemes: [open-data, climate]\norganisations: [radio-terranga]\n---\n");
        Library library = build(false);
        assertEquals("Données ouvertes", library.byPath().get("/fr/themes/open-data/").title());
        assertEquals("Climate", library.byPath().get("/fr/themes/climate/").title(), "a missing language shows the default's label");
        var warnings = diagnostics.sorted().stream().filter(d -> d.message().contains("not defined")).toList();
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals(site.resolve("content/en/a.md"), warnings.getFirst().position().file());
        assertEquals(4, warnings.getFirst().position().line());
        assertTrue(warnings.getFirst().hint().contains("did you mean 'radio-teranga'"), warnings.getFirst().hint());
    }

    @Test
    void aBrokenDataFileIsReportedWithItsLine() throws IOException {
        write("data/taxonomies.yml", "tags:\n  x: { en: X, de: Ix }\nthemes:\n  y: Y\n");
        new ConfigLoader().load(site, diagnostics);
        var errors = diagnostics.sorted().stream().map(d -> d.position().line() + ": " + d.message()).toList();
        assertTrue(errors.contains("2: label given for 'de', which is not a site language"), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("3: unknown key 'themes'")), errors::toString);
    }

    @Test
    void listsPutWeightFirstThenNewest() throws IOException {
        write("content/en/news/old.md", "---\ntitle: Old\ndate: 2020-01-01\n---\n");
        write("content/en/news/new.md", "---\ntitle: New\ndate: 2026-01-01\n---\n");
        write("content/en/news/pinned.md", "---\ntitle: Pinned\ndate: 2019-01-01\nweight: 1\n---\n");
        Library library = build(false);
        assertEquals(List.of("Pinned", "New", "Old"),
                library.listing(library.byPath().get("/en/news/")).stream().map(Page::title).toList());
    }

    @Test
    void anAliasClaimedByTwoDocumentsIsAnErrorAtTheSecond() throws IOException {
        write("content/en/a.md", "---\ntitle: A\naliases: [/old/]\n---\n");
        write("content/en/b.md", "---\ntitle: B\ndate: 2026-01-01\naliases:\n  - /old/\n---\n");
        Library library = build(false);
        List<Diagnostic> errors = diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic d = errors.getFirst();
        assertTrue(d.message().contains("alias /old/ is also claimed by en/a.md"), d.message());
        assertTrue(d.position().file().endsWith(Path.of("content/en/b.md")), d.position().toString());
        assertEquals(4, d.position().line());
        assertEquals(List.of("/old/"), library.aliases().stream().map(Alias::path).toList(), "the first keeps it");
    }

    @Test
    void aliasesThatClashAreErrors() throws IOException {
        write("content/en/a.md", "---\ntitle: A\naliases: [/en/b/]\n---\n");
        write("content/en/b.md", "---\ntitle: B\n---\n");
        build(false);
        assertTrue(diagnostics.sorted().stream().anyMatch(d -> d.isError()
                && d.message().contains("alias /en/b/ is the path of an existing page") && d.position().line() == 3));
    }
}
