package org.agora.content;

import org.agora.testing.TestSite;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The pin goes into every way editors write the translation field, and nothing else of the file changes. */
class TranslationPinTest {

    private static final String PIN = "0123456789ab";

    private static String pinned(String text) {
        TranslationPin.Result r = TranslationPin.write(text, PIN);
        assertNull(r.problem(), r.problem());
        return r.text();
    }

    @Test
    void yamlWithoutTheFieldGetsItBeforeTheFence() {
        assertEquals("---\ntitle: T # kept\ntranslation: { source: \"0123456789ab\" }\n---\nBody\n",
                pinned("---\ntitle: T # kept\n---\nBody\n"));
    }

    @Test
    void aMethodWordBecomesAMapping() {
        assertEquals("---\ntranslation: { method: machine, source: \"0123456789ab\" }\n---\nx",
                pinned("---\ntranslation: machine\n---\nx"));
    }

    @Test
    void aFlowMappingGainsOrReplacesItsSource() {
        assertEquals("---\ntranslation: { method: human, by: Awa, source: \"0123456789ab\" }\n---\n",
                pinned("---\ntranslation: { method: human, by: Awa }\n---\n"));
        assertEquals("---\ntranslation: { source: \"0123456789ab\", by: Awa }\n---\n",
                pinned("---\ntranslation: { source: \"ffffffffffff\", by: Awa }\n---\n"));
    }

    @Test
    void aBlockMappingGainsOrReplacesItsSourceLine() {
        assertEquals("---\ntranslation:\n    method: machine\n    source: \"0123456789ab\"\ntitle: T\n---\n",
                pinned("---\ntranslation:\n    method: machine\ntitle: T\n---\n"));
        assertEquals("---\ntranslation:\n  source: \"0123456789ab\"\n  by: X\n---\n",
                pinned("---\ntranslation:\n  source: abcdefabcdef\n  by: X\n---\n"));
    }

    @Test
    void tomlKeysStayAtTheTopLevel() {
        assertEquals("+++\ntranslation = { source = \"0123456789ab\" }\ntitle = \"T\"\n[params]\nx = 1\n+++\n",
                pinned("+++\ntitle = \"T\"\n[params]\nx = 1\n+++\n"));
        assertEquals("+++\ntranslation = { method = \"machine\", source = \"0123456789ab\" }\n+++\n",
                pinned("+++\ntranslation = \"machine\"\n+++\n"));
        assertEquals("+++\n[translation]\nsource = \"0123456789ab\"\nmethod = \"human\"\n+++\n",
                pinned("+++\n[translation]\nmethod = \"human\"\n+++\n"));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreKept() {
        assertEquals("\uFEFF---\r\ntitle: T\r\ntranslation: { source: \"0123456789ab\" }\r\n---\r\nBody\r\n",
                pinned("\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n"));
    }

    @Test
    void whatItCannotEditItSaysAndLeavesAlone() {
        assertNotNull(TranslationPin.write("{\"title\": \"T\"}\nx", PIN).problem());
        assertNotNull(TranslationPin.write("---\ntitle: T\n", PIN).problem());
        assertNotNull(TranslationPin.write("---\ntranslation: { method: human,\n  by: X }\n---\n", PIN).problem());
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path site;

    @Test
    void theWrittenFieldReadsBackAsThePin() {
        for (String text : new String[]{"---\ntitle: T\n---\nx\n", "---\ntranslation: machine\n---\nx\n",
                "---\ntranslation:\n  method: machine-reviewed\n  reviewedBy: Awa\n---\nx\n", "+++\ntitle = \"T\"\n+++\nx\n"}) {
            var config = TestSite.config(site);
            var source = new SourceFile(site.resolve("content/en/a.md"), "en/a.md", "en", "a", SourceFile.Layout.FOLDER);
            var diagnostics = new org.agora.diag.Diagnostics();
            var parsed = new FrontMatterParser(config).parse(source, pinned(text), diagnostics);
            assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
            assertEquals(PIN, parsed.frontMatter().translation().source(), text);
        }
    }
}
