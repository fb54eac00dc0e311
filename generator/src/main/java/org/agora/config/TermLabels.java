package org.agora.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Labels of taxonomy terms per language, from the site's {@code data/taxonomies.yml}: a network defines
 * its themes and organisations once, and every language shows them in its own words.
 * @param file the data file (it may not exist)
 * @param byTaxonomy taxonomy → term as written in the file → label
 */
public record TermLabels(Path file, Map<String, Map<String, LocalizedText>> byTaxonomy) {

    public static final String FILE = "data/taxonomies.yml";

    public TermLabels {
        byTaxonomy = Map.copyOf(byTaxonomy);
    }

    public static TermLabels none(Path siteDir) { return new TermLabels(siteDir.resolve(FILE), Map.of()); }

    /** Whether the data file lists the terms of this taxonomy (then a term it does not list is a likely typo). */
    public boolean defines(String taxonomy) { return byTaxonomy.containsKey(taxonomy); }

    public Map<String, LocalizedText> terms(String taxonomy) { return byTaxonomy.getOrDefault(taxonomy, Map.of()); }
}
