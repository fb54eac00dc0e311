package org.agora.publish;

import org.agora.files.TextEscaper;

import java.util.Map;

/** Text for XML files written by hand: escaped, and without the characters XML 1.0 cannot hold at all. */
final class Xml {

    private Xml() {}

    /** The markup characters as entities; a control character or a lone surrogate, which XML 1.0 cannot hold, dropped. */
    private static final TextEscaper TEXT = new TextEscaper(Map.of('&', "&amp;", '<', "&lt;", '>', "&gt;", '"', "&quot;"),
            Xml::allowed, "");

    /** Escapes text for element content and double-quoted attributes. */
    static String escape(String s) { return TEXT.escape(s); }

    /** XML 1.0's Char production. */
    private static boolean allowed(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || cp >= 0x10000;
    }
}
