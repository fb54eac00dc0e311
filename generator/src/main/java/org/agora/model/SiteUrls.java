package org.agora.model;

import org.agora.config.SiteConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns site paths into links. Links are root-relative and carry the base URL's path, so the output
 * works under any sub-path; canonical URLs are absolute when the base URL has a host. With one host per
 * language (Hugo's multihost), a language's folder ("/fr/") is the root of its host, and every link into it
 * is absolute, since a page on one host cannot reach another with a root-relative link.
 * @param hosts per language folder ("/fr/"), the base URL of its host; empty for a site on one host
 */
public record SiteUrls(String basePath, URI baseUrl, Map<String, URI> hosts) {

    public SiteUrls {
        hosts = Map.copyOf(hosts);
    }

    public SiteUrls(String basePath, URI baseUrl) { this(basePath, baseUrl, Map.of()); }

    public static SiteUrls of(SiteConfig config) {
        Map<String, URI> hosts = new java.util.HashMap<>();
        config.urls().languageBaseUrls().forEach((lang, uri) -> hosts.put(config.languageRoot(lang), uri));
        return new SiteUrls(config.basePath(), config.baseUrl(), hosts);
    }

    /** "/fr/réseau/" → "/elibrary/fr/r%C3%A9seau/" */
    public String href(String sitePath) {
        URI host = hostOf(sitePath);
        if (host != null) return onHost(host, sitePath);
        return basePath + encodePath(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }

    public String absolute(String sitePath) {
        URI host = hostOf(sitePath);
        if (host != null) return onHost(host, sitePath);
        String rel = encodePath(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
        return baseUrl.getHost() == null ? basePath + rel : baseUrl.toString() + rel;
    }

    private URI hostOf(String sitePath) {
        if (hosts.isEmpty()) return null;
        int second = sitePath.indexOf('/', 1);
        return second < 0 ? null : hosts.get(sitePath.substring(0, second + 1));
    }

    private static String onHost(URI host, String sitePath) {
        int second = sitePath.indexOf('/', 1);
        return host.toString() + encodePath(sitePath.substring(second + 1));
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
