package org.agora.testing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks that hreflang links and language-switcher links reach existing pages that link back. */
public final class Translations {

    private Translations() {}

    /** Problems found, one line each; empty when every translation link is sound and reciprocal. */
    public static List<String> problems(OutputSite site) {
        List<String> problems = new ArrayList<>();
        site.pages().forEach((rel, doc) -> {
            String canonical = canonical(doc);
            if (canonical == null) return;   // redirect pages and the root page have no translations
            for (Element link : doc.select("link[rel=alternate][hreflang]")) {
                if (link.attr("hreflang").equals("x-default")) continue;
                check(site, rel, canonical, "hreflang " + link.attr("hreflang"), link.attr("href"), problems, true);
            }
            for (Element a : doc.select("nav.lang-switcher a[href]")) {
                check(site, rel, canonical, "switcher " + a.attr("hreflang"), a.attr("href"), problems, false);
            }
        });
        return problems;
    }

    private static void check(OutputSite site, String rel, String canonical, String what, String href,
                              List<String> problems, boolean hreflang) {
        Optional<String> target = site.pageFor(href);
        if (target.isEmpty()) {
            problems.add(rel + ": " + what + " → " + href + " does not exist");
            return;
        }
        Document other = site.page(target.get());
        String otherCanonical = canonical(other);
        if (otherCanonical == null) return;
        boolean linksBack = hreflang
                ? other.select("link[rel=alternate][hreflang]").stream().anyMatch(l -> sameTarget(site, l.attr("href"), canonical))
                : other.select("nav.lang-switcher a[href]").stream().anyMatch(l -> sameTarget(site, l.attr("href"), canonical));
        if (!linksBack && !target.get().equals(rel)) {
            problems.add(rel + ": " + what + " → " + target.get() + " does not link back");
        }
    }

    private static boolean sameTarget(OutputSite site, String href, String canonical) {
        return site.pageFor(href).equals(site.pageFor(canonical));
    }

    private static String canonical(Document doc) {
        Element c = doc.selectFirst("link[rel=canonical]");
        return c == null || doc.selectFirst("meta[http-equiv=refresh]") != null ? null : c.attr("href");
    }
}
