package org.agora.publish;

import org.agora.model.Page;
import org.agora.model.PageKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which documents a harvester receives, and their citation fields as the front matter gives them. Everything the
 * OAI repository needs to know about "citable" lives here, in one place: until the site settings name the citable
 * types and the front matter has typed citation fields, it reads the raw front matter (params) and takes the
 * resources and reports as citable, so that swapping it for the shared definition touches nothing else.
 */
public final class Citable {

    /** The types (or sections) whose documents are publications a library cites, rather than news or pages. */
    static final Set<String> TYPES = Set.of("resources", "reports");

    private Citable() {}

    /** A document of a citable type or section; section, home and generated pages never are. */
    public static boolean isCitable(Page p) {
        return p.kind() == PageKind.PAGE && p.document() != null
                && (TYPES.contains(p.type()) || TYPES.contains(p.sectionKey()));
    }

    /**
     * The authors as a catalogue writes them ("Diallo, Ana"): from {@code authors:} (else {@code author:}), a name
     * or a list whose items are names or maps {@code {family, given}} or {@code {name}}. Empty items are skipped.
     */
    public static List<String> creators(Page p) { return authors(p, true); }

    /** The same authors as a reader says them ("Ana Diallo"): for feeds and structured data. */
    public static List<String> names(Page p) { return authors(p, false); }

    private static List<String> authors(Page p, boolean familyFirst) {
        Object value = param(p, "authors");
        if (value == null) value = param(p, "author");
        List<String> out = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
            String name = item instanceof Map<?, ?> m ? nameOf(m, familyFirst) : text(item);
            if (!name.isEmpty()) out.add(name);
        }
        return out;
    }

    private static String nameOf(Map<?, ?> m, boolean familyFirst) {
        String family = text(m.get("family"));
        String given = text(m.get("given"));
        if (!family.isEmpty()) {
            if (given.isEmpty()) return family;
            return familyFirst ? family + ", " + given : given + " " + family;
        }
        String name = text(m.get("name"));
        return name.isEmpty() ? given : name;
    }

    /** The publisher the front matter names, if any. */
    public static Optional<String> publisher(Page p) { return string(p, "publisher"); }

    /** The DOI ("10.1234/abc"), as written or as a doi.org link, if any. */
    public static Optional<String> doi(Page p) {
        return string(p, "doi").map(d -> d.replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)", ""));
    }

    /** The ISBN, if any. */
    public static Optional<String> isbn(Page p) { return string(p, "isbn"); }

    private static Optional<String> string(Page p, String key) {
        Object v = param(p, key);
        return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? Optional.empty()
                : Optional.of(String.valueOf(v).strip()).filter(s -> !s.isEmpty());
    }

    private static Object param(Page p, String key) {
        return p.document() == null ? null : p.document().frontMatter().params().get(key);
    }

    private static String text(Object o) { return o == null || o instanceof Map<?, ?> || o instanceof List<?> ? "" : String.valueOf(o).strip(); }
}
