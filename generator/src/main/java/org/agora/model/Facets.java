package org.agora.model;

import org.agora.config.SiteConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways readers browse the library: the site's taxonomies (themes, countries, organisations…) plus two
 * that every document has without an editor writing them, its type and its year.
 */
public final class Facets {

    public static final String TYPES = "types";
    public static final String YEARS = "years";

    private Facets() {}

    /** The taxonomies of site-config.yml, then types and years. */
    public static List<String> all(SiteConfig config) {
        List<String> out = new ArrayList<>(config.taxonomies());
        if (!out.contains(TYPES)) out.add(TYPES);
        if (!out.contains(YEARS)) out.add(YEARS);
        return List.copyOf(out);
    }

    /** A document's values for a facet, as written (a country code, a theme) or derived (its type, its year). */
    public static List<String> values(Page doc, String facet) {
        return switch (facet) {
            case TYPES -> doc.type() == null ? List.of() : List.of(doc.type());
            case YEARS -> doc.date() == null ? List.of() : List.of(Integer.toString(doc.date().date().getYear()));
            default -> doc.terms().getOrDefault(facet, List.of());
        };
    }
}
