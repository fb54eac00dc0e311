package org.agora.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Hugo-style shortcodes ({@code {{< name ... >}}}, {@code {{% name %}}}) that no template defines
 * and makes them visible as their source text (a code span) instead of letting Markdown eat them.
 */
public final class Shortcodes {

    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*/?\\s*([A-Za-z0-9_.-]+)(?:[^}]|\\}(?!\\}))*?[>%]\\}\\}");

    /** @param line 1-based line within the body */
    public record Found(String name, int line, String source) {}

    public record Result(String body, List<Found> found) {}

    public Result protect(String body) {
        if (!body.contains("{{")) return new Result(body, List.of());
        List<Found> found = new ArrayList<>();
        StringBuilder out = new StringBuilder(body.length() + 64);
        String fence = null;
        int lineNo = 0;
        for (String line : body.split("\n", -1)) {
            lineNo++;
            if (lineNo > 1) out.append('\n');
            String trimmed = line.stripLeading();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
            } else if (fence != null && trimmed.startsWith(fence)) {
                fence = null;
                out.append(line);
                continue;
            }
            if (fence != null || !line.contains("{{")) {
                out.append(line);
                continue;
            }
            Matcher m = SHORTCODE.matcher(line);
            int last = 0;
            while (m.find()) {
                String before = line.substring(0, m.start());
                if (before.chars().filter(c -> c == '`').count() % 2 == 1) continue; // already inside a code span
                found.add(new Found(m.group(2), lineNo, m.group()));
                out.append(line, last, m.start()).append(codeSpan(m.group()));
                last = m.end();
            }
            out.append(line, last, line.length());
        }
        return new Result(out.toString(), found);
    }

    private static String codeSpan(String text) {
        String ticks = text.contains("`") ? "``" : "`";
        return ticks + " " + text + " " + ticks;
    }
}
