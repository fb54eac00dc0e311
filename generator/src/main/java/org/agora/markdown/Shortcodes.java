package org.agora.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo-style shortcodes in a Markdown body ({@code {{< name args >}}}, {@code {{% name %}}…{{% /name %}}}).
 * Each one the theme defines becomes a token that survives Markdown and HTML cleaning and is replaced by the
 * template's HTML afterwards; a shortcode alone on its line becomes a block (an HTML comment, which ends on
 * its own line), so the Markdown between an opening and a closing shortcode stays Markdown and keeps its
 * line numbers. {@code ref} and {@code relref} become the link destination itself, so that the link
 * resolution and the link check treat them as any Markdown link. Shortcodes no template defines are shown
 * as their source text (a code span) and reported.
 * <p>A token carries a random key drawn for each document, so text an editor types (the private-use
 * characters included) can never pass for one: only the tokens made here are ever replaced.
 */
public final class Shortcodes {

    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*/?\\s*([A-Za-z0-9_.-]+)(?:[^}]|\\}(?!\\}))*?[>%]\\}\\}");
    // Hugo's way to write a shortcode as text: "{{</* name */>}}" shows "{{< name >}}".
    private static final Pattern ESCAPED = Pattern.compile("\\{\\{([<%])/\\*(.*?)\\*/([>%])\\}\\}");
    private static final Pattern ARG = Pattern.compile(
            "\\s*(?:([A-Za-z0-9_-]+)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|([^\\s\"`]+))");
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    private static final Pattern TOKEN = Pattern.compile("(?:<!--)?" + OPEN + "([0-9a-f]{16}):(\\d{1,9})" + CLOSE + "(?:-->)?");
    private static final Pattern BLOCK_TOKEN = Pattern.compile("<!--(" + OPEN + "[0-9a-f]{16}:\\d{1,9}" + CLOSE + ")-->");

    /** @param line 1-based line within the body */
    public record Found(String name, int line, String source) {}

    /**
     * A defined shortcode to render.
     * @param opens for a closing shortcode, the index of its opening one; else -1
     * @param paired an opening shortcode that has a closing one: the template's output wraps what lies between
     * @param literal text to show as is (an escaped shortcode), else null
     */
    public record Call(String name, List<String> positional, Map<String, String> named, int line, String source,
                       int opens, boolean paired, String literal) {
        public String arg(String key, int position) {
            String v = named.get(key);
            if (v == null && position >= 0 && position < positional.size()) v = positional.get(position);
            return v;
        }
    }

    /**
     * @param found shortcodes no template defines, to report
     * @param key the random part of this body's tokens
     */
    public record Result(String body, List<Found> found, List<Call> calls, String key) {}

    public Result protect(String body) { return protect(body, name -> false, (path, line) -> path); }

    private static String newKey() {
        return String.format("%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }

    /**
     * @param defined names the theme has a template for
     * @param refDestination (content path written in a ref, line) to the Markdown link destination to use
     */
    public Result protect(String body, Predicate<String> defined, BiFunction<String, Integer, String> refDestination) {
        String key = newKey();
        if (!body.contains("{{")) return new Result(body, List.of(), List.of(), key);
        List<Found> found = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        StringBuilder out = new StringBuilder(body.length() + 64);
        String fence = null;
        int lineNo = 0;
        boolean previousBlank = true;
        boolean inIndentedCode = false;
        String[] lines = body.split("\n", -1);
        Closers closers = new Closers(lines);
        for (String line : lines) {
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
            List<int[]> codeSpans = codeSpans(line);
            List<int[]> matches = shortcodesOn(line);
            int last = 0;
            int span = 0;
            for (int[] r : matches) {
                int start = r[0];
                while (span < codeSpans.size() && codeSpans.get(span)[1] <= start) span++;
                if (span < codeSpans.size() && codeSpans.get(span)[0] <= start) continue; // shown as code already
                String source = line.substring(r[0], r[1]);
                String replacement;
                boolean alone = matches.size() == 1 && r[0] < 4 && line.substring(0, r[0]).isBlank()
                        && line.substring(r[1]).isBlank();
                if (r[2] == 1) {
                    Matcher x = ESCAPED.matcher(source);
                    x.matches();
                    String literal = "{{" + x.group(1) + x.group(2) + x.group(3) + "}}";
                    calls.add(new Call("", List.of(), Map.of(), lineNo, source, -1, false, literal));
                    replacement = token(key, calls.size() - 1, false);
                } else {
                    replacement = shortcode(source, lineNo, r[1], alone, closers, defined, refDestination, found, calls, open, key);
                }
                out.append(line, last, r[0]).append(replacement);
                last = r[1];
            }
            out.append(line, last, line.length());
        }
        return new Result(out.toString(), found, calls, key);
    }

    private String shortcode(String source, int lineNo, int end, boolean alone, Closers closers, Predicate<String> defined,
                             BiFunction<String, Integer, String> refDestination, List<Found> found, List<Call> calls,
                             Deque<Integer> open, String key) {
        String inside = source.substring(3, source.length() - 3).strip();
        boolean closing = inside.startsWith("/");
        if (closing) inside = inside.substring(1).strip();
        int nameEnd = 0;
        while (nameEnd < inside.length() && !Character.isWhitespace(inside.charAt(nameEnd))) nameEnd++;
        String name = inside.substring(0, nameEnd);
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new TreeMap<>();
        Matcher a = ARG.matcher(inside.substring(nameEnd));
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2).replaceAll("\\\\(.)", "$1")
                    : a.group(3) != null ? a.group(3) : a.group(4);
            if (a.group(1) != null) named.put(a.group(1), value);
            else positional.add(value);
        }
        if (!closing && (name.equals("ref") || name.equals("relref"))) {
            String path = named.containsKey("path") ? named.get("path") : positional.isEmpty() ? "" : positional.get(0);
            return refDestination.apply(path, lineNo);
        }
        if (!defined.test(name)) {
            found.add(new Found(name, lineNo, source));
            return codeSpan(source);
        }
        if (closing) {
            Integer opener = null;
            for (Integer i : open) {
                if (calls.get(i).name().equals(name)) {
                    opener = i;
                    break;
                }
            }
            if (opener == null) {
                found.add(new Found(name, lineNo, source));
                return codeSpan(source);
            }
            while (!open.isEmpty() && !open.pop().equals(opener)) { /* unclosed ones inside end here */ }
            calls.add(new Call(name, List.of(), Map.of(), lineNo, source, opener, false, null));
        } else {
            boolean paired = closers.after(name, lineNo - 1, end);
            calls.add(new Call(name, List.copyOf(positional), named, lineNo, source, -1, paired, null));
            if (paired) open.push(calls.size() - 1);
        }
        return token(key, calls.size() - 1, alone);
    }

    /**
     * Where each shortcode's closing tags are, found in one pass over the body: asking, for every opening
     * shortcode, whether its closing one follows must not read the rest of the body again each time (20,000
     * opening shortcodes would make that 200 million line reads).
     */
    private static final class Closers {
        private static final Pattern CLOSING = Pattern.compile("\\{\\{[<%]\\s*/\\s*([A-Za-z0-9_.-]+)\\s*[>%]\\}\\}");
        /** Per name, the last closing tag: line in the high half, column in the low half. */
        private final Map<String, Long> last = new java.util.HashMap<>();

        Closers(String[] lines) {
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].contains("{{")) continue;
                Matcher m = CLOSING.matcher(lines[i]);
                while (m.find()) last.put(m.group(1), ((long) i << 32) | m.start());
            }
        }

        /** Whether a closing tag of {@code name} comes after column {@code column} of line {@code line} (0-based). */
        boolean after(String name, int line, int column) {
            Long at = last.get(name);
            return at != null && at >= (((long) line << 32) | column);
        }
    }

    /**
     * The shortcodes on a line, in order, as [start, end, 1 if escaped else 0], found in time linear in the
     * line: a candidate is tried only up to the first "}}" after it, which is where a shortcode must end.
     * (A regular expression searching from each "{{<" to the end of a 200,000-character line without one
     * took minutes.)
     */
    static List<int[]> shortcodesOn(String line) {
        List<int[]> out = new ArrayList<>();
        Matcher escaped = ESCAPED.matcher(line);
        Matcher plain = SHORTCODE.matcher(line);
        int i = line.indexOf("{{");
        while (i >= 0 && i + 2 < line.length()) {
            char kind = line.charAt(i + 2);
            if (kind == '<' || kind == '%') {
                int end = line.startsWith("/*", i + 3) ? escapedEnd(line, i) : plainEnd(line, i, plain);
                if (end > 0) {
                    out.add(new int[] {i, end, line.startsWith("/*", i + 3) && escaped.region(i, end).matches() ? 1 : 0});
                    i = line.indexOf("{{", end);
                    continue;
                }
            }
            i = line.indexOf("{{", i + 1);
        }
        return out;
    }

    /** End of the escaped shortcode (Hugo's way to show one as text) starting at {@code i}, or -1. */
    private static int escapedEnd(String line, int i) {
        for (int star = line.indexOf("*/", i + 5); star >= 0; star = line.indexOf("*/", star + 1)) {
            if (line.startsWith(">}}", star + 2) || line.startsWith("%}}", star + 2)) return star + 5;
        }
        return -1;
    }

    /** End of the shortcode starting at {@code i}, or -1: it must end at the first "}}" after it. */
    private static int plainEnd(String line, int i, Matcher plain) {
        int close = line.indexOf("}}", i + 3);
        if (close < 0 || close - 1 <= i + 2) return -1;
        char before = line.charAt(close - 1);
        if (before != '>' && before != '%') return -1;
        return plain.region(i, close + 2).matches() ? close + 2 : -1;
    }

    static String token(String key, int index, boolean block) {
        String t = OPEN + key + ":" + index + CLOSE;
        return block ? "<!--" + t + "-->" : t;
    }

    /**
     * Replaces each token of this body in rendered HTML by what {@code htmlOf} gives for its call's index;
     * anything else that looks like a token (typed by an editor) stays as it is.
     */
    static String replaceTokens(String html, Result body, java.util.function.IntFunction<String> htmlOf) {
        if (html.indexOf(OPEN) < 0) return html;
        Matcher m = TOKEN.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (m.find()) {
            int index = ours(m, body);
            m.appendReplacement(out, Matcher.quoteReplacement(index < 0 ? m.group() : htmlOf.apply(index)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The call index of a token of this body, or -1 for text that only looks like one. */
    private static int ours(Matcher m, Result body) {
        if (!m.group(1).equals(body.key())) return -1;
        int index = Integer.parseInt(m.group(2));
        return index < body.calls().size() ? index : -1;
    }

    /** Block tokens are HTML comments, which the HTML cleaner drops: made plain text before it runs. */
    static String uncomment(String html, Result body) {
        if (html.indexOf(OPEN) < 0) return html;
        Matcher m = BLOCK_TOKEN.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            boolean ours = m.group(1).substring(1, 17).equals(body.key());
            m.appendReplacement(out, Matcher.quoteReplacement(ours ? m.group(1) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a text holds a token of this body (attribute values must not: a template's HTML would break out). */
    static boolean holdsToken(String text, Result body) {
        if (text.indexOf(OPEN) < 0) return false;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) if (ours(m, body) >= 0) return true;
        return false;
    }

    /** The text without this body's tokens. */
    static String stripTokens(String text, Result body) {
        if (text.indexOf(OPEN) < 0) return text;
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(ours(m, body) >= 0 ? "" : m.group()));
        m.appendTail(out);
        return out.toString();
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
