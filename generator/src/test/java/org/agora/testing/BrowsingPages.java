package org.agora.testing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks on a built site's browsing pages, read from its HTML as a reader sees them: taxonomy, term and
 * library pages exist in every language, and every count shown equals the documents the page lists.
 */
public final class BrowsingPages {

    private BrowsingPages() {}

    /** @return every problem found, empty when all holds */
    public static List<String> problems(OutputSite site, List<String> languages) {
        List<String> problems = new ArrayList<>();
        Map<String, Document> pages = site.pages();
        TreeSet<String> browsing = new TreeSet<>();   // "themes/", "themes/open-data/", "library/" without language
        pages.forEach((rel, doc) -> {
            String kind = doc.body().className();
            if (!rel.contains("/page/") && (kind.contains("kind-taxonomy") || kind.contains("kind-term") || kind.contains("kind-library"))) {
                browsing.add(rel.substring(rel.indexOf('/') + 1));
            }
        });
        for (String lang : languages) {
            if (!browsing.contains("library/index.html")) problems.add("no library page at all");
            for (String rel : browsing) {
                if (!pages.containsKey(lang + "/" + rel)) problems.add("missing in " + lang + ": " + rel);
            }
        }
        for (String lang : languages) {
            for (String rel : browsing) {
                Document doc = pages.get(lang + "/" + rel);
                if (doc == null) continue;
                String dir = lang + "/" + rel.substring(0, rel.length() - "index.html".length());
                if (doc.body().className().contains("kind-taxonomy")) {
                    for (Element li : doc.select(".term-list li")) {
                        Element a = li.selectFirst("a");
                        String target = java.net.URLDecoder.decode(a.attr("href").substring(a.attr("href").indexOf('/' + lang + '/') + 1),
                                java.nio.charset.StandardCharsets.UTF_8);
                        int shown = leadingNumber(li.selectFirst(".count").text());
                        int listed = listed(site, target, "main .items .item");
                        if (shown != listed) problems.add(dir + ": '" + a.text() + "' says " + shown + ", its page lists " + listed);
                    }
                } else if (doc.body().className().contains("kind-library")) {
                    int shown = leadingNumber(doc.selectFirst("#library-status").text());
                    int listed = listed(site, dir, "#library-list .item");
                    if (shown != listed) problems.add(dir + ": says " + shown + " documents, lists " + listed);
                    for (Element li : doc.select(".library-facet li")) {
                        Element a = li.selectFirst("a");
                        if (a == null) continue;
                        String target = java.net.URLDecoder.decode(a.attr("href").substring(a.attr("href").indexOf('/' + lang + '/') + 1),
                                java.nio.charset.StandardCharsets.UTF_8);
                        int count = leadingNumber(li.selectFirst(".count").text());
                        int onItsPage = listed(site, target, "main .items .item");
                        if (count != onItsPage) problems.add(dir + ": filter '" + a.text() + "' says " + count + ", its page lists " + onItsPage);
                    }
                }
            }
        }
        return problems;
    }

    /** Items matching {@code selector} on a list page and its further pages (…/page/2/…). */
    public static int listed(OutputSite site, String dir, String selector) {
        int count = 0;
        for (int n = 1; ; n++) {
            String rel = dir + (n == 1 ? "" : "page/" + n + "/") + "index.html";
            Document doc = site.pages().get(rel);
            if (doc == null) {
                if (n == 1) return -1;
                return count;
            }
            count += doc.select(selector).size();
        }
    }

    private static int leadingNumber(String text) {
        String digits = text.replaceAll("^\\D*(\\d[\\d\\s\u00a0\u202f.,]*).*$", "$1").replaceAll("\\D", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }
}
