package org.agora.markdown.shortcodes;

import java.util.List;
import java.util.Map;

/**
 * One use of a shortcode in a document, as a handler receives it.
 * @param form how it was written: {@code {{% %}}} (its body is Markdown, part of the document) or {@code {{< >}}}
 * @param line 1-based line of the opening tag within the body
 * @param source the opening tag as written, for messages and for showing it as text
 * @param inner the body between the opening and closing tags as written, when the handler takes it as text
 *              ({@link ShortcodeHandler#takesBodyAsText}); else null (the body stays in the document)
 * @param paired whether a closing tag follows
 */
public record Call(String name, Form form, List<String> positional, Map<String, String> named, int line, String source,
                   String inner, boolean paired) {

    public enum Form {
        /** {@code {{% name %}}}: the body is Markdown, rendered with the rest of the document. */
        MARKDOWN,
        /** {@code {{< name >}}}: the body goes to the shortcode as written. */
        RAW
    }

    public Call {
        positional = List.copyOf(positional);
        named = Map.copyOf(named);
    }

    /** The named argument {@code key}, else the positional one at {@code position} (-1 for none), else null. */
    public String arg(String key, int position) {
        String v = named.get(key);
        if (v == null && position >= 0 && position < positional.size()) v = positional.get(position);
        return v;
    }

    /** The argument, or "" when it is missing. */
    public String argOrEmpty(String key, int position) {
        String v = arg(key, position);
        return v == null ? "" : v;
    }
}
