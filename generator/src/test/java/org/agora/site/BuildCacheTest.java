package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.testing.ServedSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build cache (.agora-cache): what a warm build reuses, and that it never changes what is published. */
class BuildCacheTest {

    private static final LocalDate BUILD_DATE = LocalDate.of(2026, 11, 22);

    @TempDir
    Path temp;
    /** A copy of the bundled site, for each test to change. */
    Path site;

    @BeforeEach
    void copyOfTheBundledSite() { site = ServedSite.copyOfBundled(temp.resolve("site")); }

    @Test
    void aWarmBuildReportsEveryProblemTheColdOneReported() throws IOException {
        Files.writeString(site.resolve("content/en/news/with-problems.md"), """
                ---
                title: A page with problems
                date: 2026-10-01
                ---

                A shortcode no one defined: {{< no-such-shortcode >}}.

                A [link with a space](/en/guides/a guide/) and {{< callout >}}an unclosed callout.
                """);
        List<String> cold = problems(build("cold-out", "cache"));
        assertTrue(cold.stream().anyMatch(p -> p.contains("with-problems.md") && p.contains("no-such-shortcode")), cold.toString());
        List<String> warm = problems(build("warm-out", "cache"));
        assertEquals(cold, warm, "the same problems, from the cache");
    }

    @Test
    void aDamagedCacheFileIsRenderedAgain() throws IOException {
        build("first", "cache");
        try (Stream<Path> walk = Files.walk(temp.resolve("cache/documents"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length / 2));   // as a full disk might leave it
            }
        }
        build("second", "cache");
        assertEquals(files(temp.resolve("first")), files(temp.resolve("second")));
    }

    @Test
    void aChangedTemplateOrUiStringIsSeenByTheNextBuild() throws IOException {
        build("before", "cache");
        Path template = site.resolve("themes/default/templates/page.peb");
        Files.writeString(template, Files.readString(template).replace("{% block content %}",
                "{% block content %}<!-- changed template -->"));
        build("after", "cache");
        String page = Files.readString(temp.resolve("after/en/guides/facilitation/index.html"));
        assertTrue(page.contains("<!-- changed template -->"), "the page was rendered with the new template");
        build("cold", "empty-cache");
        assertEquals(files(temp.resolve("cold")), files(temp.resolve("after")));
    }

    @Test
    void theCacheKeepsOnlyWhatTheSiteStillHas() throws IOException {
        build("first", "cache");
        long documents = count(temp.resolve("cache/documents"));
        long pages = count(temp.resolve("cache/pages"));
        Path guide = site.resolve("content/en/guides/facilitation.md");
        Files.writeString(guide, Files.readString(guide) + "\n\nOne more paragraph.\n");
        build("second", "cache");
        assertEquals(documents, count(temp.resolve("cache/documents")), "the edited document's old rendering is gone");
        assertEquals(pages, count(temp.resolve("cache/pages")), "the edited document's old page is gone");
    }

    /** Builds the site into temp/OUT with the cache in temp/CACHE; the build must succeed. */
    private BuildResult build(String out, String cache) {
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(
                new BuildOptions(site, temp.resolve(out), false, temp.resolve(cache), BUILD_DATE));
        assertTrue(result.success(), result.diagnostics().sorted().toString());
        return result;
    }

    private static List<String> problems(BuildResult result) {
        return result.diagnostics().sorted().stream().map(Diagnostic::toString).toList();
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
