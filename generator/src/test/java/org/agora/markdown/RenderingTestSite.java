package org.agora.markdown;

import org.agora.config.SiteConfig;
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the renderer tests share: a small site in a temporary folder (at https://example.org/elibrary/, in the test
 * languages) built into a library through the real pipeline, the renderer a test class makes from it in its own
 * {@code @BeforeAll}, and fresh diagnostics for each test. Test classes run one after the other: the static fields
 * are those of the class that is running.
 */
abstract class RenderingTestSite {

    @TempDir
    static Path site;
    static Library library;
    static MarkdownRenderer renderer;

    Diagnostics diagnostics;

    static void write(String rel, String text) { TestSite.write(site, rel, text); }

    /** Writes site-config.yml and builds the library of what the test class wrote; its config. */
    static SiteConfig buildLibrary(Diagnostics d) {
        TestSite s = TestSite.at(site).config("title: Test\nbaseURL: https://example.org/elibrary/\n" + TestSite.TRILINGUAL);
        SiteConfig config = s.loadConfig(d);
        library = s.library(config, d, false);
        return config;
    }

    @BeforeEach
    void freshDiagnostics() { diagnostics = new Diagnostics(); }

    static Page page(String path) {
        Page p = library.byPath().get(path);
        assertNotNull(p, () -> path + " not in " + library.byPath().keySet());
        return p;
    }

    /** Renders {@code body} as if it were the body of the page at {@code path}. */
    RenderedMarkdown render(String path, String body) {
        Page p = page(path);
        ParsedDocument real = p.document();
        return renderer.render(new ParsedDocument(real.source(), real.frontMatter(), body, real.bodyLineOffset()), p, diagnostics);
    }

    /** Renders {@code body} as the body of the page at {@code path}, which must give no diagnostic at all. */
    RenderedMarkdown renderWithoutDiagnostics(String path, String body) {
        RenderedMarkdown r = render(path, body);
        noDiagnostics();
        return r;
    }

    static Document html(RenderedMarkdown r) { return Jsoup.parseBodyFragment(r.html()); }

    void noDiagnostics() { assertTrue(diagnostics.sorted().isEmpty(), () -> diagnostics.sorted().toString()); }
}
