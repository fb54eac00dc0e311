package org.agora.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the browser tests of a built site share: a temporary folder, the site built into it and served by the preview
 * server, and a Chromium to browse it, both stopped after the class; after each test, the page showed no script errors. A test class extends this and calls
 * {@link #serve} from its own {@code @BeforeAll}, after changing its copy of a site as it needs. Test classes run one
 * after the other: the fields are those of the class that is running.
 */
public abstract class SiteInChromium {

    @TempDir
    protected static Path temp;
    protected static ServedSite site;
    protected static OutputSite output;
    /** The served site's address, base path included. */
    protected static URI base;
    protected static Chromium browser;

    /** Builds the site in {@code siteDir} into temp/out, serves it under {@code basePath} and starts Chromium. */
    protected static void serve(Path siteDir, String basePath) {
        site = ServedSite.build(siteDir, temp.resolve("out"), basePath);
        output = site.output();
        base = site.base();
        browser = Chromium.start();
    }

    @AfterEach
    void noScriptErrorsInThePage() {
        assertEquals(List.of(), browser.pageErrors(), "console errors");
    }

    @AfterAll
    static void stopBrowserAndSite() {
        try {
            Chromium.closeAll(browser, site);
        } finally {
            browser = null;
            site = null;
            output = null;
            base = null;
        }
    }
}
