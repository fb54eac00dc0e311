package org.agora.site;

import org.agora.search.IndexBuilder;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build cache of the search index, shared by the builds of one site. */
class SearchCacheTest {

    @TempDir
    Path temp;

    @Test
    void aBuildWhileAnotherHoldsTheCacheStillSucceedsWithTheSameSearchFiles() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        BuildResult first = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("a"), false));
        assertTrue(first.success());
        Path cache = SiteSearchCache.root(BuildOptions.defaultCache(site));
        try (IndexBuilder holder = IndexBuilder.open("fr", cache.resolve("fr"))) { // as a running preview would
            BuildResult second = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("b"), false));
            assertTrue(second.success(), () -> second.diagnostics().sorted().toString());
        }
        assertEquals(Files.readString(temp.resolve("a/agora-search/fr.json")), Files.readString(temp.resolve("b/agora-search/fr.json")),
                "indexed from scratch elsewhere, the same files");
    }

    @Test
    void relatedDocumentsKeptInTheCacheAreTheOnesAFreshBuildFindsAndFollowAChange() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Files.writeString(site.resolve("content/en/guides/river.md"), """
                ---
                title: Rivers and wetlands
                date: 2026-02-01
                ---
                Wetlands along rivers store water; river monitoring by villages protects wetlands and fish.
                """);
        Files.writeString(site.resolve("content/en/guides/other.md"), """
                ---
                title: Budgets
                date: 2026-02-02
                ---
                Keeping a budget for a small association: income, costs and reports to members.
                """);
        Path riverPage = Path.of("en/guides/river/index.html");
        BuildResult fresh = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("a"), false));
        assertTrue(fresh.success(), () -> fresh.diagnostics().sorted().toString());
        assertTrue(Files.isRegularFile(SiteSearchCache.root(BuildOptions.defaultCache(site)).resolve("related.json")));
        BuildResult cached = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("b"), false));
        assertTrue(cached.success());
        assertEquals(Files.readString(temp.resolve("a").resolve(riverPage)), Files.readString(temp.resolve("b").resolve(riverPage)));

        // A document about the same rivers appears: the next build must not serve the cached lists.
        Files.writeString(site.resolve("content/en/guides/other.md"), """
                ---
                title: River wetlands monitored by villages
                date: 2026-02-02
                ---
                Villages monitor river wetlands: water, fish and wetlands along the river.
                """);
        BuildResult changed = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("c"), false));
        assertTrue(changed.success());
        String related = org.jsoup.Jsoup.parse(temp.resolve("c").resolve(riverPage).toFile()).select(".related a").toString();
        assertTrue(related.contains("River wetlands monitored by villages"), related);
        // and a build from an empty cache agrees with it
        org.agora.files.FileTrees.delete(BuildOptions.defaultCache(site));
        assertTrue(new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("d"), false)).success());
        assertEquals(Files.readString(temp.resolve("c").resolve(riverPage)), Files.readString(temp.resolve("d").resolve(riverPage)));
    }
}
