package org.agora.check;

import org.agora.diag.Diagnostic;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each type of document requires, checked on small sites written for each case. */
class RequiredFieldsTest {

    @TempDir
    Path site;

    private static final String CONFIG = """
            title: Types
            languages:
              en: { label: English }
            taxonomies: [themes]
            types:
              reports: { required: [summary, attachments, author] }
              events: { required: [event, event.location] }
            """;

    /** The site's config is {@link #CONFIG} unless a test writes its own. */
    @BeforeEach
    void typesConfig() { write("site-config.yml", CONFIG); }

    private void write(String rel, String text) { TestSite.write(site, rel, text); }

    /** The problems check reports beyond the build's own, with the code, for one site. */
    private List<Diagnostic> check(boolean drafts) {
        BuildResult r = new SiteBuilder(BuildListener.NONE)
                .build(new BuildOptions(site, site.resolve("public"), drafts).checkingOnly());
        assertTrue(r.library() != null, () -> r.diagnostics().sorted().toString());
        RequiredFields.run(r.library(), r.diagnostics());
        return r.diagnostics().sorted();
    }

    /** The required fields check finds missing, with drafts or without. */
    private List<Diagnostic> missing(boolean drafts) { return ofCode(check(drafts), RequiredFields.MISSING); }

    private List<Diagnostic> ofCode(List<Diagnostic> all, String code) {
        return all.stream().filter(d -> d.code().equals(code)).toList();
    }

    private String rel(Diagnostic d) { return site.relativize(d.position().file()).toString().replace('\\', '/'); }

    @Test
    void aDocumentOfADeclaredTypeWithoutARequiredFieldIsAnErrorAtItsTypeLine() throws IOException {
        write("content/en/report.md", "---\ntitle: R\ntype: reports\nsummary: S\nauthor: Ana\n---\nText.\n");
        List<Diagnostic> missing = missing(false);
        assertEquals(1, missing.size(), missing::toString);
        Diagnostic d = missing.get(0);
        assertTrue(d.isError());
        assertEquals("content/en/report.md", rel(d));
        assertEquals(3, d.position().line(), "the type: line that made the rule apply");
        assertTrue(d.message().startsWith("'attachments' is missing: every document of type 'reports' needs it (types: in site-config.yml, line 6)"),
                d.message());
        assertTrue(d.hint().startsWith("add  attachments:  with  - file: report.pdf"), d.hint());
    }

    @Test
    void theFolderGivesTheTypeAndEachMissingFieldIsReportedOnce() throws IOException {
        write("content/en/reports/empty.md", "---\ntitle: Empty\n---\nText.\n");
        List<Diagnostic> missing = missing(false);
        assertEquals(List.of("'attachments' is missing", "'author' is missing", "'summary' is missing"),
                missing.stream().map(d -> d.message().substring(0, d.message().indexOf(':'))).sorted().toList());
        assertTrue(missing.stream().allMatch(d -> d.position().line() == 1 && rel(d).equals("content/en/reports/empty.md")), missing::toString);
        assertTrue(missing.stream().filter(d -> d.message().contains("'author'")).findFirst().orElseThrow().hint()
                .equals("add  author: ...  to the front matter"));
    }

    @Test
    void emptyValuesAreMissingAtTheirOwnLineAndEquivalentsCount() throws IOException {
        // description stands for summary; an empty list of attachments and an empty author are no values.
        write("content/en/reports/a.md", "---\ntitle: A\ndescription: Said otherwise\nattachments: []\nauthor: \"\"\n---\n");
        List<Diagnostic> missing = missing(false);
        assertEquals(2, missing.size(), missing::toString);
        assertEquals(4, missing.get(0).position().line());
        assertTrue(missing.get(0).message().startsWith("'attachments' is empty: "), missing.get(0).message());
        assertEquals(5, missing.get(1).position().line());
        assertTrue(missing.get(1).message().startsWith("'author' is empty: "), missing.get(1).message());
    }

    @Test
    void aDraftIsWarnedNotFailed() throws IOException {
        write("content/en/reports/draft.md", "---\ntitle: D\ndraft: true\nsummary: S\nauthor: Ana\n---\n");
        assertEquals(List.of(), missing(false), "a draft left out of the check is not checked");
        List<Diagnostic> missing = missing(true);
        assertEquals(1, missing.size(), missing::toString);
        assertTrue(!missing.get(0).isError() && missing.get(0).message().contains("this draft must have it before it is published"),
                missing.get(0).message());
    }

    @Test
    void keysInsideAnEventAndTheDefaultsForNews() throws IOException {
        write("content/en/events/no-place.md", "---\ntitle: E\nevent:\n  start: 2027-02-10\n---\n");
        write("content/en/events/placed.md", "---\ntitle: F\nevent:\n  start: 2027-02-10\n  location: Namur\n---\n");
        // News keep Agora's default (a date), which the file name may give.
        write("content/en/news/2026-05-04-dated-by-name.md", "---\ntitle: N\n---\n");
        write("content/en/news/undated.md", "---\ntitle: U\n---\n");
        List<Diagnostic> missing = missing(false);
        assertEquals(2, missing.size(), missing::toString);
        assertEquals("content/en/events/no-place.md", rel(missing.get(0)));
        assertEquals(3, missing.get(0).position().line(), "the event: line");
        assertTrue(missing.get(0).message().startsWith("'event.location' is missing"), missing.get(0).message());
        assertEquals("add  location: \"Venue, city\"  under event:", missing.get(0).hint());
        assertEquals("content/en/news/undated.md", rel(missing.get(1)));
        assertTrue(missing.get(1).message().contains("(Agora's default;"), missing.get(1).message());
    }

    @Test
    void aFieldTheParserRejectedIsNotAlsoMissing() throws IOException {
        write("site-config.yml", "title: T\nlanguages:\n  en: {}\n");
        write("content/en/news/bad-date.md", "---\ntitle: B\ndate: next tuesday\n---\n");
        List<Diagnostic> all = check(false);
        assertEquals(1, ofCode(all, "frontmatter.invalid-date").size(), all::toString);
        assertEquals(List.of(), ofCode(all, RequiredFields.MISSING), "one mistake, one message");
    }

    @Test
    void misspeltTypesAndFieldsInTheConfigAreWarnedWithTheNearestName() throws IOException {
        write("site-config.yml", """
                title: T
                languages:
                  en: {}
                types:
                  evnets: { required: [event] }
                  guides: { required: [sumary] }
                """);
        write("content/en/events/e.md", "---\ntitle: E\nevent: { start: 2027-01-01 }\n---\n");
        write("content/en/guides/g.md", "---\ntitle: G\nsummary: S\n---\n");
        List<Diagnostic> all = check(false);
        List<Diagnostic> unused = ofCode(all, RequiredFields.UNUSED_TYPE);
        assertEquals(1, unused.size(), all::toString);
        assertEquals("site-config.yml", rel(unused.get(0)));
        assertEquals(5, unused.get(0).position().line());
        assertEquals("did you mean 'events'?", unused.get(0).hint());
        List<Diagnostic> field = ofCode(all, RequiredFields.UNKNOWN_FIELD);
        assertEquals(1, field.size(), all::toString);
        assertEquals(6, field.get(0).position().line());
        assertEquals("did you mean 'summary'?", field.get(0).hint());
        assertTrue(!field.get(0).isError());
    }
}
