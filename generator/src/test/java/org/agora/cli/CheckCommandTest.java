package org.agora.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.agora.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code agora check} on a fixture site with one editor mistake per file: what CI and editors read. */
class CheckCommandTest {

    @TempDir
    Path temp;

    /** file, line, severity, code, and a piece of the message or hint that names the fix. */
    record Expected(String file, int line, String severity, String code, String fix) {}

    static final List<Expected> MISTAKES = List.of(
            new Expected("content/en/bad-date.md", 3, "error", "frontmatter.invalid-date", "date: 2026-11-22"),
            new Expected("content/en/bad-yaml.md", 3, "error", "frontmatter.invalid-yaml", "quote values"),
            new Expected("content/en/missing-anchor.md", 6, "warning", "link.missing-anchor", "#no-such-section"),
            new Expected("content/en/missing-attachment.md", 4, "error", "attachment.missing-file", "put the file beside"),
            new Expected("content/en/missing-link.md", 6, "error", "link.missing-file", "check the file name"),
            new Expected("content/en/no-title.md", 1, "warning", "frontmatter.missing-title", "add  title:"),
            new Expected("content/en/unknown-field.md", 3, "warning", "frontmatter.unknown-field", "did you mean 'summary'?"),
            new Expected("content/en/unknown-shortcode.md", 6, "warning", "shortcode.unknown", "'gallery'"),
            new Expected("content/en/image-without-alt.md", 6, "warning", "image.missing-alt", "describe the image"),
            new Expected("content/en/same-title.md", 3, "warning", "title.duplicate", "a title of its own"),
            new Expected("content/en/bad-country.md", 3, "error", "frontmatter.invalid-country", "two-letter codes"),
            new Expected("content/en/slug-with-slash.md", 3, "error", "frontmatter.invalid-slug", "use words and hyphens"),
            new Expected("content/en/url-outside.md", 3, "error", "frontmatter.path-outside-site", "a path inside the site"),
            new Expected("content/en/event-without-start.md", 4, "error", "frontmatter.event-without-start", "add  start:"),
            new Expected("content/en/ref-to-nothing.md", 6, "error", "link.missing-file", "check the file name"),
            new Expected("content/en/figure-without-alt.md", 6, "warning", "image.missing-alt", "alt=\"what the image shows\""),
            new Expected("content/page.de.md", 1, "warning", "content.unknown-language", "rename the file to one of page.en.md"),
            new Expected("content/en/report-without-file.md", 5, "error", "frontmatter.missing-required", "add  attachments:"),
            new Expected("content/en/citable-without-authors.md", 2, "warning", "citation.missing-authors", "authors:"),
            new Expected("content/en/bad-doi.md", 4, "error", "frontmatter.invalid-doi", "10.5281/zenodo.1234567"));

    @Test
    void jsonListsEachMistakeOnceWithFileLineCodeAndFix() throws IOException {
        Path site = TestPaths.fixtureSite("check", temp.resolve("check"));
        Run r = run("check", "--site", site.toString(), "--format", "json");
        assertEquals(ExitCodes.SITE_ERRORS, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("version").asInt());
        assertEquals(site.toAbsolutePath().normalize().toString(), json.get("site").asText());
        assertEquals(11, json.get("summary").get("errors").asInt());
        assertEquals(9, json.get("summary").get("warnings").asInt());

        List<JsonNode> problems = new ArrayList<>();
        json.get("problems").forEach(problems::add);
        assertEquals(MISTAKES.size(), problems.size(), r.out());
        for (Expected e : MISTAKES) {
            List<JsonNode> inFile = problems.stream().filter(p -> p.get("file").asText().equals(e.file())).toList();
            assertEquals(1, inFile.size(), e.file() + " in " + r.out());
            JsonNode p = inFile.get(0);
            assertEquals(e.line(), p.get("line").asInt(), e.file());
            assertEquals(e.severity(), p.get("severity").asText(), e.file());
            assertEquals(e.code(), p.get("code").asText(), e.file());
            String said = p.get("message").asText() + " " + p.get("hint").asText();
            assertTrue(said.contains(e.fix()), e.file() + ": " + said);
        }
    }

    @Test
    void jsonReportsMissingAndOutdatedTranslations() throws IOException {
        Path site = TestPaths.fixtureSite("check", temp.resolve("check"));
        JsonNode t = new ObjectMapper().readTree(run("check", "--site", site.toString(), "--format", "json").out())
                .get("translations");
        assertEquals("front matter", t.get("timesFrom").asText());
        assertEquals(List.of("en", "fr", "nl"), toList(t.get("languages")));
        JsonNode guide = null;
        for (JsonNode g : t.get("groups")) if (g.get("source").asText().equals("content/en/guide.md")) guide = g;
        assertTrue(guide != null, t.toString());
        assertEquals(List.of("nl"), toList(guide.get("missing")));
        assertEquals(1, guide.get("outdated").size());
        JsonNode fr = guide.get("outdated").get(0);
        assertEquals("fr", fr.get("language").asText());
        assertEquals("content/fr/guide.md", fr.get("file").asText());
        assertEquals("2026-02-01T00:00:00Z", fr.get("changed").asText());
        assertEquals("2026-03-01T00:00:00Z", fr.get("sourceChanged").asText());
        assertEquals(1, t.get("outdated").asInt());
        // 22 English documents: 21 lack fr and nl, the guide lacks nl only (page.de.md is no document: its language is wrong).
        assertEquals(43, t.get("missing").asInt());
    }

    @Test
    void machineTranslationsNobodyReviewedAreListed() throws IOException {
        Path site = org.agora.testing.ServedSite.copyOfBundled(temp.resolve("bundled"));
        JsonNode t = new ObjectMapper().readTree(run("check", "--site", site.toString(), "--format", "json").out())
                .get("translations");
        List<JsonNode> unreviewed = new java.util.ArrayList<>();
        for (JsonNode g : t.get("groups")) g.get("unreviewed").forEach(unreviewed::add);
        assertEquals(1, unreviewed.size(), unreviewed.toString());
        assertEquals("content/nl/guides/open-data-publishing.md", unreviewed.getFirst().get("file").asText());
        assertEquals("DeepL", unreviewed.getFirst().get("by").asText());
        assertEquals(1, t.get("unreviewed").asInt(), "the reviewed French guide is not counted");
        String text = run("check", "--site", site.toString()).out();
        assertTrue(text.contains("content/nl/guides/open-data-publishing.md (nl) is a machine translation by DeepL nobody has reviewed"), text);
        assertTrue(text.contains("1 machine translations not reviewed"), text);
    }

    @Test
    void textNamesEachProblemAndWritesNothing() throws IOException {
        Path site = TestPaths.fixtureSite("check", temp.resolve("check"));
        Run r = checkWritingNothing(site);
        assertEquals(ExitCodes.SITE_ERRORS, r.code(), r.err());
        assertTrue(r.out().contains("content/en/unknown-field.md:3: warning: unknown field 'sumary' is ignored\n    hint: did you mean 'summary'?"), r.out());
        assertTrue(r.out().contains("content/fr/guide.md (fr) is older than its source"), r.out());
        assertTrue(r.out().endsWith("Check failed: 11 errors, 9 warnings\n"), r.out());
        assertFalse(Files.exists(site.resolve("public")));
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Run r = checkWritingNothing(site);
        assertEquals(ExitCodes.OK, r.code(), r.out());
        assertTrue(r.out().contains("warning: shortcode 'gallery' is unknown"), r.out());
        assertTrue(r.out().contains("Check passed: 0 errors, 1 warning"), r.out());
        assertEquals(ExitCodes.OK, new ObjectMapper().readTree(run("check", "--site", site.toString(), "--format", "json").out())
                .get("summary").get("errors").asInt());
    }

    @Test
    void aFolderWithoutConfigIsAnErrorWithoutTranslations() throws IOException {
        Run r = run("check", "--site", temp.toString(), "--format", "json");
        assertEquals(ExitCodes.SITE_ERRORS, r.code());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("site-config.yml", json.get("problems").get(0).get("file").asText());
        assertTrue(json.get("translations").isNull());
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** {@code agora check --site SITE}, which must leave the site's files as they were. */
    private static Run checkWritingNothing(Path site) throws IOException {
        List<Path> before = files(site);
        Run r = run("check", "--site", site.toString());
        assertEquals(before, files(site), "check writes nothing: no output, no staging, no search cache");
        return r;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(root::relativize).sorted().toList();
        }
    }
}
