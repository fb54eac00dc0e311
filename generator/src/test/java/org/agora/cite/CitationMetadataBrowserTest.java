package org.agora.cite;

import com.fasterxml.jackson.databind.JsonNode;
import org.agora.testing.Chromium;
import org.agora.testing.ServedSite;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled annual report in a real headless Chromium, under the site's strict Content-Security-Policy, read
 * the way Zotero's "Embedded Metadata" and "COinS" translators read a page: every {@code meta[name^=citation_]}
 * (authors repeated, in order), and each {@code span.Z3988}'s title as an OpenURL query string. The Cite box
 * opens from the keyboard and its files download from the links it shows.
 */
class CitationMetadataBrowserTest {

    @TempDir
    static Path temp;
    static ServedSite site;
    static Chromium browser;

    /** What a citation manager takes from the page it is on. */
    static final String READ_LIKE_ZOTERO = """
            const meta = {};
            for (const m of document.querySelectorAll('meta[name^="citation_"]')) {
              (meta[m.getAttribute('name')] ||= []).push(m.getAttribute('content'));
            }
            const coins = [...document.querySelectorAll('span.Z3988')].map((s) => [...new URLSearchParams(s.title).entries()]);
            return { meta, coins };""";

    @BeforeAll
    static void serve() {
        site = ServedSite.build(TestPaths.repoRoot(), temp.resolve("out"), "/elibrary/");
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() { Chromium.closeAll(browser, site); }

    @Test
    void zoteroFindsTheReportsAuthorsDateDoiAndPdf() {
        browser.open(site.base().resolve("en/resources/annual-report-2025/"));
        JsonNode found = browser.run(READ_LIKE_ZOTERO);
        JsonNode meta = found.path("meta");
        assertEquals(List.of("Annual report 2025"), texts(meta.path("citation_title")));
        assertEquals(List.of("Mbuyi, Clarisse", "De Smet, Pieter", "Bridges Learning Network"), texts(meta.path("citation_author")));
        assertEquals(List.of("2026/03/31"), texts(meta.path("citation_publication_date")));
        assertEquals(List.of("10.5281/zenodo.15101234"), texts(meta.path("citation_doi")));
        assertEquals(List.of("en"), texts(meta.path("citation_language")));
        String pdf = meta.path("citation_pdf_url").path(0).asText();
        assertTrue(pdf.endsWith("/elibrary/files/annual-report-2025.pdf"), pdf);

        assertEquals(1, found.path("coins").size(), "one work on the page, one COinS");
        List<String> coins = new ArrayList<>();
        found.path("coins").path(0).forEach(kv -> coins.add(kv.path(0).asText() + "=" + kv.path(1).asText()));
        assertTrue(coins.containsAll(List.of("ctx_ver=Z39.88-2004", "rft_id=info:doi/10.5281/zenodo.15101234",
                "rft.btitle=Annual report 2025", "rft.aulast=Mbuyi", "rft.aufirst=Clarisse", "rft.au=De Smet, Pieter",
                "rft.aucorp=Bridges Learning Network", "rft.date=2026-03-31", "rft.genre=report")), coins::toString);
        assertEquals(List.of(), browser.pageErrors(),
                "the strict policy blocks nothing the page needs");
    }

    @Test
    void theFrenchVersionIsCitedInFrenchWithItsOwnTitle() {
        browser.open(site.base().resolve("fr/ressources/rapport-annuel-2025/"));
        JsonNode meta = browser.run(READ_LIKE_ZOTERO).path("meta");
        assertEquals(List.of("Rapport annuel 2025"), texts(meta.path("citation_title")));
        assertEquals(List.of("fr"), texts(meta.path("citation_language")));
        assertEquals("Réseau d'apprentissage Passerelles", meta.path("citation_author").path(2).asText());
    }

    @Test
    void theCiteBoxOpensFromTheKeyboardAndItsFilesDownload() {
        browser.open(site.base().resolve("nl/bronnen/jaarverslag-2025/"));
        assertFalse(browser.run("return document.querySelector('section.cite details').open;").asBoolean());
        browser.find("section.cite summary").sendKeys(Keys.ENTER);
        JsonNode box = browser.await("the references shown", """
                document.querySelector('section.cite details').open
                  && [...document.querySelectorAll('.cite-references dd')].map((d) => d.innerText)""");
        assertEquals(3, box.size());
        assertTrue(box.path(0).asText().contains("Mbuyi, C., De Smet, P., & Leernetwerk Bruggen. (2026)."), box.toString());
        JsonNode files = browser.run("""
                const out = [];
                for (const a of document.querySelectorAll('.cite-downloads a[download]')) {
                  const r = await fetch(a.href);
                  out.push({ name: a.getAttribute('download'), status: r.status, type: r.headers.get('content-type'),
                             start: (await r.text()).slice(0, 12) });
                }
                return out;""");
        assertEquals(3, files.size(), files.toString());
        for (JsonNode f : files) assertEquals(200, f.path("status").asInt(), f.toString());
        assertEquals("TY  - RPRT\r\n", files.path(0).path("start").asText());
        assertTrue(files.path(0).path("type").asText().startsWith("application/x-research-info-systems"), files.toString());
        assertTrue(files.path(1).path("start").asText().startsWith("@techreport{"), files.toString());
        assertTrue(files.path(2).path("start").asText().startsWith("["), files.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
