package org.agora.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ShortcodesTest {

    private final Shortcodes shortcodes = new Shortcodes();

    @Test
    void shortcodeIsFoundWithNameAndLineAndBecomesACodeSpan() {
        Shortcodes.Result r = shortcodes.protect("Intro\n\nSee {{< figure src=\"x\" >}} here\n");
        assertEquals(List.of(new Shortcodes.Found("figure", 3, "{{< figure src=\"x\" >}}")), r.found());
        assertEquals("Intro\n\nSee ` {{< figure src=\"x\" >}} ` here\n", r.body());
    }

    @Test
    void percentFormClosingFormAndSeveralOnOneLine() {
        Shortcodes.Result r = shortcodes.protect("{{% note %}}text{{% /note %}} and {{< youtube id=\"a}b\" >}}");
        assertEquals(List.of("note", "note", "youtube"), r.found().stream().map(Shortcodes.Found::name).toList());
        assertTrue(r.found().stream().allMatch(f -> f.line() == 1));
        assertEquals("` {{% note %}} `text` {{% /note %}} ` and ` {{< youtube id=\"a}b\" >}} `", r.body());
    }

    @Test
    void shortcodeContainingABacktickGetsADoubleBacktickSpan() {
        Shortcodes.Result r = shortcodes.protect("{{< code lang=\"`js`\" >}}");
        assertEquals("`` {{< code lang=\"`js`\" >}} ``", r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"```", "~~~", "  ```go"})
    void fencedCodeBlocksAreUntouched(String fence) {
        String closing = fence.strip().substring(0, 3);
        String body = "before\n" + fence + "\n{{< figure src=\"x\" >}}\n" + closing + "\n{{< after >}}\n";
        Shortcodes.Result r = shortcodes.protect(body);
        assertEquals(List.of(new Shortcodes.Found("after", 5, "{{< after >}}")), r.found());
        assertEquals("before\n" + fence + "\n{{< figure src=\"x\" >}}\n" + closing + "\n` {{< after >}} `\n", r.body());
    }

    @Test
    void alreadyInsideBackticksIsUntouched() {
        String body = "Write `{{< figure src=\"x\" >}}` to add a figure.";
        Shortcodes.Result r = shortcodes.protect(body);
        assertEquals(List.of(), r.found());
        assertEquals(body, r.body());
    }

    @Test
    void onlyTheOneOutsideBackticksIsProtected() {
        Shortcodes.Result r = shortcodes.protect("`{{< a >}}` then {{< b >}}");
        assertEquals(List.of("b"), r.found().stream().map(Shortcodes.Found::name).toList());
        assertEquals("`{{< a >}}` then ` {{< b >}} `", r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no braces at all", "{{ .Title }} is a template, not a shortcode", "{{<>}}", "{ {< x >} }",
            "line one\r\nline two"})
    void textWithoutShortcodesIsReturnedAsIs(String body) {
        Shortcodes.Result r = shortcodes.protect(body);
        assertEquals(body, r.body());
        assertTrue(r.found().isEmpty());
    }
    @Test
    void indentedCodeBlocksAreUntouched() {
        String body = "Example:\n\n    {{< figure src=\"x\" >}}\n";
        Shortcodes.Result r = shortcodes.protect(body);
        assertEquals(body, r.body());
        assertEquals(List.of(), r.found());
    }
    @Test
    void doubleBacktickCodeSpanIsUntouched() {
        String body = "Use ``{{< a >}}`` here";
        Shortcodes.Result r = shortcodes.protect(body);
        assertEquals(List.of(), r.found());
        assertEquals(body, r.body());
    }

    @Test
    void definedShortcodesParsePositionalNamedQuotedAndRawArguments() {
        Shortcodes.Result r = shortcodes.protect("x {{< fig a \"b c\" k=v q=\"say \\\"hi\\\"\" r=`raw \"s\"` >}} y",
                "fig"::equals, (path, line) -> path);
        assertEquals(List.of(), r.found());
        Shortcodes.Call call = r.calls().getFirst();
        assertEquals(List.of("a", "b c"), call.positional());
        assertEquals(java.util.Map.of("k", "v", "q", "say \"hi\"", "r", "raw \"s\""), call.named());
        assertEquals("x " + Shortcodes.token(r.key(), 0, false) + " y", r.body());
    }

    @Test
    void aShortcodeAloneOnItsLineIsABlockAndPairsAreMatched() {
        Shortcodes.Result r = shortcodes.protect("{{% box %}}\ninner\n{{% /box %}}\n", "box"::equals, (p, l) -> p);
        assertEquals(3, r.body().split("\n").length, "line numbers are kept");
        assertTrue(r.body().startsWith(Shortcodes.token(r.key(), 0, true)), r.body());
        assertTrue(r.calls().get(0).paired());
        assertEquals(0, r.calls().get(1).opens());
    }

    @Test
    void refBecomesTheLinkDestinationGivenByTheResolver() {
        Shortcodes.Result r = shortcodes.protect("[a]({{< ref \"x.md\" >}}) [b]({{% relref path=\"y\" lang=\"en\" %}})",
                n -> false, (path, line) -> "/" + path + "@" + line);
        assertEquals("[a](/x.md@1) [b](/y@1)", r.body());
        assertEquals(List.of(), r.found());
    }
}
