package org.agora.diag;

import java.nio.file.Path;

/**
 * One problem found in the site's input: where, what, and how to fix it (hint may be empty).
 * @param code a stable machine name of the kind of problem ("link.missing-target"), for CI tools and editors;
 *             {@link #UNCLASSIFIED} where no stage has named it yet
 */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint, String code) {

    /** The code of problems no stage has named yet; their message still says what is wrong. */
    public static final String UNCLASSIFIED = "unclassified";

    public Diagnostic {
        hint = hint == null ? "" : hint;
        code = code == null || code.isEmpty() ? UNCLASSIFIED : code;
    }

    public Diagnostic(Severity severity, SourcePosition position, String message, String hint) {
        this(severity, position, message, hint, UNCLASSIFIED);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /**
     * {@code content/fr/guide.md:12:3: error: message (hint)}. Control and direction characters from file
     * names or content are shown as escapes, so that one problem stays one line and reads as it is.
     */
    public String format(Path base) {
        String text = visible(position.describe(base)) + ": " + severity.label() + ": " + visible(shortened(message));
        return hint.isEmpty() ? text : text + "\n    hint: " + hint;
    }

    /** A message quoting a value of thousands of characters keeps its start and its end. */
    static String shortened(String message) {
        if (message.length() <= 600) return message;
        int head = Character.isHighSurrogate(message.charAt(399)) ? 399 : 400;
        int tail = message.length() - 150;
        if (Character.isLowSurrogate(message.charAt(tail))) tail++;
        return message.substring(0, head) + " … " + message.substring(tail);
    }

    static String visible(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hidden = c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200e || c == 0x200f || c == 0x061c;
            if (hidden && out == null) out = new StringBuilder(s.substring(0, i));
            if (out != null) {
                if (!hidden) out.append(c);
                else if (c == '\n') out.append("\\n");
                else if (c == '\t') out.append("\\t");
                else out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }
}
