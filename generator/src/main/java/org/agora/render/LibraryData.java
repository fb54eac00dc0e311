package org.agora.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agora.model.Facets;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.content.Slugs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data behind a library page's live filters, split so that what a reader downloads stays small however
 * large the library: an entry file with the filters, their values and counts and the first page of the list;
 * a filters file with, for each value, the numbers of the documents that have it, fetched when the reader
 * first filters; and the documents' cards, one file per page of the list, fetched when that page is shown.
 * The format, and why it is split this way, is described in docs/library-format.md.
 */
public final class LibraryData {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** File names, beside the library page, before their hash and ".json". */
    private static final String ENTRY = "data.", FILTERS = "data/filters.", PAGES = "data/items.";

    private LibraryData() {}

    public static LibraryFiles of(Library library, ViewFactory views, Page libraryPage) {
        String lang = libraryPage.language();
        String folder = Page.folderOf(libraryPage.path()).substring(1);
        int pageSize = library.config().pageSize();
        List<Views.FacetView> facets = views.libraryFacets(libraryPage);
        List<Map<String, Integer>> positions = new ArrayList<>();
        List<List<List<Integer>>> postings = new ArrayList<>();
        for (Views.FacetView f : facets) {
            Map<String, Integer> at = new HashMap<>();
            List<List<Integer>> lists = new ArrayList<>();
            for (Views.FacetValueView v : f.values()) {
                at.put(v.value(), at.size());
                lists.add(new ArrayList<>());
            }
            positions.add(at);
            postings.add(lists);
        }
        List<ObjectNode> cards = new ArrayList<>();
        for (Page p : library.listing(libraryPage)) {
            int number = cards.size();
            cards.add(card(views, p, lang));
            for (int i = 0; i < facets.size(); i++) {
                String field = facets.get(i).field();
                List<String> raw = field.equals("language") ? List.of(p.language()) : Facets.values(p, field);
                for (String value : raw) {
                    Integer pos = positions.get(i).get(field.equals("language") ? value : Slugs.term(field, value));
                    if (pos == null) continue;
                    List<Integer> list = postings.get(i).get(pos);
                    // Two spellings of one term give one value.
                    if (list.isEmpty() || list.getLast() != number) list.add(number);
                }
            }
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode pageNames = JSON.createArrayNode();
        for (int from = 0; from < cards.size(); from += pageSize) {
            ObjectNode page = JSON.createObjectNode();
            page.putArray("items").addAll(cards.subList(from, Math.min(cards.size(), from + pageSize)));
            pageNames.add(add(files, folder + PAGES, page));
        }
        String filtersName = FILTERS + add(files, folder + FILTERS, filters(facets, postings, cards.size())) + ".json";

        ObjectNode entry = JSON.createObjectNode();
        entry.put("language", lang);
        entry.put("pageSize", pageSize);
        entry.put("total", cards.size());
        ArrayNode facetsJson = entry.putArray("facets");
        for (int i = 0; i < facets.size(); i++) {
            Views.FacetView f = facets.get(i);
            ObjectNode fj = facetsJson.addObject();
            fj.put("field", f.field());
            fj.put("label", f.label());
            ArrayNode values = fj.putArray("values");
            for (int pos = 0; pos < f.values().size(); pos++) {
                Views.FacetValueView v = f.values().get(pos);
                ObjectNode vj = values.addObject();
                vj.put("value", v.value());
                vj.put("label", v.label());
                if (v.url() != null) vj.put("url", v.url());
                // Counted from the same lists the filters file gives, so the counts before and after the
                // first filter come from one source.
                vj.put("count", postings.get(i).get(pos).size());
            }
        }
        entry.put("filters", filtersName);
        // Only the hashes: the names of a large library's pages would be most of the entry.
        entry.set("pages", pageNames);
        entry.putArray("items").addAll(cards.subList(0, Math.min(cards.size(), pageSize)));
        String entryPath = folder + ENTRY + add(files, folder + ENTRY, entry) + ".json";
        return new LibraryFiles(entryPath, files);
    }

    /** What a list item shows, as the theme's list does. */
    private static ObjectNode card(ViewFactory views, Page p, String lang) {
        Views.ItemView item = views.item(p, lang);
        ObjectNode card = JSON.createObjectNode();
        card.put("title", item.title());
        card.put("url", item.url());
        card.put("language", item.language());
        if (item.fallback()) card.put("fallback", true);
        if (item.type() != null) {
            card.put("type", item.type());
            card.put("typeLabel", views.typeLabel(lang, item.type()));
        }
        if (item.date() != null) {
            card.put("date", item.date().iso());
            card.put("dateText", item.date().text());
        }
        if (item.summary() != null && !item.summary().isBlank()) card.put("summary", item.summary());
        return card;
    }

    /**
     * Each value's documents as gaps between their numbers: a frequent value's gaps are one or two digits,
     * and runs of them compress well, so the whole file is a small fraction of the cards.
     */
    private static ObjectNode filters(List<Views.FacetView> facets, List<List<List<Integer>>> postings, int total) {
        ObjectNode root = JSON.createObjectNode();
        root.put("total", total);
        ArrayNode facetsJson = root.putArray("facets");
        for (int i = 0; i < facets.size(); i++) {
            ObjectNode fj = facetsJson.addObject();
            fj.put("field", facets.get(i).field());
            ArrayNode values = fj.putArray("items");
            for (List<Integer> list : postings.get(i)) {
                ArrayNode gaps = values.addArray();
                int last = 0;
                for (int n : list) {
                    gaps.add(n - last);
                    last = n;
                }
            }
        }
        return root;
    }

    /** Adds a file named {@code prefix<hash>.json} after its content; returns the hash. */
    private static String add(Map<String, byte[]> files, String prefix, JsonNode content) {
        byte[] bytes = bytes(content);
        String hash = hash(bytes);
        files.put(prefix + hash + ".json", bytes);
        return hash;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(byte[] bytes) {
        return org.agora.files.Digest.shortSha256(bytes);
    }
}
