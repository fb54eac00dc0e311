package org.agora.testing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks on a built site's browsing pages, read from its HTML as a reader sees them: taxonomy, term and
 * library pages exist in every language, and every count shown equals the documents the page lists.
 * Pages are found by following links (hreflang alternates, term links, "next" links of the pagination), never
 * by making paths, so the checks hold whatever the site's URL settings (the default language at the root,
 * ugly URLs, a sub-path).
 */
public final class BrowsingPages {

    private BrowsingPages() {}

    /** @return every problem found, empty when all holds */
    public static List<String> problems(OutputSite site, List<String> languages) {
        List<String> problems = new ArrayList<>();
        Map<String, Document> pages = site.pages();
        TreeSet<String> browsing = new TreeSet<>();   // first pages of taxonomies, terms and libraries, every language
        pages.forEach((rel, doc) -> {
            String kind = doc.body().className();
            boolean first = doc.selectFirst(".pagination a[rel=prev]") == null;
            if (first && (kind.contains("kind-taxonomy") || kind.contains("kind-term") || kind.contains("kind-library"))) {
                browsing.add(rel);
            }
        });
        if (browsing.stream().noneMatch(rel -> pages.get(rel).body().className().contains("kind-library"))) {
            problems.add("no library page at all");
        }
        for (String rel : browsing) {
            Document doc = pages.get(rel);
            // The same page in every language: each translation offered and there.
            Set<String> offered = new HashSet<>();
            for (Element link : doc.select("link[rel=alternate][hreflang]")) {
                if (site.pageFor(link.attr("href")).isPresent()) offered.add(link.attr("hreflang"));
            }
            for (String lang : languages) if (!offered.contains(lang)) problems.add("missing in " + lang + ": " + rel);

            if (doc.body().className().contains("kind-taxonomy")) {
                for (Element li : doc.select(".term-list li")) {
                    Element a = li.selectFirst("a");
                    int shown = leadingNumber(li.selectFirst(".count").text());
                    int listed = site.pageFor(a.attr("href")).map(target -> listed(site, target, "main .items .item")).orElse(-1);
                    if (shown != listed) problems.add(rel + ": '" + a.text() + "' says " + shown + ", its page lists " + listed);
                }
            } else if (doc.body().className().contains("kind-library")) {
                int shown = leadingNumber(doc.selectFirst("#library-status").text());
                int listed = listed(site, rel, "#library-list .item");
                if (shown != listed) problems.add(rel + ": says " + shown + " documents, lists " + listed);
                for (Element li : doc.select(".library-facet li")) {
                    Element a = li.selectFirst("a");
                    if (a == null) continue;
                    int count = leadingNumber(li.selectFirst(".count").text());
                    int onItsPage = site.pageFor(a.attr("href")).map(target -> listed(site, target, "main .items .item")).orElse(-1);
                    if (count != onItsPage) problems.add(rel + ": filter '" + a.text() + "' says " + count + ", its page lists " + onItsPage);
                }
            }
        }
        return problems;
    }

    /**
     * Items matching {@code selector} on a list page (output-relative path) and on the further pages its
     * pagination's "next" links lead to; -1 when there is no such page.
     */
    public static int listed(OutputSite site, String rel, String selector) {
        int count = 0;
        Set<String> seen = new HashSet<>();
        Optional<String> at = Optional.of(rel);
        while (at.isPresent() && seen.add(at.get())) {
            Document doc = site.pages().get(at.get());
            if (doc == null) return seen.size() == 1 ? -1 : count;
            count += doc.select(selector).size();
            Element next = doc.selectFirst(".pagination a[rel=next]");
            at = next == null ? Optional.empty() : site.pageFor(next.attr("href"));
        }
        return count;
    }

    private static int leadingNumber(String text) {
        String digits = text.replaceAll("^\\D*(\\d[\\d\\s\u00a0\u202f.,]*).*$", "$1").replaceAll("\\D", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }
}
