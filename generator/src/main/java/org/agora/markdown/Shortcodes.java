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
        boolean previousBlank = true;
        boolean inIndentedCode = false;
        for (String line : body.split("\n", -1)) {
            lineNo++;
            if (lineNo > 1) out.append('\n');
            String trimmed = line.stripLeading();
            boolean blank = trimmed.isEmpty();
            // An indented code block starts after a blank line and lasts while lines stay indented (or blank).
            boolean indented = line.startsWith("    ") || line.startsWith("\t");
            inIndentedCode = fence == null && indented && (previousBlank || inIndentedCode) || (inIndentedCode && blank);
            previousBlank = blank;
            if (inIndentedCode) {
                out.append(line);
                continue;
            }
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
            List<int[]> codeSpans = codeSpans(line);
            int last = 0;
            while (m.find()) {
                int start = m.start();
                if (codeSpans.stream().anyMatch(r -> start >= r[0] && start < r[1])) continue; // shown as code already
                found.add(new Found(m.group(2), lineNo, m.group()));
                out.append(line, last, m.start()).append(codeSpan(m.group()));
                last = m.end();
            }
            out.append(line, last, line.length());
        }
        return new Result(out.toString(), found);
    }

    /** [start, end) of each code span on a line: a run of backticks closed by a run of the same length. */
    static List<int[]> codeSpans(String line) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < line.length() && line.charAt(runEnd) == '`') runEnd++;
            int length = runEnd - i;
            int close = runEnd;
            int found = -1;
            while (close < line.length()) {
                if (line.charAt(close) == '`') {
                    int e = close;
                    while (e < line.length() && line.charAt(e) == '`') e++;
                    if (e - close == length) {
                        found = e;
                        break;
                    }
                    close = e;
                } else {
                    close++;
                }
            }
            if (found < 0) {
                i = runEnd;
            } else {
                spans.add(new int[] {i, found});
                i = found;
            }
        }
        return spans;
    }

    private static String codeSpan(String text) {
        String ticks = text.contains("`") ? "``" : "`";
        return ticks + " " + text + " " + ticks;
    }
}
