package org.agora.publish;

import java.nio.charset.StandardCharsets;

/**
 * What a host should say about every page so that a browser refuses what the site did not mean to run: the
 * site's Content-Security-Policy, in a meta element of each page (which works on any host, GitHub Pages
 * included) and in a {@code _headers} file that Netlify and Cloudflare Pages read, with the protections only
 * a header can give (no MIME sniffing, no framing by other sites).
 */
public final class SecurityHeaders {

    public static final String FILE = "_headers";

    private SecurityHeaders() {}

    /**
     * The page with the policy's meta element first in its head, before anything that could load or run.
     * The policy comes from site-config.yml and holds no quote or angle bracket (the config loader checks).
     */
    public static String withPolicy(String html, String policy) {
        if (policy == null) return html;
        int head = indexOfIgnoringCase(html, "<head");
        int end = head < 0 ? -1 : html.indexOf('>', head);
        if (end < 0) return html;
        String meta = "\n<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">";
        return html.substring(0, end + 1) + meta + html.substring(end + 1);
    }

    /** Where {@code lowerCaseWord} first occurs in any case; the page is not copied to lower case to find out. */
    private static int indexOfIgnoringCase(String html, String lowerCaseWord) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) return i;
        }
        return -1;
    }

    /** Netlify's and Cloudflare Pages' _headers: every path gets the headers. */
    public static byte[] headersFile(String policy) {
        StringBuilder s = new StringBuilder();
        s.append("# Written by Agora: security headers for hosts that read _headers (Netlify, Cloudflare Pages).\n");
        s.append("/*\n");
        s.append("  X-Content-Type-Options: nosniff\n");
        s.append("  Referrer-Policy: strict-origin-when-cross-origin\n");
        if (policy != null) {
            String header = policy.contains("frame-ancestors") ? policy : policy + "; frame-ancestors 'self'";
            s.append("  Content-Security-Policy: ").append(header).append('\n');
        } else {
            s.append("  X-Frame-Options: SAMEORIGIN\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
