package org.agora.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.agora.testing.Chromium;
import org.agora.testing.HeaderRules;
import org.agora.testing.HostileSite;
import org.agora.testing.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Content-Security-Policy Agora gives pages, in a real headless Chromium, as the two kinds of host serve
 * them: GitHub Pages (no headers of the site's: the policy in each page's meta element is what counts) and
 * Netlify or Cloudflare Pages (the rules of the _headers file, applied the way those hosts document, with the
 * meta element removed so the header alone is tested). A script that reached a page anyway (here written by a
 * trusted editor) does not run, and the theme's own scripts still do.
 */
class ContentSecurityBrowserTest {

    @TempDir
    static Path temp;
    static Chromium browser;
    static Path out;

    /** Records every policy violation of a page, for the test to read. */
    private static final String RECORDER = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', (e) =>
              window.__violations.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')));""";

    @BeforeAll
    static void buildASiteWithAnInjectedScript() {
        HostileSite site = HostileSite.of("", temp)
                .config("markdown: { trustRawHtml: true }\nsecurity: { contentSecurityPolicy: strict }")
                .write("content/en/injected.md", """
                        ---
                        title: Injected
                        ---

                        <script>window.__pwned = 'inline script';</script>
                        <img src="/missing.png" alt="" onerror="window.__pwned = 'event handler'">
                        <a id="go" href="javascript:void(window.__pwned = 'script address')">go</a>
                        """);
        HostileSite.Build b = site.build();
        assertEquals(0, b.code(), b::printed);
        out = site.out();
        browser = Chromium.start();
        browser.onEveryDocument(RECORDER);
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
    }

    private static JsonNode openAndReport(StaticServer server) {
        browser.open(server.base().resolve("en/injected/"));
        browser.find("#go").click();
        return browser.run("""
                await new Promise((r) => setTimeout(r, 300));
                return { pwned: window.__pwned || null, violations: window.__violations,
                         themeScript: performance.getEntriesByType('resource').some((e) => /\\/assets\\/agora\\.[0-9a-f]+\\.js$/.test(e.name)),
                         themeStyle: getComputedStyle(document.body).margin !== '' && document.styleSheets.length > 0 };""");
    }

    private static List<String> violations(JsonNode report) {
        List<String> v = new ArrayList<>();
        report.path("violations").forEach(n -> v.add(n.asText()));
        return v;
    }

    @Test
    void onAHostWithoutHeadersThePagesOwnPolicyStopsTheScript() {
        try (StaticServer server = StaticServer.serve(out, "/")) {
            JsonNode report = openAndReport(server);
            assertTrue(report.path("pwned").isNull(), report::toString);
            List<String> v = violations(report);
            assertTrue(v.stream().anyMatch(s -> s.startsWith("script-src")), v::toString);
            assertTrue(v.stream().noneMatch(s -> s.contains("/assets/")), "the theme's files are allowed: " + v);
            assertTrue(report.path("themeScript").asBoolean() && report.path("themeStyle").asBoolean(), report::toString);
        }
    }

    /** Guards the two tests above: without the policy, the injected script does run in this browser. */
    @Test
    void withoutAPolicyTheInjectedScriptRuns() throws IOException {
        Path page = out.resolve("en/injected/index.html");
        String html = Files.readString(page);
        Files.writeString(page, html.replaceFirst("\\n<meta http-equiv=\"Content-Security-Policy\"[^>]*>", ""));
        try (StaticServer server = StaticServer.serve(out, "/")) {
            JsonNode report = openAndReport(server);
            // The inline script ran, then the handler when the image failed, then the address when clicked.
            assertEquals("script address", report.path("pwned").asText(), report::toString);
        } finally {
            Files.writeString(page, html);
        }
    }

    @Test
    void onAHostThatReadsHeadersFilesTheHeaderAloneStopsTheScript() throws IOException {
        Path page = out.resolve("en/injected/index.html");
        String html = Files.readString(page);
        String withoutMeta = html.replaceFirst("\\n<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        assertTrue(withoutMeta.length() < html.length(), "the page declares the policy");
        Files.writeString(page, withoutMeta);
        HeaderRules rules = HeaderRules.read(out.resolve("_headers"));
        Map<String, String> headers = rules.forPath("/en/injected/");
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'self'"), headers::toString);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        try (StaticServer server = StaticServer.serve(out, "/", rules::forPath)) {
            JsonNode report = openAndReport(server);
            assertTrue(report.path("pwned").isNull(), report::toString);
            assertTrue(violations(report).stream().anyMatch(s -> s.startsWith("script-src")), report::toString);
            assertTrue(report.path("themeScript").asBoolean(), report::toString);
        } finally {
            Files.writeString(page, html);
        }
    }
}
