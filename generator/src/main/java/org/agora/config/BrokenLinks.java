package org.agora.config;

/**
 * How a link to a page or file the site does not have is reported (Hugo's {@code refLinksErrorLevel}, for every
 * link): an error by default, so that CI stops a commit that breaks one; a warning for a site migrated with old
 * broken links, so that it can publish while its editors fix them. {@code agora check} lists them either way.
 */
public enum BrokenLinks {
    ERROR, WARNING;

    public static java.util.Optional<BrokenLinks> parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "error", "errors" -> java.util.Optional.of(ERROR);
            case "warning", "warnings", "warn" -> java.util.Optional.of(WARNING);
            default -> java.util.Optional.empty();
        };
    }
}
