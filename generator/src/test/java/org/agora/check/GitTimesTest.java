package org.agora.check;

import org.agora.cli.Main;
import org.agora.testing.Git;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a git repository, a translation is outdated by commit times, whatever its front matter says. */
class GitTimesTest {

    @TempDir
    Path temp;

    @Test
    void commitTimesOverrideFrontMatterDates() throws Exception {
        Path site = TestPaths.fixtureSite("check", temp.resolve("site"));
        // The front matter now says the French guide is newer than the English one...
        Path fr = site.resolve("content/fr/guide.md");
        Files.writeString(fr, Files.readString(fr).replace("lastmod: 2026-02-01", "lastmod: 2026-06-01"));
        assertEquals("[]", outdatedOfGuide(site));

        // ...but git says the English guide was committed after it.
        Git.run(site, "init", "-q");
        Git.commitAllAt(site, "all", "2025-01-01T10:00:00Z");
        Path en = site.resolve("content/en/guide.md");
        Files.writeString(en, Files.readString(en) + "\nA new paragraph.\n");
        Git.commitAllAt(site, "source changed", "2025-03-01T10:00:00Z");

        GitTimes times = GitTimes.of(site);
        assertEquals(java.time.Instant.parse("2025-03-01T10:00:00Z"), times.lastCommit(en).orElseThrow());
        assertEquals(java.time.Instant.parse("2025-01-01T10:00:00Z"), times.lastCommit(fr).orElseThrow());
        assertEquals("[fr content/fr/guide.md 2025-01-01T10:00:00Z < 2025-03-01T10:00:00Z]", outdatedOfGuide(site));
    }

    @Test
    void aFolderOutsideAnyRepositoryHasNoTimes() {
        assertTrue(GitTimes.of(temp).isEmpty());
        assertTrue(GitTimes.of(temp.resolve("absent")).isEmpty());
    }

    private static String outdatedOfGuide(Path site) throws IOException {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "check", "--site", site.toString(), "--format", "json");
        var groups = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).get("translations").get("groups");
        List<String> found = new java.util.ArrayList<>();
        for (var g : groups) {
            if (!g.get("source").asText().equals("content/en/guide.md")) continue;
            for (var o : g.get("outdated")) {
                found.add(o.get("language").asText() + " " + o.get("file").asText() + " " + o.get("changed").asText()
                        + " < " + o.get("sourceChanged").asText());
            }
        }
        return found.toString();
    }
}
