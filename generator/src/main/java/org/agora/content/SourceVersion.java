package org.agora.content;

import org.agora.files.Digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One version of a document's text as a translator reads it: its title, summary and the paragraphs of its body,
 * each with its white space collapsed. A translation pins the version it translates by {@link #pin()}, so a
 * source whose text is re-wrapped, re-indented or given trailing spaces keeps the same pin, while any change of
 * words gives a new one.
 * @param paragraphs title, summary, then the body's blocks (split at blank lines), white space collapsed
 */
public record SourceVersion(String hash, List<String> paragraphs) {

    /** Characters of the SHA-256 written in front matter: 48 bits, no clash among the versions of one source. */
    public static final int PIN_LENGTH = 12;
    /** Shorter pins are refused: they could match the wrong version. */
    public static final int MIN_PIN_LENGTH = 8;

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern PIN = Pattern.compile("[0-9a-fA-F]{" + MIN_PIN_LENGTH + ",64}");

    public SourceVersion { paragraphs = List.copyOf(paragraphs); }

    public static SourceVersion of(ParsedDocument document) {
        FrontMatter fm = document.frontMatter();
        return of(fm.title(), fm.summary(), document.body());
    }

    public static SourceVersion of(String title, String summary, String body) {
        List<String> paragraphs = new ArrayList<>();
        add(paragraphs, title);
        add(paragraphs, summary);
        for (String block : BLANK_LINE.split(Body.normalized(body == null ? "" : body))) add(paragraphs, block);
        Digest digest = Digest.start();
        for (String p : paragraphs) digest.add(p);
        return new SourceVersion(digest.hex(), paragraphs);
    }

    private static void add(List<String> paragraphs, String text) {
        if (text == null) return;
        String collapsed = SPACE.matcher(text).replaceAll(" ").strip();
        if (!collapsed.isEmpty()) paragraphs.add(collapsed);
    }

    /** What {@code translation: { source: … }} records. */
    public String pin() { return hash.substring(0, PIN_LENGTH); }

    /** Whether a translation pinned to {@code pin} translates this version. */
    public boolean matches(String pin) {
        return pin != null && isPin(pin) && hash.startsWith(pin.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code text} has the form of a pin (hexadecimal, {@value #MIN_PIN_LENGTH} to 64 characters). */
    public static boolean isPin(String text) { return text != null && PIN.matcher(text).matches(); }
}
