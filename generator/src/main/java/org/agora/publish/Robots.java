package org.agora.publish;

import org.agora.model.SiteUrls;

import java.nio.charset.StandardCharsets;

/**
 * robots.txt: every crawler may read everything, and the sitemap is named. Crawlers read robots.txt at
 * the root of a host only; under a sub-path the file is harmless, and the host's own one applies.
 */
public final class Robots {

    public static final String FILE = "robots.txt";

    private Robots() {}

    /** @param withSitemap false when the site writes no sitemap (a baseURL without a host) */
    public static byte[] of(SiteUrls urls, boolean withSitemap) {
        String text = "User-agent: *\nAllow: /\n";
        if (withSitemap) text += "\nSitemap: " + urls.absolute("/" + Sitemap.FILE) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
