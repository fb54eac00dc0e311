package org.agora.serve;

import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.testing.Chromium;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor's preview in headless Chromium: an edit to a Markdown file shows in the open page without a
 * manual reload; broken front matter puts the error on the page while the last good page stays; the fix
 * brings the page back by itself.
 */
class LivePreviewBrowserTest {

    private static final String DOCUMENT = "content/en/guides/checklist.md";

    @TempDir
    static Path temp;
    static Path site;
    static LivePreview preview;
    static PreviewServer server;
    static URI base;
    static Chromium browser;
    static final List<BuildResult> builds = new CopyOnWriteArrayList<>();
    static final List<BuildResult> updates = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serve() throws IOException {
        site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        BuildOptions options = new BuildOptions(site, temp.resolve("preview"), false, BuildOptions.defaultCache(site),
                LocalDate.of(2026, 11, 22));
        preview = new LivePreview(options, BuildListener.NONE, new LivePreview.Listener() {
            @Override
            public void built(BuildResult result) { builds.add(result); }

            @Override
            public void updated(java.util.Set<Path> changed, BuildResult result) { updates.add(result); }
        });
        assertTrue(preview.start().success());
        server = new PreviewServer(temp.resolve("preview"), "/sub/path/", InetAddress.getLoopbackAddress(), 0, preview.state());
        base = server.start();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) browser.close();
        } finally {
            if (server != null) server.close();
            if (preview != null) preview.close();
        }
    }

    @Test
    void anEditShowsByItselfAnErrorShowsOnThePageAndTheFixBringsThePageBack() throws IOException {
        browser.open(base.resolve("en/guides/checklist/"));
        assertEquals("Checklist", browser.find("h1").getText());
        browser.await("the page following the builds", "window.performance && document.querySelector('script[src$=\"live.js\"]')");
        // Marks this very document: after a reload by the page itself the mark is gone, and the test never navigates.
        browser.run("window.__before = true;");

        String original = Files.readString(site.resolve(DOCUMENT));
        Files.writeString(site.resolve(DOCUMENT), original.replace("title: Checklist", "title: Checklist for the workshop"));
        browser.waitFor("the edited title", () -> browser.find("h1").getText().equals("Checklist for the workshop"));
        assertFalse(browser.run("return window.__before === true;").asBoolean(), "the page reloaded by itself");

        Files.writeString(site.resolve(DOCUMENT), original.replace("title: Checklist", "title: [Checklist"));
        String error = browser.waitFor("the build error on the page", () -> {
            var boxes = browser.findAll("#agora-build-errors");
            return boxes.isEmpty() ? null : boxes.getFirst().getText();
        });
        // The YAML parser notices the unclosed "[" where the front matter ends, on line 3.
        assertTrue(error.contains("content/en/guides/checklist.md:3 invalid YAML in front matter"), error);
        assertTrue(error.contains("Fix: "), error);
        assertEquals("Checklist for the workshop", browser.find("h1").getText(), "the last good page stays under the error");

        Files.writeString(site.resolve(DOCUMENT), original.replace("title: Checklist", "title: Checklist, fixed"));
        browser.waitFor("the page back", () -> browser.find("h1").getText().equals("Checklist, fixed")
                && browser.findAll("#agora-build-errors").isEmpty());
        // Each save was rebuilt in place (edit, error, fix), not by building the whole site again.
        assertTrue(updates.size() >= 3, "a partial rebuild per change: " + updates.size());
        assertTrue(updates.getFirst().success() && updates.getLast().success()
                && updates.stream().anyMatch(r -> !r.success()), "the edit and the fix updated, the error was refused");
        assertEquals(1, builds.size(), "no full build after the first one");
    }

    @Test
    void requestsOutsideTheOutputAreRefused() throws Exception {
        Files.writeString(temp.resolve("secret.txt"), "secret");
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/sub/path/../../../secret.txt", "/sub/path/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                "/sub/path/..%2f..%2f..%2fsecret.txt", "/sub/path/__agora/../../../secret.txt")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 403 || r.statusCode() == 404, path + " answered " + r.statusCode());
            assertFalse(r.body().contains("secret"), path);
        }
    }
}
