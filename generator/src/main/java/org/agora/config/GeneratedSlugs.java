package org.agora.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path segments a site gives the pages Agora makes ({@code slugs:} in site-config.yml): per page name (search,
 * library, types, years or a taxonomy) and language, the folder its readers see, "recherche" for /fr/recherche/.
 * A name or language it does not give keeps the theme's word, else the English name.
 */
public record GeneratedSlugs(Map<String, Map<String, String>> byName) {

    /** Agora's own pages; taxonomies are named by the site. */
    public static final List<String> OWN_PAGES = List.of("search", "library", "types", "years");

    /** One path segment in lower case: letters and digits of any script, joined by "-", "_" or ".". */
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}]+([._-][\\p{L}\\p{N}]+)*");

    public static final GeneratedSlugs NONE = new GeneratedSlugs(Map.of());

    public GeneratedSlugs {
        byName = Map.copyOf(byName.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
    }

    public Optional<String> of(String name, String language) {
        return Optional.ofNullable(byName.getOrDefault(name, Map.of()).get(language));
    }

    /** Whether {@code slug} can be a folder of the site's URLs as written: one segment, lower case. */
    public static boolean isSegment(String slug) {
        return slug != null && SEGMENT.matcher(slug).matches() && slug.equals(slug.toLowerCase(Locale.ROOT));
    }
}
