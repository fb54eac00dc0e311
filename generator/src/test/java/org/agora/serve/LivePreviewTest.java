package org.agora.serve;

import org.agora.search.SearchIndex;
import org.agora.search.SearchRequest;
import org.agora.search.Searcher;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview without a browser: a save is rebuilt in place at once, and the search index, which a partial
 * rebuild leaves behind, catches up by itself once the editor pauses. A site-wide change (the configuration)
 * has every page written again at once, with the last search index, and search catches up after it.
 */
class LivePreviewTest {

    @TempDir
    Path temp;

    @Test
    void aSaveIsRebuiltInPlaceThenSearchCatchesUpAndAConfigChangeRebuildsAll() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Path cache = temp.resolve("cache");
        BuildOptions options = new BuildOptions(site, temp.resolve("preview"), false, cache, LocalDate.of(2026, 11, 22));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (LivePreview preview = new LivePreview(options, BuildListener.NONE, new LivePreview.Listener() {
            @Override
            public void built(BuildResult result) { events.add("built " + result.success()); }

            @Override
            public void updated(Set<Path> changed, BuildResult result) { events.add("updated " + result.success()); }

            @Override
            public void rebuildingAll(String reason) { events.add("rebuilding all"); }

            @Override
            public void caughtUp(BuildResult result) { events.add("caught up"); }
        })) {
            assertTrue(preview.start().success());
            assertEquals("built true", events.take());
            assertEquals(0, hits("quokkas", cache));

            Path doc = site.resolve("content/en/guides/checklist.md");
            Files.writeString(doc, Files.readString(doc) + "\n\nWe counted quokkas on the way.\n");
            assertEquals("updated true", next(events));
            assertTrue(Files.readString(temp.resolve("preview/en/guides/checklist/index.html")).contains("quokkas"),
                    "the page is written before search catches up");
            assertEquals("caught up", next(events));
            assertEquals(1, hits("quokkas", cache), "the background build indexed the new text");

            Path config = site.resolve("site-config.yml");
            Files.writeString(config, Files.readString(config) + "\n# a comment\n");
            assertEquals("rebuilding all", next(events));
            assertEquals("built true", next(events));
            assertTrue(Files.isRegularFile(temp.resolve("preview/agora-search/en.json")), "the last search index stays meanwhile");
            assertEquals("caught up", next(events));
        }
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(event, "the preview reacted within a minute");
        return event;
    }

    private static long hits(String word, Path cache) throws IOException {
        try (SearchIndex index = SearchIndex.open("en", org.agora.site.SiteSearchCache.root(cache).resolve("en"))) {
            return new Searcher(Map.of("en", index)).search(new SearchRequest(word, "en", false, Map.of(), false, 1, 10)).total();
        }
    }
}
