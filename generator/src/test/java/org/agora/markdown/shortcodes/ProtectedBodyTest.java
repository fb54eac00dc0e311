package org.agora.markdown.shortcodes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The shortcode syntax and the tokens that stand for it, with the registry's built-ins and no theme. */
class ProtectedBodyTest {

    private static final ShortcodeRegistry BUILT_IN = ShortcodeRegistry.standard(ShortcodeTheme.NONE);

    private static ProtectedBody of(String body) { return ProtectedBody.of(body, BUILT_IN); }

    private static String token(ProtectedBody p, int piece) { return ProtectedBody.OPEN + p.key() + ":" + piece + ProtectedBody.CLOSE; }

    @Test
    void namedPositionalQuotedAndRawArgumentsAndTheForm() {
        List<ShortcodeSyntax.Tag> tags = ShortcodeSyntax.scan("x {{< figure a \"b c\" k=v q=\"say \\\"hi\\\"\" r=`raw \"s\"` >}} y {{% details /%}}");
        assertEquals(2, tags.size());
        assertEquals(List.of("a", "b c"), tags.get(0).positional());
        assertEquals(java.util.Map.of("k", "v", "q", "say \"hi\"", "r", "raw \"s\""), tags.get(0).named());
        assertEquals(Call.Form.RAW, tags.get(0).form());
        assertEquals(Call.Form.MARKDOWN, tags.get(1).form());
        assertTrue(tags.get(1).selfClosing());
    }

    @Test
    void aTagOverSeveralLinesIsOneTokenAndLaterLinesKeepTheirNumbers() {
        ProtectedBody p = of("[a]({{< ref\n  \"x.md\"\n  >}}) then\nline four\n");
        assertEquals("[a](" + token(p, 0) + ") then\nline four\n", p.text());
        assertEquals(1, p.sourceLine(1));
        assertEquals(4, p.sourceLine(2), "the line after the token is the body's fourth");
    }

    @Test
    void aBlankLineEndsACandidateAndANeverClosedTagIsText() {
        assertEquals(List.of(), ShortcodeSyntax.scan("{{< figure src=\"x\"\n\nalt=\"y\" >}}"));
        assertEquals(List.of(), ShortcodeSyntax.scan("{{<a {{<a {{<a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no braces at all", "{{ .Title }} is a template, not a shortcode", "{{<>}}", "{ {< x >} }",
            "line one\r\nline two", "{{- include \"x\" . }}", "`{{< figure >}}` in a code span", "``{{< a >}}`` too",
            "Example:\n\n    {{< figure src=\"x\" >}}\n", "```\n{{< figure >}}\n```", "  ```go\n{{< figure >}}\n  ```"})
    void textWithoutShortcodesOrWithThemOnlyInCodeIsLeftAsIs(String body) {
        ProtectedBody p = of(body);
        assertEquals(body, p.text());
        assertTrue(p.isEmpty() && p.unknown().isEmpty());
    }

    @Test
    void aShortcodeAloneOnItsLineIsABlockAndOneInALineStaysInline() {
        ProtectedBody p = of("{{% details %}}\ninner {{< param x >}}\n{{% /details %}}\n");
        assertEquals("<!--" + token(p, 0) + "-->\ninner " + token(p, 1) + "\n<!--" + token(p, 2) + "-->\n", p.text());
    }

    @Test
    void aBodyTakenAsTextIsCutOutWholeAndItsLinesAreCounted() {
        ProtectedBody p = of("{{< highlight go >}}\nfunc() {}\n\n{{< figure >}}\n{{< /highlight >}}\nafter\n");
        assertEquals("<!--" + token(p, 0) + "-->\nafter\n", p.text());
        assertEquals(6, p.sourceLine(2));
        assertEquals(1, p.notices().size(), "the figure inside is shown as written, and said so");
    }

    @Test
    void unknownShortcodesAreReportedOncePerNameAndTheirPairedTagsVanish() {
        ProtectedBody p = of("{{< box >}}\n*one*\n{{< /box >}}\n\n{{< box >}}two{{< /box >}} {{< gallery >}} {{< /stray >}}");
        assertEquals("\n*one*\n\n\ntwo " + token(p, 0) + " " + token(p, 1), p.text());
        assertEquals(List.of(new ProtectedBody.Unknown("box", 1, 2, true), new ProtectedBody.Unknown("gallery", 5, 1, false),
                new ProtectedBody.Unknown("stray", 5, 0, false)), p.unknown());
    }

    @Test
    void aClosingTagClosesTheInnermostOpenOneOfItsName() {
        ProtectedBody p = of("{{% details %}}{{% details %}}in{{% /details %}}{{% /details %}}");
        assertTrue(p.unknown().isEmpty() && p.notices().isEmpty());
        assertEquals(token(p, 0) + token(p, 1) + "in" + token(p, 2) + token(p, 3), p.text());
    }

    @Test
    void onlyThisBodysTokensAreReplacedAndForgedOnesStay() {
        ProtectedBody p = of("{{< param x >}}");
        Output[] outputs = {Output.html("<b>x</b>")};
        String forged = ProtectedBody.OPEN + "0000000000000000:0" + ProtectedBody.CLOSE;
        assertEquals("<b>x</b> " + forged, p.replaceTokens(p.text() + " " + forged, outputs));
        assertFalse(p.holdsToken(forged));
        assertEquals("", p.inAttribute(p.text(), outputs), "HTML never goes into an attribute");
    }

    @Test
    void theEscapedFormIsShownAsText() {
        ProtectedBody p = of("Write {{</* figure src=\"x\" */>}} or {{%/* notice */%}}.");
        Output[] outputs = p.render(call -> null);
        assertEquals("Write {{&lt; figure src=&quot;x&quot; &gt;}} or {{% notice %}}.", p.replaceTokens(p.text(), outputs));
    }

    @Test
    void thousandsOfOpenTagsOnOneLineAreText() {
        // Each candidate is tried up to the next "{{" only: a search to the end of the line each time took minutes.
        String line = "{{<a ".repeat(50_000) + "\n" + "{{</* x ".repeat(20_000);
        assertEquals(line, of(line).text());
    }
}
