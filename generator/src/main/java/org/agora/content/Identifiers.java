package org.agora.content;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DOIs and ISBNs as editors paste them, checked and written one way. A wrong identifier in a reference sends
 * readers and citation managers to another work, so a typo is an error at its line rather than a dead link.
 */
public final class Identifiers {

    /**
     * "10." then the registrant's number (four or more digits, dotted sub-numbers allowed), "/", and a suffix
     * without spaces or control characters (DOI Handbook 2.2); the suffix may hold any other character.
     */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*/[^\\s\\p{Cc}]+");
    private static final Pattern RESOLVER = Pattern.compile("(?i)^(https?://(dx\\.)?doi\\.org/|doi:\\s*)");

    private Identifiers() {}

    /** The DOI without a resolver: "https://doi.org/10.5281/zenodo.1" and "doi:10.5281/zenodo.1" are "10.5281/zenodo.1". */
    public static Optional<String> doi(String written) {
        String d = RESOLVER.matcher(written.strip()).replaceFirst("");
        // A DOI pasted from a link may carry its percent-encoding ("%2F"): the DOI itself is the decoded text.
        if (d.contains("%")) {
            try {
                d = java.net.URLDecoder.decode(d.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return DOI.matcher(d).matches() && d.length() <= 500 ? Optional.of(d) : Optional.empty();
    }

    /** The ISBN's digits when its check digit is right: "978-2-12-345680-3" is "9782123456803"; "ISBN " is left out. */
    public static Optional<String> isbn(String written) {
        String s = written.strip().replaceFirst("(?i)^ISBN(-1[03])?:?\\s*", "").replaceAll("[\\s\\-]", "").toUpperCase(java.util.Locale.ROOT);
        if (s.matches("\\d{9}[\\dX]")) {
            int sum = 0;
            for (int i = 0; i < 10; i++) sum += (10 - i) * (s.charAt(i) == 'X' ? 10 : s.charAt(i) - '0');
            return sum % 11 == 0 ? Optional.of(s) : Optional.empty();
        }
        if (s.matches("97[89]\\d{10}")) {
            int sum = 0;
            for (int i = 0; i < 13; i++) sum += (i % 2 == 0 ? 1 : 3) * (s.charAt(i) - '0');
            return sum % 10 == 0 ? Optional.of(s) : Optional.empty();
        }
        return Optional.empty();
    }
}
