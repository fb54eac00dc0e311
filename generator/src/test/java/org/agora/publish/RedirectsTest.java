package org.agora.publish;

import org.agora.model.Alias;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedirectsTest {

    static final SiteUrls URLS = new SiteUrls("/kb/", URI.create("https://example.org/kb/"));
    static final Page TARGET = new Page(PageKind.PAGE, "fr", "g", "/fr/réseau/", "Titre <b>gras</b> & co", null, null,
            "news", "news", null, null, Map.of(), null, null, null);

    @Test
    void theRedirectPageSendsReadersToTheTargetUnderTheBasePath() {
        Redirects redirects = new Redirects(URLS);
        Document page = Jsoup.parse(new String(redirects.page(new Alias("/ancien/", TARGET, 4)), StandardCharsets.UTF_8));
        assertEquals("0; url=/kb/fr/r%C3%A9seau/", page.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://example.org/kb/fr/r%C3%A9seau/", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("/kb/fr/r%C3%A9seau/", page.selectFirst("body a").attr("href"), "a link for browsers that ignore refresh");
        assertEquals("Titre <b>gras</b> & co", page.title(), "the title is text, never markup");
        assertEquals("fr", page.selectFirst("html").attr("lang"));
    }

    @Test
    void theRedirectsFileHasOneLinePerAliasUnderTheBasePath() {
        Redirects redirects = new Redirects(URLS);
        String file = new String(redirects.redirectsFile(List.of(new Alias("/ancien/", TARGET, 4),
                new Alias("/vieux chemin.html", TARGET, 5))), StandardCharsets.UTF_8);
        assertEquals("/kb/ancien/ /kb/fr/r%C3%A9seau/ 301\n/kb/vieux%20chemin.html /kb/fr/r%C3%A9seau/ 301\n", file);
    }
}
