package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.search.SearchHit;
import org.agora.search.SearchIndex;
import org.agora.search.SearchRequest;
import org.agora.search.SearchResults;
import org.agora.search.Searcher;
import org.agora.testing.TestPaths;
import org.agora.testing.TestPdfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PDF attachments in the build: their text searched, read again only when the file changed, problems as warnings. */
class PdfAttachmentsTest {

    private static final String REPORT = """
            ---
            title: Field report
            date: 2026-02-01
            attachments:
              - file: field-report.pdf
                title: "Field report (PDF)"
              - file: damaged.pdf
              - file: locked.pdf
            ---
            The report of our visits is attached.
            """;

    @TempDir
    Path temp;
    /** A copy of the mini site, its guides' folder, where each test writes a report and its PDFs, and the build cache. */
    Path site, guides, cache;

    @BeforeEach
    void miniSite() {
        site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        guides = site.resolve("content/en/guides");
        cache = temp.resolve("cache");
    }

    @Test
    void changingOnlyThePdfChangesWhatACachedBuildFinds() throws IOException {
        Files.writeString(guides.resolve("report.md"), REPORT.replace("  - file: damaged.pdf\n  - file: locked.pdf\n", ""));
        TestPdfs.write(guides.resolve("field-report.pdf"), List.of(List.of("We visited the radio in Kaolack.")));

        BuildResult first = build(site, cache);
        String commit = commit(cache);
        assertEquals(List.of("/sub/path/en/guides/report/"), urls(search(cache, "Kaolack")));
        assertEquals(new SearchHit.Attachment("Field report (PDF)", "/sub/path/en/guides/field-report.pdf"),
                search(cache, "Kaolack").hits().getFirst().attachment());

        build(site, cache);
        assertEquals(commit, commit(cache), "nothing changed: no document analysed, no PDF read again");

        TestPdfs.write(guides.resolve("field-report.pdf"), List.of(List.of("We visited the radio in Ziguinchor.")));
        BuildResult third = build(site, cache);
        assertNotEquals(commit, commit(cache));
        assertEquals(List.of(), urls(search(cache, "Kaolack")), "the old text is gone");
        assertEquals(List.of("/sub/path/en/guides/report/"), urls(search(cache, "Ziguinchor")), "the new text is found");
        assertEquals(List.of(), about(first, "report.md"));
        assertEquals(List.of(), about(third, "report.md"));
    }

    @Test
    void aDamagedOrLockedPdfIsAWarningOnItsFrontMatterLineInEveryBuild() throws IOException {
        Files.writeString(guides.resolve("report.md"), REPORT);
        TestPdfs.write(guides.resolve("field-report.pdf"), List.of(List.of("We visited the radio in Kaolack.")));
        Files.writeString(guides.resolve("damaged.pdf"), "%PDF-1.4\nthe rest of this file was lost\n");
        TestPdfs.writeWithPassword(guides.resolve("locked.pdf"), List.of("Minutes of the board"), "s3cret");

        for (int run = 1; run <= 2; run++) {
            BuildResult result = build(site, cache);
            List<Diagnostic> warnings = about(result, "report.md");
            String all = warnings.toString();
            assertEquals(2, warnings.size(), all);
            Diagnostic damaged = warnings.get(0);
            Diagnostic locked = warnings.get(1);
            assertTrue(damaged.position().file().endsWith(Path.of("content/en/guides/report.md")), all);
            assertEquals(7, damaged.position().line(), "the line of '- file: damaged.pdf'");
            assertTrue(damaged.message().startsWith("cannot read the text of attachment 'en/guides/damaged.pdf': it is not a readable PDF"),
                    damaged.message());
            assertEquals(8, locked.position().line());
            assertTrue(locked.message().endsWith("'en/guides/locked.pdf': it is protected by a password"), locked.message());
            for (Diagnostic d : warnings) {
                assertFalse(d.isError());
                assertFalse(d.message().contains("Exception") || d.message().contains("\tat "), "no stack trace: " + d.message());
                assertFalse(d.hint().isBlank());
            }
            assertEquals(List.of("/sub/path/en/guides/report/"), urls(search(cache, "Kaolack")),
                    "the readable attachment is searched all the same (build " + run + ")");
            assertTrue(Files.isRegularFile(temp.resolve("out/en/guides/damaged.pdf")), "and every file is still published");
        }
    }

    private BuildResult build(Path site, Path cache) {
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("out"), false, cache));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        return result;
    }

    private static List<Diagnostic> about(BuildResult result, String file) {
        return result.diagnostics().sorted().stream().filter(d -> d.position().file().getFileName().toString().equals(file)).toList();
    }

    private static String commit(Path cache) throws IOException {
        try (SearchIndex index = SearchIndex.open("en", org.agora.site.SiteSearchCache.root(cache).resolve("en"))) {
            return index.commit();
        }
    }

    private static SearchResults search(Path cache, String query) throws IOException {
        try (SearchIndex index = SearchIndex.open("en", org.agora.site.SiteSearchCache.root(cache).resolve("en"))) {
            return new Searcher(Map.of("en", index)).search(new SearchRequest(query, "en", false, Map.of(), false, 1, 10));
        }
    }

    private static List<String> urls(SearchResults r) { return r.hits().stream().map(SearchHit::url).toList(); }
}
