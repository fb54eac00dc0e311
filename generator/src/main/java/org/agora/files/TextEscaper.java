package org.agora.files;

import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Escapes text for a file format written by hand (XML, iCalendar, BibTeX), code point by code point: a code
 * point the table names becomes its replacement, one the format can hold stays as it is, any other becomes
 * {@code otherwise}. A valid surrogate pair is one code point; a lone surrogate is a code point of its own.
 *
 * @param table replacements of characters the format gives a meaning to
 * @param holds the code points the format can hold as they are
 * @param otherwise what stands for a code point it cannot hold ("" drops it)
 */
public record TextEscaper(Map<Character, String> table, IntPredicate holds, String otherwise) {

    public TextEscaper {
        table = Map.copyOf(table);
    }

    public String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            String replacement = Character.isBmpCodePoint(cp) ? table.get((char) cp) : null;
            if (replacement != null) out.append(replacement);
            else if (holds.test(cp)) out.appendCodePoint(cp);
            else out.append(otherwise);
        });
        return out.toString();
    }
}
