package org.agora.content;

import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ContentScannerTest {

    @TempDir
    Path site;
    SiteConfig config;
    final Diagnostics diagnostics = new Diagnostics();

    @BeforeEach
    void setUp() {
        config = TestSite.config(site);
    }

    private ContentSet scan(String... relPaths) {
        for (String rel : relPaths) TestSite.write(site, "content/" + rel, "---\ntitle: x\n---\n");
        return new ContentScanner().scan(config, diagnostics);
    }

    private SourceFile only(ContentSet set) {
        assertTrue(diagnostics.sorted().isEmpty(), () -> diagnostics.sorted().toString());
        assertEquals(1, set.markdown().size(), () -> set.markdown().toString());
        return set.markdown().getFirst();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} {2} {3}")
    @CsvSource({
            "fr/guides/x.md,               fr, guides/x,            FOLDER",
            "en/a.md,                      en, a,                   FOLDER",
            "fr/_index.md,                 fr, _index,              FOLDER",
            "fr/guides/x.fr.md,            fr, guides/x,            FOLDER",
            "events/a.fr.md,               fr, events/a,            SUFFIX",
            "events/a.nl.md,               nl, events/a,            SUFFIX",
            "_index.fr.md,                 fr, _index,              SUFFIX",
            "events/a.md,                  en, events/a,            DEFAULT",
            "top.md,                       en, top,                 DEFAULT",
            "docs/v1.2.md,                 en, docs/v1.2,           DEFAULT",
            "notes.draft.md,               en, notes.draft,         DEFAULT",
            "reports/2026-05-04-annual.md, en, reports/2026-05-04-annual, DEFAULT",
            "de/x.md,                      en, de/x,                DEFAULT",
            "french/x.md,                  en, french/x,            DEFAULT",
            "guides/UPPER.MD,              en, guides/UPPER,        DEFAULT",
    })
    void languageAndPathKey(String rel, String language, String pathKey, SourceFile.Layout layout) {
        SourceFile s = only(scan(rel));
        assertEquals(rel, s.relPath());
        assertEquals(site.resolve("content/" + rel), s.file());
        assertEquals(language, s.language());
        assertEquals(pathKey, s.pathKey());
        assertEquals(layout, s.layout());
    }

    @Test
    void translationsShareThePathKeyWhateverTheLayout() {
        ContentSet set = scan("en/guides/x.md", "fr/guides/x.md", "guides/x.nl.md");
        assertTrue(diagnostics.sorted().isEmpty());
        assertEquals(List.of("guides/x"), set.markdown().stream().map(SourceFile::pathKey).distinct().toList());
        assertEquals(List.of("en", "fr", "nl"), set.markdown().stream().map(SourceFile::language).sorted().toList());
    }

    @Test
    void unconfiguredIsoSuffixLeavesTheFileOutWithAWarningSuggestingRenames() {
        ContentSet set = scan("x.de.md", "ok.md");
        assertEquals(List.of("ok.md"), set.markdown().stream().map(SourceFile::relPath).toList());
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(1, all.size(), all::toString);
        Diagnostic d = all.getFirst();
        assertFalse(d.isError(), "a language the site does not publish is left out, as Hugo leaves it out");
        assertEquals(site.resolve("content/x.de.md"), d.position().file());
        assertTrue(d.message().contains("'de'"), d.message());
        assertTrue(d.hint().contains("x.en.md") && d.hint().contains("x.fr.md") && d.hint().contains("x.nl.md"), d.hint());
        assertTrue(d.hint().contains("add 'de' under languages:"), d.hint());
        assertTrue(d.format(site).startsWith("content/x.de.md:1: warning: "), d.format(site));
    }

    @Test
    void folderAndSuffixDisagreeIsAnError() {
        ContentSet set = scan("fr/guides/a.nl.md");
        assertTrue(set.markdown().isEmpty());
        Diagnostic d = diagnostics.sorted().getFirst();
        assertTrue(d.isError());
        assertEquals(site.resolve("content/fr/guides/a.nl.md"), d.position().file());
        assertTrue(d.message().contains("'fr'") && d.message().contains("'nl'"), d.message());
        assertTrue(d.hint().contains("content/nl/"), d.hint());
    }

    @Test
    void hiddenFilesAndFoldersAreIgnored() throws IOException {
        ContentSet set = scan("en/a.md", ".git/HEAD.md", "en/.hidden.md", ".obsidian/notes.md", "en/#autosave#.md",
                "en/backup.md~");
        TestSite.write(site, "content/.DS_Store", "x");
        TestSite.write(site, "content/en/.DS_Store", "x");
        TestSite.write(site, "content/.git/config", "x");
        set = new ContentScanner().scan(config, new Diagnostics());
        assertEquals(List.of("en/a.md"), set.markdown().stream().map(SourceFile::relPath).toList());
        assertEquals(List.of(), set.staticFiles());
    }

    @Test
    void otherFilesBecomeStaticFilesAndStaticFolderIsAdded() throws IOException {
        TestSite.write(site, "content/en/img.png", "png");
        TestSite.write(site, "content/fr/docs/rapport.pdf", "pdf");
        TestSite.write(site, "static/favicon.ico", "ico");
        TestSite.write(site, "static/css/extra.css", "css");
        ContentSet set = scan("en/a.md");
        assertEquals(List.of("css/extra.css", "en/img.png", "favicon.ico", "fr/docs/rapport.pdf"),
                set.staticFiles().stream().map(StaticFile::relPath).toList(), "sorted by path");
        assertEquals(site.resolve("static/css/extra.css"), set.staticFiles().getFirst().file());
        assertEquals(site.resolve("content/en/img.png"), set.staticFiles().get(1).file());
        assertEquals(1, set.markdown().size());
    }

    @Test
    void resultsAreSortedByPath() {
        ContentSet set = scan("zeta.md", "fr/b.md", "alpha/z.md", "alpha.md", "en/a.md", "alpha/a.md");
        assertEquals(List.of("alpha.md", "alpha/a.md", "alpha/z.md", "en/a.md", "fr/b.md", "zeta.md"),
                set.markdown().stream().map(SourceFile::relPath).toList());
    }

    @Test
    void missingContentFolderIsAnError() {
        ContentSet set = new ContentScanner().scan(config, diagnostics);
        assertTrue(set.markdown().isEmpty());
        Diagnostic d = diagnostics.sorted().getFirst();
        assertTrue(d.isError());
        assertEquals(site.resolve("content"), d.position().file());
    }

    @Test
    void sourceFileHelpers() {
        SourceFile page = only(scan("fr/guides/pratique/x.md"));
        assertEquals("x", page.baseName());
        assertEquals("guides/pratique", page.sectionPath());
        assertEquals("fr/guides/pratique", page.relDir());
        assertFalse(page.isSectionIndex());
        SourceFile index = new SourceFile(site.resolve("content/fr/guides/_index.md"), "fr/guides/_index.md", "fr", "guides/_index",
                SourceFile.Layout.FOLDER);
        assertTrue(index.isSectionIndex());
        assertEquals("", index.sectionPath());
        assertEquals("fr/guides", index.relDir());
    }

    @Test
    void aFolderNamedLikeALanguageTheSiteDoesNotHaveIsLeftOutWhenLanguagesAreFolders() {
        ContentSet set = scan("en/a.md", "fr/a.md", "de/a.md", "de/sub/b.md", "guides/c.md");
        assertEquals(List.of("en/a.md", "fr/a.md", "guides/c.md"),
                set.markdown().stream().map(SourceFile::relPath).sorted().toList());
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(1, all.size(), all::toString);
        assertTrue(all.getFirst().message().startsWith("content/de/ is named like a language"), all.getFirst().message());
        assertEquals(1, all.getFirst().position().line());
    }

    @Test
    void withoutLanguageFoldersATwoLetterFolderIsASection() {
        ContentSet set = scan("de/a.md", "guides/c.md");
        assertEquals(2, set.markdown().size());
        assertTrue(diagnostics.sorted().isEmpty());
    }

    @Test
    void markdownFilesWithHugosOtherExtensionsAreDocuments() {
        ContentSet set = scan("en/a.markdown", "fr/a.mdown", "en/b.md");
        assertEquals(List.of("a", "a", "b"), set.markdown().stream().map(SourceFile::pathKey).sorted().toList());
        assertTrue(set.staticFiles().isEmpty(), "none of them is copied as a file");
    }
}
