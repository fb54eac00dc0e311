package org.agora.config;

/**
 * Whether the search export writes pack files read with HTTP Range ({@code search.packs} in
 * site-config.yml; docs/search-format.md, "Packs"). {@code auto} writes them only when the site would
 * otherwise publish more files than hosts allow, so a small or medium site keeps a file per result and
 * per frequent term, and needs nothing of its host; {@code never} is for a large site on a host that
 * ignores Range (each query would then fetch whole packs); {@code always} for a host with a lower file limit.
 */
public enum SearchPacks {
    AUTO, NEVER, ALWAYS;

    public static java.util.Optional<SearchPacks> parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> java.util.Optional.of(AUTO);
            case "never", "false", "off" -> java.util.Optional.of(NEVER);
            case "always", "true", "on" -> java.util.Optional.of(ALWAYS);
            default -> java.util.Optional.empty();
        };
    }
}
