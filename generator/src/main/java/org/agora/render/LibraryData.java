package org.agora.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agora.model.Facets;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.Slugs;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data behind a library page's live filters: every document of the language's library in list order,
 * with the positions of its facet values, so the browser counts and filters without a server. The format
 * is described in docs/library-format.md.
 */
public final class LibraryData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LibraryData() {}

    public static byte[] of(Library library, ViewFactory views, Page libraryPage) {
        String lang = libraryPage.language();
        List<Views.FacetView> facets = views.libraryFacets(libraryPage);
        ObjectNode root = JSON.createObjectNode();
        root.put("language", lang);
        root.put("pageSize", library.config().pageSize());
        ArrayNode facetsJson = root.putArray("facets");
        List<Map<String, Integer>> positions = new java.util.ArrayList<>();
        for (Views.FacetView f : facets) {
            ObjectNode fj = facetsJson.addObject();
            fj.put("field", f.field());
            fj.put("label", f.label());
            ArrayNode values = fj.putArray("values");
            Map<String, Integer> at = new HashMap<>();
            for (Views.FacetValueView v : f.values()) {
                at.put(v.value(), at.size());
                ObjectNode vj = values.addObject();
                vj.put("value", v.value());
                vj.put("label", v.label());
                if (v.url() != null) vj.put("url", v.url());
            }
            positions.add(at);
        }
        ArrayNode items = root.putArray("items");
        for (Page p : library.listing(libraryPage)) {
            Views.ItemView item = views.item(p, lang);
            ObjectNode ij = items.addObject();
            ij.put("title", item.title());
            ij.put("url", item.url());
            ij.put("language", item.language());
            if (item.fallback()) ij.put("fallback", true);
            if (item.type() != null) {
                ij.put("type", item.type());
                ij.put("typeLabel", views.typeLabel(lang, item.type()));
            }
            if (item.date() != null) {
                ij.put("date", item.date().iso());
                ij.put("dateText", item.date().text());
            }
            if (item.summary() != null && !item.summary().isBlank()) ij.put("summary", item.summary());
            ArrayNode valuesOf = ij.putArray("facets");
            for (int i = 0; i < facets.size(); i++) {
                String field = facets.get(i).field();
                ArrayNode positionsOf = valuesOf.addArray();
                List<String> raw = field.equals("language") ? List.of(p.language()) : Facets.values(p, field);
                for (String value : raw) {
                    Integer pos = positions.get(i).get(field.equals("language") ? value : Slugs.term(field, value));
                    if (pos != null && !contains(positionsOf, pos)) positionsOf.add(pos);
                }
            }
        }
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(ArrayNode array, int value) {
        for (var n : array) if (n.asInt() == value) return true;
        return false;
    }
}
