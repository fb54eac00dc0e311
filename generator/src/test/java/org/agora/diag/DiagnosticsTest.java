package org.agora.diag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class DiagnosticsTest {

    private static final List<String> TOP_KEYS = List.of("title", "description", "baseURL", "defaultLanguage",
            "languages", "fallback", "theme", "taxonomies", "pageSize", "markdown");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
            "baseUrl, baseURL",          // case only
            "lnaguages, languages",      // swapped letters
            "titel, title",
            "languag, languages",
            "defaultlanguage, defaultLanguage",
            "pagesize, pageSize",
            "fallbacks, fallback",
            "colour, NONE",              // unrelated
            "xyz, NONE",
            "organisation, NONE",
            "author, NONE",
    })
    void closestSuggestsOnlyNearKeys(String word, String expected) {
        assertEquals(Optional.ofNullable(expected), Suggestions.closest(word, TOP_KEYS));
    }

    @Test
    void closestWithNoCandidatesIsEmpty() {
        assertEquals(Optional.empty(), Suggestions.closest("title", List.of()));
    }

    @ParameterizedTest(name = "[{index}] d({0},{1})={2}")
    @CsvSource({"abc, abc, 0", "abc, acb, 1", "abc, ab, 1", "kitten, sitting, 3", "'', abc, 3", "ab, ba, 1"})
    void distanceCountsATranspositionAsOneEdit(String a, String b, int d) {
        assertEquals(d, Suggestions.distance(a, b));
        assertEquals(d, Suggestions.distance(b, a));
    }

    @Test
    void formatIsRelativeToBaseWithHintLine(@TempDir Path site) {
        Diagnostic d = new Diagnostic(Severity.ERROR, SourcePosition.of(site.resolve("content/fr/x.md"), 12),
                "msg", "do this");
        assertEquals("content/fr/x.md:12: error: msg\n    hint: do this", d.format(site));
    }

    @Test
    void formatWithoutHintHasOneLineAndColumnWhenKnown(@TempDir Path site) {
        Diagnostic d = new Diagnostic(Severity.WARNING, new SourcePosition(site.resolve("a/b.yml"), 3, 7), "oops", null);
        assertEquals("", d.hint());
        assertEquals("a/b.yml:3:7: warning: oops", d.format(site));
        assertFalse(d.isError());
    }

    @Test
    void formatWithoutLineAndOutsideBase(@TempDir Path dir) {
        Path base = dir.resolve("site");
        Path outside = dir.resolve("other/file.md");
        Diagnostic d = new Diagnostic(Severity.ERROR, SourcePosition.of(outside), "gone", "");
        assertEquals(outside.toAbsolutePath().normalize() + ": error: gone", d.format(base));
        Diagnostic noFile = new Diagnostic(Severity.ERROR, SourcePosition.of(null, 4), "bad", "");
        assertEquals("<site>:4: error: bad", noFile.format(base));
    }

    @Test
    void basePrefixIsAPathPrefixNotAStringPrefix(@TempDir Path dir) {
        // "site-old/x.md" starts with the text "site" but is not inside site/
        Diagnostic d = new Diagnostic(Severity.ERROR, SourcePosition.of(dir.resolve("site-old/x.md"), 1), "m", "");
        assertTrue(d.format(dir.resolve("site")).startsWith(dir.resolve("site-old/x.md").toAbsolutePath().toString()),
                d.format(dir.resolve("site")));
    }

    @Test
    void sortedOrdersByFileThenLineThenColumnAndDropsDuplicates(@TempDir Path site) {
        Path a = site.resolve("content/a.md");
        Path b = site.resolve("content/b.md");
        Diagnostics all = new Diagnostics();
        all.warning(SourcePosition.of(b, 2), "b2", "");
        all.error(SourcePosition.of(a, 10), "a10", "");
        all.error(new SourcePosition(a, 2, 5), "a2c5", "");
        all.error(SourcePosition.of(a, 2), "a2", "");
        all.error(SourcePosition.of(b, 1), "b1", "");
        all.error(SourcePosition.of(a, 10), "a10", "");       // exact duplicate
        all.error(SourcePosition.of(null, 0), "site-wide", "");
        assertEquals(List.of("site-wide", "a2", "a2c5", "a10", "b1", "b2"),
                all.sorted().stream().map(Diagnostic::message).toList());
        assertEquals(6, all.errorCount());
        assertEquals(1, all.warningCount());
        assertTrue(all.hasErrors());
    }

    @Test
    void linesSortNumericallyNotAsText(@TempDir Path site) {
        Path a = site.resolve("a.md");
        Diagnostics all = new Diagnostics();
        all.error(SourcePosition.of(a, 10), "ten", "");
        all.error(SourcePosition.of(a, 9), "nine", "");
        assertEquals(List.of("nine", "ten"), all.sorted().stream().map(Diagnostic::message).toList());
    }

    @Test
    void warningsAloneAreNotErrors() {
        Diagnostics all = new Diagnostics();
        assertFalse(all.hasErrors());
        all.warning(SourcePosition.of(Path.of("x.md"), 1), "w", "");
        assertFalse(all.hasErrors());
        assertEquals(0, all.errorCount());
        assertEquals(1, all.warningCount());
    }

    @Test
    void aReportLineShowsHiddenCharactersAsEscapesAndShortensHugeQuotes() {
        Diagnostic d = new Diagnostic(Severity.ERROR, SourcePosition.of(Path.of("/site/content/en/a\nb\u202e.md"), 3),
                "slug 'x" + "y".repeat(5_000) + "' must be one URL segment", "use words");
        String line = d.format(Path.of("/site")).lines().findFirst().orElseThrow();
        assertTrue(line.startsWith("content/en/a\\nb\\u202e.md:3: error: slug 'xyyy"), line);
        assertTrue(line.endsWith("yyy' must be one URL segment"), line);
        assertTrue(line.length() < 700, "shortened: " + line.length());
        assertEquals(2, d.format(Path.of("/site")).lines().count(), "one line for the problem, one for the hint");
    }
}
