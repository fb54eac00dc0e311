package org.agora.markdown.shortcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the shortcode tags of a Markdown body as Hugo writes them ({@code {{< name args >}}},
 * {@code {{% name %}}}, {@code {{< /name >}}}, {@code {{< name />}}}, and the escaped form that shows one as
 * text), outside code blocks and code spans. A tag may span lines (arguments one per line) but not a blank
 * line. Go template text ({@code {{ .Values.x }}}) is not a shortcode.
 * <p>Linear in the body: each candidate is tried only up to the first "}}" after it, and not past the next
 * "{{" (a regular expression searching from each "{{<" to the end of a 200,000-character line took minutes).
 */
final class ShortcodeSyntax {

    private static final Pattern SHORTCODE = Pattern.compile(
            "\\{\\{([<%])\\s*/?\\s*([A-Za-z0-9_.][A-Za-z0-9_./-]*)(?:[^}]|\\}(?!\\}))*?[>%]\\}\\}");
    // Hugo's way to write a shortcode as text: "{{</* name */>}}" shows "{{< name >}}".
    private static final Pattern ESCAPED = Pattern.compile("\\{\\{([<%])/\\*(.*?)\\*/([>%])\\}\\}", Pattern.DOTALL);
    private static final Pattern ARG = Pattern.compile(
            "\\s*(?:([A-Za-z0-9_-]+)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|([^\\s\"`]+))");
    /** Longest tag, in lines: past it, a "{{<" that is never closed is text. */
    private static final int MAX_TAG_LINES = 50;

    /**
     * A tag as written.
     * @param start offset of "{{" in the body
     * @param end offset just after "}}"
     * @param line 1-based line of its start
     * @param literal for an escaped tag, the text to show; else null
     */
    record Tag(String name, Call.Form form, boolean closing, boolean selfClosing, List<String> positional,
               Map<String, String> named, int start, int end, int line, String literal) {}

    private final String body;
    private final int[] lineStarts;
    private final boolean[] code;
    private int cachedClose = -1;
    private int spansLine = -1;
    private List<int[]> spans = List.of();

    private ShortcodeSyntax(String body) {
        this.body = body;
        String[] lines = body.split("\n", -1);
        lineStarts = new int[lines.length];
        code = new boolean[lines.length];
        int offset = 0;
        String fence = null;
        boolean previousBlank = true;
        boolean inIndentedCode = false;
        for (int i = 0; i < lines.length; i++) {
            lineStarts[i] = offset;
            offset += lines[i].length() + 1;
            String trimmed = lines[i].stripLeading();
            boolean blank = trimmed.isEmpty();
            // An indented code block starts after a blank line and lasts while lines stay indented (or blank).
            boolean indented = lines[i].startsWith("    ") || lines[i].startsWith("\t");
            inIndentedCode = fence == null && indented && (previousBlank || inIndentedCode) || (inIndentedCode && blank);
            previousBlank = blank;
            if (inIndentedCode) {
                code[i] = true;
            } else if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                code[i] = true;
            } else if (fence != null && trimmed.startsWith(fence)) {
                fence = null;
                code[i] = true;
            } else {
                code[i] = fence != null;
            }
        }
    }

    static List<Tag> scan(String body) {
        if (!body.contains("{{")) return List.of();
        return new ShortcodeSyntax(body).tags();
    }

    private List<Tag> tags() {
        List<Tag> tags = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = body.indexOf("{{", from);
            if (i < 0 || i + 2 >= body.length()) break;
            int line = lineOf(i);
            if (code[line]) {
                from = line + 1 < lineStarts.length ? lineStarts[line + 1] : body.length();
                continue;
            }
            int spanEnd = codeSpanAround(line, i);
            if (spanEnd > 0) {
                from = spanEnd;
                continue;
            }
            char kind = body.charAt(i + 2);
            if (kind != '<' && kind != '%') {
                from = i + 1;
                continue;
            }
            int close = nextClose(i + 3);
            if (close < 0) break;
            Tag tag = body.startsWith("/*", i + 3) ? escaped(i, close, line) : plain(i, close, line);
            if (tag == null) {
                int nextOpen = body.indexOf("{{", i + 2);
                from = nextOpen < 0 ? body.length() : nextOpen;
            } else {
                tags.add(tag);
                from = tag.end();
            }
        }
        return tags;
    }

    private Tag escaped(int i, int close, int line) {
        if (lineOf(close) != line) return null;
        Matcher m = ESCAPED.matcher(body).region(i, close + 2);
        if (!m.matches()) return null;
        String literal = "{{" + m.group(1) + m.group(2) + m.group(3) + "}}";
        return new Tag("", Call.Form.RAW, false, false, List.of(), Map.of(), i, close + 2, line + 1, literal);
    }

    private Tag plain(int i, int close, int line) {
        char before = body.charAt(close - 1);
        if (before != '>' && before != '%') return null;
        int nextOpen = body.indexOf("{{", i + 2);
        if (nextOpen >= 0 && nextOpen < close) return null;
        int endLine = lineOf(close);
        if (endLine != line && !continuesOnto(line, endLine)) return null;
        Matcher m = SHORTCODE.matcher(body).region(i, close + 2);
        if (!m.matches()) return null;
        String name = m.group(2);
        boolean closing = body.substring(i + 3, m.start(2)).contains("/");
        String rest = body.substring(m.end(2), close - 1).strip();
        boolean selfClosing = !closing && rest.endsWith("/");
        if (selfClosing) rest = rest.substring(0, rest.length() - 1);
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new TreeMap<>();
        Matcher a = ARG.matcher(rest);
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2).replaceAll("\\\\(.)", "$1")
                    : a.group(3) != null ? a.group(3) : a.group(4);
            if (a.group(1) != null) named.put(a.group(1), value);
            else positional.add(value);
        }
        Call.Form form = m.group(1).equals("%") ? Call.Form.MARKDOWN : Call.Form.RAW;
        return new Tag(name, form, closing, selfClosing, positional, named, i, close + 2, line + 1, null);
    }

    /** Whether a tag that starts on {@code line} may end on {@code endLine}: no blank line or code in between. */
    private boolean continuesOnto(int line, int endLine) {
        if (endLine - line > MAX_TAG_LINES) return false;
        for (int l = line + 1; l <= endLine; l++) {
            if (code[l] || body.substring(lineStarts[l], lineEnd(l)).isBlank()) return false;
        }
        return true;
    }

    /** The first "}}" at or after {@code from}; remembered, since candidates come in order. */
    private int nextClose(int from) {
        if (cachedClose < from && cachedClose != Integer.MAX_VALUE) {
            int c = body.indexOf("}}", from);
            cachedClose = c < 0 ? Integer.MAX_VALUE : c;
        }
        return cachedClose == Integer.MAX_VALUE ? -1 : cachedClose;
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private int lineEnd(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : body.length();
    }

    /** The end of the code span holding {@code offset} on its line, or -1. */
    private int codeSpanAround(int line, int offset) {
        if (line != spansLine) {
            spansLine = line;
            spans = codeSpans(body, lineStarts[line], lineEnd(line));
        }
        for (int[] s : spans) {
            if (s[0] <= offset && offset < s[1]) return s[1];
            if (s[0] > offset) break;
        }
        return -1;
    }

    /** [start, end) of each code span in [from, to): a run of backticks closed by a run of the same length. */
    static List<int[]> codeSpans(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        int i = text.indexOf('`', from);
        while (i >= 0 && i < to) {
            int runEnd = i;
            while (runEnd < to && text.charAt(runEnd) == '`') runEnd++;
            int length = runEnd - i;
            int found = -1;
            int close = text.indexOf('`', runEnd);
            while (close >= 0 && close < to) {
                int e = close;
                while (e < to && text.charAt(e) == '`') e++;
                if (e - close == length) {
                    found = e;
                    break;
                }
                close = text.indexOf('`', e);
            }
            if (found < 0) {
                i = text.indexOf('`', runEnd);
            } else {
                spans.add(new int[] {i, found});
                i = text.indexOf('`', found);
            }
        }
        return spans;
    }
}
