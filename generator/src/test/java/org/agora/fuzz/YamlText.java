package org.agora.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/** YAML scalars written so that any text, hostile or not, reads back as exactly that text. */
final class YamlText {

    private YamlText() {}

    /** A double-quoted scalar: the one YAML style that can hold every character, through escapes. */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0 -> out.append("\\0");
                default -> {
                    if (printable(c)) out.appendCodePoint(c);
                    else if (c <= 0xFF) out.append(String.format("\\x%02X", c));
                    else if (c <= 0xFFFF) out.append(String.format("\\u%04X", c));
                    else out.append(String.format("\\U%08X", c));
                }
            }
        });
        return out.append('"').toString();
    }

    static String list(List<String> items) {
        return items.stream().map(YamlText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * YAML's printable set, without its line breaks (NEL, U+2028, U+2029) that would fold the scalar and the BOM;
     * anything else must be escaped, or the parser refuses the whole document.
     */
    private static boolean printable(int c) {
        if (c == 0x2028 || c == 0x2029 || c == 0xFEFF) return false;
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
