package org.agora.publish;

import org.agora.config.SiteConfig;
import org.agora.content.FrontMatter;
import org.agora.model.Page;
import org.agora.model.PageKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which documents harvesters and feed readers receive as publications, and the people and identifiers they are
 * given, read from the typed front matter ({@code authors}, {@code publisher}, {@code doi}, {@code isbn}) and the
 * site's {@code citable:} types, exactly as the Cite box reads them. A site's own {@code author:} (Hugo themes
 * write one) names the authors of a document without {@code authors:}.
 */
public final class Citable {

    private Citable() {}

    /** A document of a type the site calls citable; section, home and generated pages never are. */
    public static boolean isCitable(Page p, SiteConfig config) {
        return p.kind() == PageKind.PAGE && p.document() != null && config.isCitable(p.type());
    }

    /** The authors as a catalogue writes them ("Diallo, Ana"; an organisation by its name). */
    public static List<String> creators(Page p) { return authors(p, true); }

    /** The same authors as a reader says them ("Ana Diallo"): for feeds and structured data. */
    public static List<String> names(Page p) { return authors(p, false); }

    private static List<String> authors(Page p, boolean inverted) {
        if (p.document() == null) return List.of();
        List<FrontMatter.Author> typed = p.document().frontMatter().publication().authors();
        if (!typed.isEmpty()) {
            return typed.stream().map(a -> inverted ? a.invertedName() : a.displayName()).toList();
        }
        Object value = p.document().frontMatter().params().get("author");
        List<String> out = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
            String name = item == null || item instanceof java.util.Map<?, ?> || item instanceof List<?> ? "" : String.valueOf(item).strip();
            if (!name.isEmpty()) out.add(name);
        }
        return out;
    }

    /** The publisher the front matter names, if any. */
    public static Optional<String> publisher(Page p) { return publication(p).map(FrontMatter.Publication::publisher); }

    /** The DOI ("10.1234/abc"), without any doi.org prefix, if any. */
    public static Optional<String> doi(Page p) { return publication(p).map(FrontMatter.Publication::doi); }

    /** The ISBN, if any. */
    public static Optional<String> isbn(Page p) { return publication(p).map(FrontMatter.Publication::isbn); }

    private static Optional<FrontMatter.Publication> publication(Page p) {
        return p.document() == null ? Optional.empty() : Optional.of(p.document().frontMatter().publication());
    }
}
