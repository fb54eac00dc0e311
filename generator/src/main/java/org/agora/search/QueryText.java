package org.agora.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, split into words and "quoted phrases", each possibly -excluded. The browser
 * runtime splits a query with the same rules (agora-search.js, parseQuery), character for character.
 */
public record QueryText(List<Part> parts) {

    /** @param phrase true for a "quoted phrase"; @param excluded true when written with a leading '-' */
    public record Part(String text, boolean phrase, boolean excluded) {}

    public QueryText {
        parts = List.copyOf(parts);
    }

    /** Words and phrases read from a query; the rest of a pasted passage is ignored (Lucene limits clauses). */
    public static final int MAX_PARTS = 32;

    public static QueryText parse(String query) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n && parts.size() < MAX_PARTS) {
            while (i < n && isSpace(query.charAt(i))) i++;
            if (i >= n) break;
            boolean excluded = false;
            if (query.charAt(i) == '-' && i + 1 < n && !isSpace(query.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            if (query.charAt(i) == '"') {
                int close = query.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                String text = query.substring(i + 1, end);
                if (!text.chars().allMatch(c -> isSpace((char) c))) parts.add(new Part(text, true, excluded));
                i = close < 0 ? n : close + 1;
            } else {
                int start = i;
                while (i < n && !isSpace(query.charAt(i)) && query.charAt(i) != '"') i++;
                parts.add(new Part(query.substring(start, i), false, excluded));
            }
        }
        return new QueryText(parts);
    }

    /** JavaScript's \s, so that both sides split alike. */
    static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                 '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** The query written back from its parts, with some words replaced: a "did you mean" suggestion. */
    public String write(java.util.Map<Integer, String> replacements) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (!sb.isEmpty()) sb.append(' ');
            if (p.excluded()) sb.append('-');
            String text = replacements.getOrDefault(i, p.text());
            sb.append(p.phrase() ? "\"" + text + "\"" : text);
        }
        return sb.toString();
    }
}
