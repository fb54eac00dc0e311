package org.agora.model;

import org.agora.config.SiteConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Turns site paths into links. Links are root-relative and carry the base URL's path, so the output
 * works under any sub-path; canonical URLs are absolute when the base URL has a host.
 */
public record SiteUrls(String basePath, URI baseUrl) {

    public static SiteUrls of(SiteConfig config) { return new SiteUrls(config.basePath(), config.baseUrl()); }

    /** "/fr/réseau/" → "/elibrary/fr/r%C3%A9seau/" */
    public String href(String sitePath) {
        return basePath + encodePath(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }

    public String absolute(String sitePath) {
        String rel = encodePath(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
        return baseUrl.getHost() == null ? basePath + rel : baseUrl.toString() + rel;
    }

    /** Percent-encodes what a URL path may not hold as is; '/' separates segments and stays. */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
