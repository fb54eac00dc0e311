package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.diag.Severity;
import org.agora.testing.TestPaths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Front matter written for Hugo, one fixture site per case (src/test/resources/sites/hugo/frontmatter-CASE), built
 * whole: what a page shows is what its front matter said, and what Agora does not read is said at its line.
 */
class HugoFrontMatterSiteTest {

    @TempDir
    Path temp;

    /** One fixture site, built. */
    private record Built(Path site, BuildResult result) {

        Document page(String relPath) {
            Path file = site.resolve("public").resolve(relPath);
            assertTrue(Files.isRegularFile(file), () -> relPath + " was not written: " + result.diagnostics().sorted());
            try {
                return Jsoup.parse(file.toFile(), "UTF-8", "https://example.org/");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The page's date as {@code <time datetime>} says it. */
        String publishedOn(String relPath) {
            return page(relPath).selectFirst(".doc-dates time").attr("datetime");
        }

        /** "file:line" of each problem with this code. */
        List<String> where(String code) {
            return result.diagnostics().sorted().stream().filter(d -> d.code().equals(code))
                    .map(d -> site.relativize(d.position().file()) + ":" + d.position().line()).toList();
        }

        List<Diagnostic> errors() {
            return result.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        }
    }

    private Built build(String fixture) {
        Path site = TestPaths.fixtureSite("hugo/frontmatter-" + fixture, temp.resolve(fixture));
        return new Built(site, new SiteBuilder(BuildListener.NONE).build(BuildOptions.of(site)));
    }

    /** The fixture built, which must succeed with no diagnostic at all. */
    private Built builtWithoutWarnings(String fixture) {
        Built b = build(fixture);
        assertTrue(b.result().success(), () -> b.result().diagnostics().sorted().toString());
        assertEquals(List.of(), b.result().diagnostics().sorted());
        return b;
    }

    @Test
    void delimiterLinesWithTrailingSpacesStillOpenAndCloseTheFrontMatter() {
        Built b = builtWithoutWarnings("trailing-spaces");
        assertEquals("Opening line with a space", b.page("en/space-after-opening/index.html").selectFirst("h1").text());
        assertEquals("The YAML above must not show as text.", b.page("en/space-after-opening/index.html").selectFirst(".content").text());
        assertEquals("2026-03-09", b.publishedOn("en/space-after-opening/index.html"));
        assertEquals("Both lines with tabs and spaces", b.page("en/tabs/index.html").selectFirst("h1").text());
        assertEquals("Windows line endings", b.page("en/crlf/index.html").selectFirst("h1").text());
        assertEquals("Body with CRLF.", b.page("en/crlf/index.html").selectFirst(".content").text());
    }

    @Test
    void tomlFrontMatterGivesTitleDatesTermsAndEvent() {
        Built b = builtWithoutWarnings("toml");
        Document assembly = b.page("en/events/assembly/index.html");
        assertEquals("Network assembly", assembly.selectFirst("h1").text());
        assertEquals("2026-03-09T09:30+01:00", b.publishedOn("en/events/assembly/index.html"));
        assertEquals(List.of("2027-02-10T09:30+01:00", "2027-02-11T17:00+01:00"),
                assembly.select("time").eachAttr("datetime").subList(0, 2), "the event's start and end");
        assertTrue(assembly.text().contains("Namur"), assembly::text);
        assertEquals("Network assembly", b.page("en/tags/governance/index.html").selectFirst("main h2, main h3").text());
        assertEquals("2026-03-09T09:30", b.publishedOn("en/local-time/index.html"), "a TOML local date-time keeps no offset");
    }

    @Test
    void jsonFrontMatterEndsAtItsClosingBrace() {
        Built b = builtWithoutWarnings("json");
        Document report = b.page("en/report/index.html");
        assertEquals("Annual report {2025}", report.selectFirst("h1").text());
        assertEquals("The report's text starts on the line after the closing brace.", report.selectFirst(".content").text());
        assertEquals("2026-03-09", b.publishedOn("en/report/index.html"));
        assertTrue(Files.isRegularFile(b.site().resolve("public/en/tags/reports/index.html")));
    }

    @Test
    void keysInAnyCaseAreTheFieldsTheyNameAsInHugo() {
        Built b = builtWithoutWarnings("key-case");
        Document en = b.page("en/capitals/index.html");
        assertEquals("Capital keys", en.selectFirst("h1").text());
        assertEquals("2026-03-09", b.publishedOn("en/capitals/index.html"));
        assertEquals("https://example.org/fr/majuscules/", en.selectFirst("link[rel=alternate][hreflang=fr]").attr("href"),
                "TranslationKey and translationkey make one translation group");
        assertEquals("Clés en capitales", b.page("fr/majuscules/index.html").selectFirst("h1").text());
        assertTrue(Files.isRegularFile(b.site().resolve("public/old-capitals/index.html")), "Aliases: is aliases:");
        assertTrue(Files.isRegularFile(b.site().resolve("public/en/tags/case/index.html")), "Tags: is tags:");
    }

    @Test
    void datesInEveryLayoutHugoReadsAreShown() {
        Built b = builtWithoutWarnings("dates");
        // page of the fixture → the date it is published on
        String expected = """
                rfc3339-offset    2018-03-09T09:00+02:00
                numeric-offset    2018-03-09T09:00-04:00
                go-time-string    2018-03-09T09:00:00.500-04:00
                utc-name          2018-03-09T09:00Z
                minutes-only      2018-03-09T09:00
                rfc1123           2018-03-09T09:00Z
                day-month-year    2018-03-09
                toml-local-date   2018-03-09
                """;
        assertAll(expected.lines().map(row -> row.split("\\s+")).map(row -> () -> {
            String page = "en/" + row[0] + "/index.html";
            assertEquals(row[1], b.publishedOn(page), page);
            assertEquals("9 March 2018", b.page(page).selectFirst(".doc-dates time").text(), page);
        }));
    }

    @Test
    void textThatOnlyLooksLikeFrontMatterIsAWarningAtItsLine() {
        Built b = build("look-alike");
        assertTrue(b.result().success(), () -> b.result().diagnostics().sorted().toString());
        assertEquals(List.of("content/en/missing-opening.md:1", "content/en/opening-with-text.md:1"), b.where("frontmatter.not-read"));
        assertTrue(b.result().diagnostics().sorted().stream().filter(d -> d.code().equals("frontmatter.not-read"))
                .allMatch(d -> d.severity() == Severity.WARNING && !d.hint().isBlank()));
        assertEquals("Read after blank lines", b.page("en/blank-lines-first/index.html").selectFirst("h1").text(),
                "blank lines before --- are skipped, as Hugo skips them");
    }

    @Test
    void frontMatterHugoWouldRefuseIsAnErrorAtItsLineAndNothingIsWritten() {
        Built b = build("errors");
        assertFalse(b.result().success());
        assertEquals(List.of("content/en/bad-date.md:3"), b.where("frontmatter.invalid-date"));
        assertEquals(List.of("content/en/toml-syntax.md:3"), b.where("frontmatter.invalid-toml"));
        assertEquals(List.of("content/en/json-syntax.md:3"), b.where("frontmatter.invalid-json"));
        assertEquals(List.of("content/en/case-duplicate.md:4"), b.where("frontmatter.duplicate-key"));
        assertEquals(List.of("content/en/unclosed.md:1"), b.where("frontmatter.unclosed"));
        assertEquals(5, b.errors().size(), () -> "no follow-on errors: " + b.errors());
        assertTrue(b.errors().stream().allMatch(d -> !d.hint().isBlank()), "each error says how to fix it");
        assertTrue(b.errors().stream().anyMatch(d -> d.message().contains("'title' (line 2) and 'Title'")), b.errors()::toString);
        assertFalse(Files.exists(b.site().resolve("public")), "a build with errors writes nothing");
    }
}
