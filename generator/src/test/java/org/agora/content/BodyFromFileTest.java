package org.agora.content;

import org.agora.diag.Diagnostics;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A document read from a file keeps no body: it reads it again, and knows when the file changed meanwhile. */
class BodyFromFileTest {

    @TempDir
    Path site;

    private ParsedDocument parsedFrom(String text) throws Exception {
        Path file = site.resolve("content/en/long.md");
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Diagnostics diagnostics = new Diagnostics();
        ParsedDocument doc = new FrontMatterParser(TestSite.config(site))
                .parse(new SourceFile(file, "en/long.md", "en", "long", SourceFile.Layout.FOLDER), diagnostics);
        assertTrue(diagnostics.sorted().isEmpty(), diagnostics.sorted()::toString);
        return doc;
    }

    private static String paragraphs(String word) {
        return (word + " ").repeat(40).strip() + "\r\n\r\n" + ("Ünïcödé " + word + ".\r\n").repeat(30);
    }

    @Test
    void aLongBodyIsReadAgainFromItsFileAsTheParserCutIt() throws Exception {
        String body = paragraphs("alpha");
        ParsedDocument doc = parsedFrom("\uFEFF---\r\ntitle: Long\r\n---\r\n" + body);
        String expected = body.replace("\r\n", "\n");
        assertEquals(expected, doc.body());
        assertEquals(expected, doc.body(), "read again every time, the same");
        assertEquals(Body.of(expected), doc.markdown(), "known by the same digest as the text kept in memory");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+++\ntitle = \"Toml\"\n+++\n", "{\n  \"title\": \"Json\"\n}\n",
            "\n\n---\ntitle: After blank lines\n...\n", ""})
    void everyFrontMatterSyntaxLeavesABodyThatIsReadAgainTheSame(String frontMatter) throws Exception {
        String body = paragraphs("gamma").replace("\r\n", "\n");
        ParsedDocument doc = parsedFrom(frontMatter + body);
        assertEquals(body, doc.body());
        assertEquals(Body.of(body), doc.markdown());
    }

    @Test
    void aFileSavedAgainIsNoticedNotMixedWithTheOldFrontMatter() throws Exception {
        ParsedDocument doc = parsedFrom("---\ntitle: Long\n---\n" + paragraphs("alpha"));
        Files.writeString(doc.source().file(), "---\ntitle: Long\n---\n" + paragraphs("bravo"));
        Body.ChangedMeanwhile changed = assertThrows(Body.ChangedMeanwhile.class, doc::body);
        assertEquals(doc.source().file(), changed.file());
        Files.delete(doc.source().file());
        assertThrows(Body.ChangedMeanwhile.class, doc::body, "a file deleted meanwhile");
    }

    @Test
    void aShortBodyIsKeptAndOutlivesItsFile() throws Exception {
        ParsedDocument doc = parsedFrom("---\ntitle: Short\n---\nA few words.\n");
        Files.delete(doc.source().file());
        assertEquals("A few words.\n", doc.body());
    }

    @Test
    void whetherABodyHasTextIsKnownWithoutReadingIt() throws Exception {
        assertFalse(Body.of("  \n<!-- only a comment -->\n\n").hasText());
        assertTrue(Body.of("<!-- a comment --> then text").hasText());
        assertTrue(Body.of("text <!-- then a comment -->").hasText());
        assertFalse(Body.of("\n\t\n").hasText());
        ParsedDocument doc = parsedFrom("---\ntitle: Comments\n---\n<!-- " + "x".repeat(600) + " -->\n");
        Files.delete(doc.source().file());
        assertFalse(doc.markdown().hasText());
    }
}
