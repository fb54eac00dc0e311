package org.agora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A _headers file read as Netlify and Cloudflare Pages document it: a line starting with '/' is a path
 * pattern ('*' matches anything, including '/'), the indented "Name: value" lines under it are its headers,
 * '#' starts a comment. Every matching rule applies, in order. A strict reader: a line it cannot place fails.
 */
public final class HeaderRules {

    private record Rule(Pattern path, Map<String, String> headers) {}

    private final List<Rule> rules;

    private HeaderRules(List<Rule> rules) { this.rules = rules; }

    public static HeaderRules read(Path file) {
        List<Rule> rules = new ArrayList<>();
        try {
            Rule current = null;
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.strip().startsWith("#")) continue;
                if (line.startsWith("/")) {
                    current = new Rule(Pattern.compile(Pattern.quote(line.strip()).replace("*", "\\E.*\\Q")), new LinkedHashMap<>());
                    rules.add(current);
                } else if (Character.isWhitespace(line.charAt(0)) && current != null && line.contains(":")) {
                    int colon = line.indexOf(':');
                    current.headers().put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                } else {
                    throw new IllegalArgumentException("not a _headers line: '" + line + "' in " + file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HeaderRules(List.copyOf(rules));
    }

    /** The headers for a request path ("/en/x/"). */
    public Map<String, String> forPath(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : rules) if (r.path().matcher(path).matches()) out.putAll(r.headers());
        return out;
    }
}
