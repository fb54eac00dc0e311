package org.agora.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a word joined by dots, underscores, colons or case changes ({@code ScaleType.ShrinkToFit},
 * {@code drawing.dxf}, {@code snake_case}, {@code XMLHttpRequest}), which Lucene's StandardTokenizer keeps as
 * one token. The index holds the word and its parts at the same position, so a reader's {@code scaletype} or
 * {@code shrink} finds the word while the whole word still matches itself and phrases keep their positions
 * (unlike WordDelimiterGraphFilter, whose parts take positions of their own).
 *
 * <p>The rule is plain enough for analysis.js to repeat it exactly: a word is cut at {@code . _ :}; a segment
 * of such a word is a part; a segment (or an undivided word) is cut again where an ASCII lower-case letter is
 * followed by an upper-case one and before the last capital of a run of capitals followed by a lower-case
 * letter. Parts shorter than two characters, parts equal to the word or to an earlier part are left out, and a
 * word gives {@value #MAX_PARTS} parts at most.
 */
public final class WordParts {

    public static final int MAX_PARTS = 16;

    private WordParts() {}

    /** A part: characters {@code start} (inclusive) to {@code end} of the word. */
    public record Part(int start, int end) {}

    public static List<Part> of(CharSequence word) {
        int n = word.length();
        List<Part> parts = new ArrayList<>();
        if (n < 3 || !hasBoundary(word)) return parts;
        List<Part> segments = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || isDelimiter(word.charAt(i))) {
                if (i > from) segments.add(new Part(from, i));
                from = i + 1;
            }
        }
        boolean divided = segments.size() > 1 || (segments.size() == 1 && segments.getFirst().end() - segments.getFirst().start() < n);
        for (Part segment : segments) {
            if (divided) add(word, segment, parts);
            List<Part> pieces = caseParts(word, segment);
            if (pieces.size() > 1) for (Part p : pieces) add(word, p, parts);
        }
        return parts;
    }

    private static boolean hasBoundary(CharSequence w) {
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (isDelimiter(c) || (isUpper(c) && isLower(w.charAt(i - 1)))
                    || (i + 1 < w.length() && isUpper(w.charAt(i - 1)) && isUpper(c) && isLower(w.charAt(i + 1)))) {
                return true;
            }
        }
        return isDelimiter(w.charAt(0));
    }

    private static List<Part> caseParts(CharSequence w, Part segment) {
        List<Part> pieces = new ArrayList<>();
        int start = segment.start();
        for (int i = segment.start() + 1; i < segment.end(); i++) {
            char prev = w.charAt(i - 1);
            char c = w.charAt(i);
            boolean cut = (isLower(prev) && isUpper(c))
                    || (isUpper(prev) && isUpper(c) && i + 1 < segment.end() && isLower(w.charAt(i + 1)));
            if (cut) {
                pieces.add(new Part(start, i));
                start = i;
            }
        }
        pieces.add(new Part(start, segment.end()));
        return pieces;
    }

    private static void add(CharSequence w, Part p, List<Part> parts) {
        int length = p.end() - p.start();
        if (length < 2 || length == w.length() || parts.size() >= MAX_PARTS) return;
        for (Part q : parts) {
            if (q.end() - q.start() == length && same(w, p, q)) return;
        }
        parts.add(p);
    }

    private static boolean same(CharSequence w, Part a, Part b) {
        for (int i = 0; i < a.end() - a.start(); i++) {
            if (w.charAt(a.start() + i) != w.charAt(b.start() + i)) return false;
        }
        return true;
    }

    static boolean isDelimiter(char c) { return c == '.' || c == '_' || c == ':'; }

    private static boolean isUpper(char c) { return c >= 'A' && c <= 'Z'; }

    private static boolean isLower(char c) { return c >= 'a' && c <= 'z'; }
}
