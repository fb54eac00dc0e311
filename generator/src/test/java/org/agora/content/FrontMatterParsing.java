package org.agora.content;

import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the front matter parser tests share: a parser for the test site's config ({@link TestSite#CONFIG}), the
 * diagnostics it reports, and checks of what it read.
 */
abstract class FrontMatterParsing {

    @TempDir
    Path site;
    FrontMatterParser parser;
    final Diagnostics diagnostics = new Diagnostics();

    @BeforeEach
    void parserOfTheTestSite() {
        parser = new FrontMatterParser(TestSite.config(site));
    }

    /** The Markdown file content/REL in the folder layout; {@code rel} starts with its language's folder. */
    SourceFile source(String rel, String language) {
        String noExt = rel.substring(0, rel.length() - 3);
        String key = noExt.startsWith(language + "/") ? noExt.substring(language.length() + 1) : noExt;
        return new SourceFile(site.resolve("content").resolve(rel), rel, language, key, SourceFile.Layout.FOLDER);
    }

    /** {@code text} parsed as the English file content/REL. */
    ParsedDocument parse(String rel, String text) {
        return parser.parse(source(rel, "en"), text, diagnostics);
    }

    /** {@code text} parsed as the test class's own file. */
    abstract ParsedDocument parse(String text);

    /** {@code text} parsed as the test class's own file, which must give no diagnostic at all. */
    ParsedDocument parseWithoutDiagnostics(String text) {
        ParsedDocument doc = parse(text);
        noDiagnostics();
        return doc;
    }

    List<Diagnostic> errors() {
        return diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
    }

    Diagnostic onlyDiagnostic() {
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(1, all.size(), all::toString);
        return all.getFirst();
    }

    void noDiagnostics() {
        assertTrue(diagnostics.sorted().isEmpty(), () -> diagnostics.sorted().toString());
    }

    /** The document's title, its body, and the line of the file before its body's first line. */
    static void assertParsed(ParsedDocument doc, String title, String body, int bodyLineOffset) {
        assertEquals(title, doc.frontMatter().title());
        assertEquals(body, doc.body());
        assertEquals(bodyLineOffset, doc.bodyLineOffset());
    }
}
