package org.agora.cite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.agora.content.FrontMatter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A citation as CSL-JSON (the Citation Style Language's data schema, csl-data.json): what Zotero, Pandoc and
 * citeproc processors read. The same item is what {@link References} formats, so the download and the Cite box
 * cannot disagree.
 */
public final class CslJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CslJson() {}

    /** The file: an array of one item, as csl-data.json wants it. */
    public static byte[] write(Citation c) {
        try {
            return (JSON.writeValueAsString(List.of(item(c))) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always prints", e);
        }
    }

    /** The item, keys in a fixed order (the output is the same from one build to the next). */
    public static Map<String, Object> item(Citation c) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", c.id());
        item.put("type", c.kind().csl());
        item.put("title", c.title());
        if (!c.authors().isEmpty()) item.put("author", c.authors().stream().map(CslJson::name).toList());
        if (c.issued() != null) {
            var d = c.issued().date();
            item.put("issued", Map.of("date-parts", List.of(List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))));
        }
        item.put("publisher", c.publisher());
        item.put("language", c.language());
        if (c.summary() != null) item.put("abstract", c.summary());
        if (c.doi() != null) item.put("DOI", c.doi());
        if (c.isbn() != null) item.put("ISBN", c.isbn());
        item.put("URL", c.url());
        return item;
    }

    private static Map<String, Object> name(FrontMatter.Author a) {
        Map<String, Object> n = new LinkedHashMap<>();
        if (!a.isPerson()) {
            n.put("literal", a.literal());
        } else {
            n.put("family", a.family());
            if (a.given() != null) n.put("given", a.given());
        }
        return n;
    }

    static List<Object> names(List<FrontMatter.Author> authors) {
        return new ArrayList<>(authors.stream().map(CslJson::name).toList());
    }
}
