package org.agora.markdown.shortcodes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown body whose shortcodes were replaced by tokens, to be put back as HTML once the Markdown was
 * rendered and sanitised. A shortcode alone on its line becomes a block (an HTML comment, which ends on its
 * own line); one inside a line stays inline, in a link's destination too. The Markdown between the tags of a
 * paired shortcode stays in the document, unless its handler takes the body as text: then the whole span is
 * one token. The tags of an unknown paired shortcode vanish and its body reads as the rest of the document;
 * an unknown shortcode on its own is shown as written.
 * <p>A token carries a random key drawn for each document, so text an editor types (the private-use
 * characters included) can never pass for one: only the tokens made here are ever replaced.
 */
public final class ProtectedBody {

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    private static final Pattern TOKEN = Pattern.compile("(?:<!--)?" + OPEN + "([0-9a-f]{16}):(\\d{1,9})" + CLOSE + "(?:-->)?");
    private static final Pattern BLOCK_TOKEN = Pattern.compile("<!--(" + OPEN + "[0-9a-f]{16}:\\d{1,9}" + CLOSE + ")-->");

    /** A shortcode no handler knows: reported once per document, at its first use. */
    /** @param paired whether it was written around a body (whose Markdown is then shown without its tags) */
    public record Unknown(String name, int line, int uses, boolean paired) {}

    /** Something else about the shortcodes of this body worth a warning. */
    public record Notice(int line, String message, String hint) {}

    /** A call to render: its handler, or null to show its source; an escaped tag's text, else null. */
    private record Entry(Call call, ShortcodeHandler handler, String literal) {}

    /** What a token stands for: an entry's opening output or its closing one. */
    private record Piece(int entry, boolean closing) {}

    private final String key;
    private final StringBuilder out;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Piece> pieces = new ArrayList<>();
    private final Map<String, int[]> unknown = new LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();
    /** Protected line after which source lines run ahead, and by how much from then on. */
    private final TreeMap<Integer, Integer> shifts = new TreeMap<>();
    private int outLine = 1;
    private int shift;
    private String text;

    private ProtectedBody(String key, int capacity) {
        this.key = key;
        this.out = new StringBuilder(capacity);
    }

    public static ProtectedBody of(String body, ShortcodeRegistry registry) {
        ProtectedBody p = new ProtectedBody(String.format("%016x", ThreadLocalRandom.current().nextLong()), body.length() + 64);
        List<ShortcodeSyntax.Tag> tags = ShortcodeSyntax.scan(body);
        if (tags.isEmpty()) {
            p.text = body;
            return p;
        }
        p.protect(body, tags, registry::find);
        p.text = p.out.toString();
        return p;
    }

    private void protect(String body, List<ShortcodeSyntax.Tag> tags, Function<String, Optional<ShortcodeHandler>> handlers) {
        int[] partner = pair(tags);
        int[] entryOf = new int[tags.size()];
        int cursor = 0;
        for (int t = 0; t < tags.size(); t++) {
            ShortcodeSyntax.Tag tag = tags.get(t);
            int end = tag.end();
            String replacement;
            if (tag.literal() != null) {
                replacement = token(add(new Entry(null, null, tag.literal()), false), false);
            } else if (tag.closing()) {
                int opener = partner[t];
                if (opener < 0) {
                    Call stray = call(body, tag, null, false);
                    if (handlers.apply(tag.name()).isEmpty()) noteUnknown(tag, false);
                    else notices.add(new Notice(tag.line(), "closing shortcode {{< /" + tag.name() + " >}} has no opening one",
                            "remove it, or add the opening shortcode before it"));
                    replacement = token(add(new Entry(stray, null, null), false), alone(body, tag.start(), end));
                } else {
                    replacement = entryOf[opener] < 0 ? "" : token(pieceOf(entryOf[opener], true), alone(body, tag.start(), end));
                }
            } else {
                Optional<ShortcodeHandler> handler = handlers.apply(tag.name());
                boolean paired = !tag.selfClosing() && partner[t] >= 0;
                if (handler.isEmpty()) {
                    noteUnknown(tag, paired);
                    entryOf[t] = -1;
                    replacement = paired ? "" : token(add(new Entry(call(body, tag, null, false), null, null), false),
                            alone(body, tag.start(), end));
                } else if (paired && handler.get().takesBodyAsText(tag.form())) {
                    ShortcodeSyntax.Tag closer = tags.get(partner[t]);
                    if (partner[t] > t + 1) {
                        notices.add(new Notice(tag.line(), "shortcodes inside the body of " + tag.name() + " are shown as written",
                                "write {{% " + tag.name() + " %}} … {{% /" + tag.name() + " %}} so that its body is Markdown, shortcodes included"));
                    }
                    Call call = call(body, tag, body.substring(tag.end(), closer.start()), true);
                    end = closer.end();
                    replacement = token(add(new Entry(call, handler.get(), null), false), alone(body, tag.start(), end));
                    t = partner[t];
                } else {
                    entryOf[t] = entries.size();
                    replacement = token(add(new Entry(call(body, tag, null, paired), handler.get(), null), false),
                            alone(body, tag.start(), end));
                }
            }
            append(body, cursor, tag.start());
            out.append(replacement);
            int dropped = newlines(body, tag.start(), end);
            if (dropped > 0) {
                shift += dropped;
                shifts.put(outLine, shift);
            }
            cursor = end;
        }
        append(body, cursor, body.length());
    }

    /** Each closing tag's opening one and back, or -1: a closing tag closes the innermost open tag of its name. */
    private static int[] pair(List<ShortcodeSyntax.Tag> tags) {
        int[] partner = new int[tags.size()];
        java.util.Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        Map<String, Integer> openByName = new HashMap<>();
        for (int t = 0; t < tags.size(); t++) {
            ShortcodeSyntax.Tag tag = tags.get(t);
            if (tag.literal() != null || tag.selfClosing()) continue;
            if (!tag.closing()) {
                open.push(t);
                openByName.merge(tag.name(), 1, Integer::sum);
            } else if (openByName.getOrDefault(tag.name(), 0) > 0) {
                while (true) {
                    int o = open.pop();
                    openByName.merge(tags.get(o).name(), -1, Integer::sum);
                    if (tags.get(o).name().equals(tag.name())) {
                        partner[o] = t;
                        partner[t] = o;
                        break;
                    }
                }
            }
        }
        return partner;
    }

    private static Call call(String body, ShortcodeSyntax.Tag tag, String inner, boolean paired) {
        return new Call(tag.name(), tag.form(), tag.positional(), tag.named(), tag.line(), body.substring(tag.start(), tag.end()),
                inner, paired);
    }

    private void noteUnknown(ShortcodeSyntax.Tag tag, boolean paired) {
        int[] seen = unknown.computeIfAbsent(tag.name(), n -> new int[] {tag.line(), 0, 0});
        if (!tag.closing()) seen[1]++;
        if (paired) seen[2] = 1;
    }

    /** Whether the span [start, end) is alone on its lines, so it can be a block of its own. */
    private static boolean alone(String body, int start, int end) {
        int lineStart = body.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = body.indexOf('\n', end);
        String before = body.substring(lineStart, start);
        return before.length() < 4 && before.isBlank() && body.substring(end, lineEnd < 0 ? body.length() : lineEnd).isBlank();
    }

    private int add(Entry e, boolean closing) {
        entries.add(e);
        return pieceOf(entries.size() - 1, closing);
    }

    private int pieceOf(int entry, boolean closing) {
        pieces.add(new Piece(entry, closing));
        return pieces.size() - 1;
    }

    private String token(int piece, boolean block) {
        String t = OPEN + key + ":" + piece + CLOSE;
        return block ? "<!--" + t + "-->" : t;
    }

    private void append(String body, int from, int to) {
        out.append(body, from, to);
        outLine += newlines(body, from, to);
    }

    private static int newlines(String s, int from, int to) {
        int n = 0;
        for (int i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
        return n;
    }

    /** The Markdown to render. */
    public String text() { return text; }

    public String key() { return key; }

    /** The body's line (1-based) of a line of {@link #text()}: a shortcode over several lines became one token. */
    public int sourceLine(int line) {
        Map.Entry<Integer, Integer> e = shifts.lowerEntry(line);
        return e == null ? line : line + e.getValue();
    }

    public List<Unknown> unknown() {
        List<Unknown> list = new ArrayList<>();
        unknown.forEach((name, seen) -> list.add(new Unknown(name, seen[0], seen[1], seen[2] == 1)));
        return list;
    }

    public List<Notice> notices() { return List.copyOf(notices); }

    public boolean isEmpty() { return entries.isEmpty(); }

    /** What each call gives, in order: {@code contexts} gives a call its context. */
    public Output[] render(Function<Call, Context> contexts) {
        Output[] outputs = new Output[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            outputs[i] = e.literal() != null ? Output.text(e.literal())
                    : e.handler() == null ? Output.source(e.call())
                    : e.handler().render(e.call(), contexts.apply(e.call()));
        }
        return outputs;
    }

    /** The HTML a token of this body stands for, once the calls were rendered. */
    private String htmlOf(int piece, Output[] outputs) {
        Piece p = pieces.get(piece);
        Output o = outputs[p.entry()];
        return p.closing() ? o.closing() : o.html();
    }

    /**
     * Replaces each token of this body in rendered HTML by what it stands for; anything else that looks like a
     * token (typed by an editor) stays as it is.
     */
    public String replaceTokens(String html, Output[] outputs) {
        return replace(html, TOKEN, piece -> htmlOf(piece, outputs));
    }

    /** Block tokens are HTML comments, which the HTML cleaner drops: made plain text before it runs. */
    public String uncomment(String html) {
        if (html.indexOf(OPEN) < 0) return html;
        Matcher m = BLOCK_TOKEN.matcher(html);
        StringBuilder result = new StringBuilder(html.length());
        while (m.find()) {
            boolean ours = m.group(1).substring(1, 17).equals(key);
            m.appendReplacement(result, Matcher.quoteReplacement(ours ? m.group(1) : m.group()));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** Whether a text holds a token of this body (attribute values must not: a template's HTML would break out). */
    public boolean holdsToken(String text) {
        if (text.indexOf(OPEN) < 0) return false;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) if (ours(m) >= 0) return true;
        return false;
    }

    /**
     * An attribute's value with this body's tokens replaced by the addresses they stand for (a ref in a raw
     * {@code <a href>}), or removed when they stand for HTML, which an attribute cannot hold.
     */
    public String inAttribute(String text, Output[] outputs) {
        return replace(text, TOKEN, piece -> {
            Piece p = pieces.get(piece);
            Output o = outputs[p.entry()];
            return !p.closing() && o.link() != null ? o.link().href() : "";
        });
    }

    /** Whether every token of this body in the text stands for an address. */
    public boolean onlyAddresses(String text, Output[] outputs) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int piece = ours(m);
            if (piece < 0) continue;
            Piece p = pieces.get(piece);
            if (p.closing() || outputs[p.entry()].link() == null) return false;
        }
        return true;
    }

    /** The text without this body's tokens. */
    public String stripTokens(String text) { return replace(text, TOKEN, piece -> ""); }

    /**
     * For a Markdown link's destination that is a token of this body standing for an address, possibly with a
     * "#fragment" written after it: the output and the rest of the destination.
     */
    public Optional<Map.Entry<Output, String>> address(String destination, Output[] outputs) {
        if (destination.isEmpty() || destination.charAt(0) != OPEN) return Optional.empty();
        Matcher m = TOKEN.matcher(destination);
        if (!m.lookingAt() || m.start() != 0) return Optional.empty();
        int piece = ours(m);
        if (piece < 0) return Optional.empty();
        Piece p = pieces.get(piece);
        Output o = outputs[p.entry()];
        if (p.closing() || o.link() == null) return Optional.empty();
        return Optional.of(Map.entry(o, destination.substring(m.end())));
    }

    private String replace(String html, Pattern pattern, IntFunction<String> with) {
        if (html.indexOf(OPEN) < 0) return html;
        Matcher m = pattern.matcher(html);
        StringBuilder result = new StringBuilder(html.length() + 256);
        while (m.find()) {
            int piece = ours(m);
            m.appendReplacement(result, Matcher.quoteReplacement(piece < 0 ? m.group() : with.apply(piece)));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** The piece of a token of this body, or -1 for text that only looks like one. */
    private int ours(Matcher m) {
        if (!m.group(1).equals(key)) return -1;
        int piece = Integer.parseInt(m.group(2));
        return piece < pieces.size() ? piece : -1;
    }
}
