package org.agora.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the site trusts its editors with. Untrusted (the default), content is data: raw HTML goes through one
 * sanitiser, and files a browser would run as part of the site (HTML, SVG, XML, JavaScript) are not published
 * unless the site names them under {@code security.activeFiles}.
 * @param trustRawHtml editors may write any HTML, script included ({@code markdown.trustRawHtml})
 * @param activeFiles glob patterns, relative to the site folder, of active files the site publishes anyway
 * @param contentSecurityPolicy the policy pages declare in a meta element and the _headers file, or null for none
 */
public record Security(boolean trustRawHtml, List<String> activeFiles, String contentSecurityPolicy) {

    /**
     * What the bundled theme needs and nothing more: its own scripts and styles, pictures from anywhere,
     * no plugins, no frames, forms only to the site itself. A page that somehow carried injected markup still
     * could not run it.
     */
    public static final String STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; media-src 'self' https:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'";

    /** Extensions of the files a browser runs as part of the site when it opens them. */
    public static final Set<String> ACTIVE_EXTENSIONS = Set.of("html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml",
            "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs", "cjs", "swf");

    public Security {
        activeFiles = List.copyOf(activeFiles);
    }

    public static Security defaults(boolean trustRawHtml) {
        return new Security(trustRawHtml, List.of(), trustRawHtml ? null : STRICT_POLICY);
    }

    /** Whether a file with this name would run script on the site's origin if a reader opened it. */
    public static boolean active(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT).strip();
        while (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && ACTIVE_EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Whether the site publishes this active file: it trusts its editors, or names the file. */
    public boolean publishes(Path siteRelative) {
        if (trustRawHtml) return true;
        for (String glob : activeFiles) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(siteRelative)) return true;
        }
        return false;
    }
}
