package org.agora.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Site paths ("/fr/guides/x/") checked so that no path an editor writes can leave the output folder. */
public final class SitePath {

    private SitePath() {}

    /**
     * Resolves "." and ".." segments of an absolute site path; empty when the path climbs above the
     * root, contains a backslash or a NUL, or is not absolute. A trailing slash is kept.
     */
    public static Optional<String> normalize(String path) {
        if (path.isEmpty() || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("://")) {
            return Optional.empty();
        }
        String p = path.startsWith("/") ? path : "/" + path;
        List<String> parts = new ArrayList<>();
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (parts.isEmpty()) return Optional.empty();
                parts.removeLast();
            } else {
                parts.add(seg);
            }
        }
        boolean trailing = p.endsWith("/") || p.endsWith("/.") || p.endsWith("/..");
        String joined = "/" + String.join("/", parts);
        if (trailing && !joined.endsWith("/")) joined += "/";
        return Optional.of(joined);
    }

    /** Resolves {@code relative} against the folder {@code dir} (both without leading slash). */
    public static Optional<String> resolve(String dir, String relative) {
        String base = relative.startsWith("/") ? "" : dir;
        return normalize("/" + base + "/" + relative).map(s -> s.substring(1));
    }
}
