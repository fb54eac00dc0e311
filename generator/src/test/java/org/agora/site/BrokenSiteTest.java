package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site with one mistake per file: every mistake is reported in one run, and the old output survives. */
class BrokenSiteTest {

    @TempDir
    Path temp;

    record Expected(String file, int line, String words) {}

    static final List<Expected> EXPECTED = List.of(
            new Expected("content/en/bad-yaml.md", 4, "invalid YAML"),
            new Expected("content/en/second.md", 3, "two pages would be written to /en/same/"),
            new Expected("content/en/links.md", 6, "link target 'missing-page.md' does not exist"),
            new Expected("content/en/escape.md", 3, "would point outside the site"),
            new Expected("content/en/escape-slug.md", 3, "must be one URL segment"));

    @Test
    void everyProblemIsReportedWithFileAndLineAndTheOutputIsUntouched() throws IOException {
        Path site = TestPaths.fixtureSite("broken", temp.resolve("broken"));
        Path out = site.resolve("public");
        Files.createDirectories(out.resolve("en"));
        String previous = "<html><head><meta name=\"generator\" content=\"Agora\"></head><body>previous build</body></html>";
        Files.writeString(out.resolve("index.html"), previous);
        Files.writeString(out.resolve("en/kept.html"), "kept");

        BuildResult result = new SiteBuilder(BuildListener.NONE).build(BuildOptions.of(site));

        assertFalse(result.success());
        List<Diagnostic> errors = result.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        for (Expected e : EXPECTED) {
            List<Diagnostic> matching = errors.stream()
                    .filter(d -> d.position().file().endsWith(Path.of(e.file())) && d.message().contains(e.words())).toList();
            assertEquals(1, matching.size(), () -> e + " in " + errors);
            assertEquals(e.line(), matching.getFirst().position().line(), e::toString);
            assertFalse(matching.getFirst().hint().isBlank(), "each error says how to fix it: " + matching.getFirst());
        }
        assertEquals(EXPECTED.size(), errors.size(), () -> "no follow-on errors: " + errors);
        // A language the site does not publish is left out with a warning at its file, as Hugo leaves it out.
        assertEquals(1, result.diagnostics().sorted().stream().filter(d -> !d.isError()
                && d.position().file().endsWith(Path.of("content/news/report.de.md"))
                && d.message().contains("'de' in the file name is not a language")).count());
        assertEquals(previous, Files.readString(out.resolve("index.html")));
        assertEquals("kept", Files.readString(out.resolve("en/kept.html")));
        try (var siblings = Files.list(site)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("staging")), "no staging left behind");
        }
    }

    @Test
    void aFolderAgoraDidNotMakeIsNeverReplaced() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Path out = temp.resolve("precious");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, out, false));
        assertFalse(result.success());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(result.diagnostics().sorted().getFirst().message().contains("was not made by Agora"));
    }

    @Test
    void aSuccessfulBuildReplacesAnEarlierOutputWhole() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        assertTrue(new SiteBuilder(BuildListener.NONE).build(BuildOptions.of(site)).success());
        Path stale = site.resolve("public/en/stale.html");
        Files.writeString(stale, "from an older build");
        assertTrue(new SiteBuilder(BuildListener.NONE).build(BuildOptions.of(site)).success());
        assertFalse(Files.exists(stale), "the output is the new build only");
    }
}
