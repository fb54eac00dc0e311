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
        Path cache = BuildOptions.defaultCache(site).resolve("search");
        try (IndexBuilder holder = IndexBuilder.open("fr", cache.resolve("fr"))) { // as a running preview would
            BuildResult second = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("b"), false));
            assertTrue(second.success(), () -> second.diagnostics().sorted().toString());
        }
        assertEquals(Files.readString(temp.resolve("a/search/fr.json")), Files.readString(temp.resolve("b/search/fr.json")),
                "indexed from scratch elsewhere, the same files");
    }
}
