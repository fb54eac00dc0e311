package org.agora.markdown;

import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkCheckerTest {

    private static final SourcePosition AT = SourcePosition.of(Path.of("content/en/a.md"), 7);

    private static List<Diagnostic> check(LinkRef... links) {
        Diagnostics d = new Diagnostics();
        new LinkChecker(Set.of("en/b/index.html", "files/x.pdf"), Map.of("en/b/index.html", Set.of("intro")), org.agora.config.BrokenLinks.WARNING)
                .check(List.of(links), d);
        return d.sorted();
    }

    @Test
    void existingPagesFilesAndFragmentsPass() {
        assertEquals(List.of(), check(new LinkRef(AT, "/en/b/", "intro", "../b.md#intro", false),
                new LinkRef(AT, "/en/b", null, "/en/b", false), new LinkRef(AT, "/files/x.pdf", null, "/files/x.pdf", false)));
    }

    @Test
    void missingTargetsAndFragmentsAreWarningsAtTheirLine() {
        List<Diagnostic> found = check(new LinkRef(AT, "/en/c/", null, "/en/c/", false),
                new LinkRef(AT, "/en/b/", "outro", "../b.md#outro", false));
        assertEquals(2, found.size());
        assertTrue(found.stream().allMatch(d -> !d.isError() && d.position().line() == 7));
        assertTrue(found.stream().anyMatch(d -> d.message().contains("#outro")));
    }

    @ParameterizedTest
    @CsvSource({
            "community@osm.be, mailto:community@osm.be",
            "josm.openstreetmap.de, https://josm.openstreetmap.de",
            "www.example.org/page, https://www.example.org/page",
            "projecten, link to the Markdown file",
            "old-page.html, link to the Markdown file"})
    void hintsNameTheLikelyFix(String written, String hint) {
        List<Diagnostic> found = check(new LinkRef(AT, "/en/a/" + written, null, written, false));
        assertEquals(1, found.size());
        assertTrue(found.getFirst().hint().contains(hint), found.getFirst().hint());
    }

    @Test
    void anAnchorThroughAnAliasIsReportedSinceTheRedirectLosesIt() {
        Diagnostics d = new Diagnostics();
        new LinkChecker(Set.of("old/index.html", "en/b/index.html"), Map.of("en/b/index.html", Set.of("intro")),
                org.agora.config.BrokenLinks.ERROR, Map.of("old/index.html", "en/b/index.html"))
                .check(List.of(new LinkRef(AT, "/old/", "intro", "/old/#intro", false)), d);
        assertEquals(1, d.sorted().size(), d.sorted()::toString);
        assertTrue(d.sorted().getFirst().hint().contains("/en/b/#intro"), d.sorted().getFirst().hint());
    }
}
