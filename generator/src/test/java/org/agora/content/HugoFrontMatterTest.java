package org.agora.content;

import org.agora.diag.Diagnostic;
import org.agora.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Front matter as Hugo reads it: YAML, TOML and JSON, delimiters with trailing spaces, and look-alikes warned about. */
class HugoFrontMatterTest extends FrontMatterParsing {

    @Override
    ParsedDocument parse(String text) { return parse("en/x.md", text); }

    // --- delimiters ---------------------------------------------------------------------------------------------

    @Test
    void trailingSpacesAndTabsOnBothDelimiterLines() {
        ParsedDocument doc = parseWithoutDiagnostics("--- \t\ntitle: Spaced\n---  \nBody\n");
        assertParsed(doc, "Spaced", "Body\n", 3);
    }

    @Test
    void trailingSpacesWithWindowsLineEndings() {
        ParsedDocument doc = parse("---  \r\ntitle: Spaced\r\nweight: heavy\r\n---\t\r\nBody\r\n");
        assertEquals("Spaced", doc.frontMatter().title());
        assertEquals("Body\n", doc.body());
        assertEquals(3, onlyDiagnostic().position().line(), "lines stay right");
    }

    @Test
    void blankLinesBeforeTheFrontMatterAreSkippedAsHugoSkipsThem() {
        ParsedDocument doc = parse("\n\n---\ntitle: Late\ndate: someday\n---\nBody\n");
        assertParsed(doc, "Late", "Body\n", 6);
        assertEquals(4, doc.frontMatter().lineOf("title"));
        Diagnostic d = onlyDiagnostic();
        assertEquals(5, d.position().line());
        assertTrue(d.message().contains("'date'"), d.message());
    }

    // --- TOML ---------------------------------------------------------------------------------------------------

    @Test
    void tomlFrontMatterGivesTheSameFields() {
        ParsedDocument doc = parseWithoutDiagnostics("""
                +++
                title = "Assembly"
                date = 2018-03-09T09:00:00-04:00
                lastmod = 2018-03-10
                tags = ["a", "b"]
                draft = true
                weight = 3
                author = "Ana"

                [event]
                start = 2027-02-10T09:30:00
                location = "Namur"
                +++
                Body
                """);
        FrontMatter fm = doc.frontMatter();
        assertEquals("Assembly", fm.title());
        assertEquals(ZoneOffset.ofHours(-4), fm.date().offset().orElseThrow());
        assertEquals(LocalDate.of(2018, 3, 10), fm.lastmod().date());
        assertFalse(fm.lastmod().hasTime(), "a TOML local date is a day");
        assertEquals(List.of("a", "b"), fm.terms("tags"));
        assertTrue(fm.draft());
        assertEquals(3, fm.weight());
        assertEquals("Ana", fm.params().get("author"));
        assertEquals(LocalDateTime.of(2027, 2, 10, 9, 30), fm.event().start().dateTime());
        assertTrue(fm.event().start().offset().isEmpty(), "a TOML local date-time has no offset");
        assertEquals("Namur", fm.event().location());
        assertEquals(2, fm.lineOf("title"));
        assertEquals(5, fm.lineOf("tags"));
        assertEquals("Body\n", doc.body());
        assertEquals(13, doc.bodyLineOffset());
    }

    @Test
    void aTomlSyntaxErrorNamesItsFileLine() {
        ParsedDocument doc = parse("\n+++\ntitle = \"T\"\nweight = = 3\n+++\nBody\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.invalid-toml", d.code());
        assertEquals(4, d.position().line(), d.message());
        assertTrue(d.message().startsWith("invalid TOML in front matter"), d.message());
        assertFalse(doc.frontMatterRead());
        assertEquals("Body\n", doc.body(), "the body is still rendered");
    }

    @Test
    void aTomlValueThatIsNoDateIsAnErrorAtItsLine() {
        parse("+++\ntitle = \"T\"\n[event]\nstart = \"next week\"\n+++\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.invalid-date", d.code());
        assertEquals(4, d.position().line());
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    @Test
    void jsonFrontMatterEndsWithItsClosingBrace() {
        ParsedDocument doc = parseWithoutDiagnostics("""
                {
                  "title": "In {braces}",
                  "date": "2018-03-09 09:00:00 -0400",
                  "tags": ["a"],
                  "cover": {"src": "a.png"}
                }
                Body
                """);
        assertEquals("In {braces}", doc.frontMatter().title());
        assertEquals(ZoneOffset.ofHours(-4), doc.frontMatter().date().offset().orElseThrow());
        assertEquals(List.of("a"), doc.frontMatter().terms("tags"));
        assertEquals(3, doc.frontMatter().lineOf("date"));
        assertEquals("Body\n", doc.body());
        assertEquals(6, doc.bodyLineOffset());
    }

    @Test
    void aJsonSyntaxErrorNamesItsFileLine() {
        ParsedDocument doc = parse("{\n  \"title\": \"T\"\n  \"draft\": true\n}\nBody\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.invalid-json", d.code());
        assertEquals(3, d.position().line(), d.message());
        assertEquals("Body\n", doc.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{< notice >}}\nHello\n{{< /notice >}}\n", "{.lead}\nHello\n", "{ not json\n"})
    void aBraceThatOpensNoJsonObjectIsText(String text) {
        ParsedDocument doc = parseWithoutDiagnostics(text);
        assertEquals(text, doc.body());
        assertTrue(doc.frontMatterRead());
    }

    // --- never closed -------------------------------------------------------------------------------------------

    @Test
    void tomlNeverClosedIsAnErrorOnItsFirstLine() {
        ParsedDocument doc = parse("+++\ntitle = \"T\"\n\nBody\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.unclosed", d.code());
        assertEquals(1, d.position().line());
        assertTrue(d.message().contains("TOML front matter") && d.message().contains("never closed"), d.message());
        assertEquals("add a line with only +++ after the last field", d.hint());
        assertFalse(doc.frontMatterRead());
    }

    @Test
    void frontMatterClosedWithTheOtherDelimiterSaysWhichLine() {
        parse("---\ntitle: T\n+++\nBody\n");
        assertEquals("line 3 closes it with +++: use --- on both lines", onlyDiagnostic().hint());
    }

    @Test
    void jsonNeverClosedIsAnError() {
        parse("\n{\n  \"title\": \"T\"\nBody\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals(2, d.position().line());
        assertTrue(d.message().contains("JSON"), d.message());
    }

    // --- keys in any case -------------------------------------------------------------------------------------

    @Test
    void keysInAnyCaseAreAgorasFieldsAsInHugo() {
        FrontMatter fm = parseWithoutDiagnostics("""
                ---
                Title: Upper
                TranslationKey: group
                Date: 2018-03-09
                Aliases: [old/]
                Tags: [a]
                Draft: true
                linkTitle: Short
                Event:
                  Start: 2027-02-10
                  LOCATION: Namur
                Attachments:
                  - File: a.pdf
                    Title: A
                ---
                """).frontMatter();
        assertEquals("Upper", fm.title());
        assertEquals("group", fm.translationKey());
        assertEquals(LocalDate.of(2018, 3, 9), fm.date().date());
        assertEquals(List.of("old/"), fm.aliases());
        assertEquals(List.of("a"), fm.terms("tags"));
        assertTrue(fm.draft());
        assertEquals(LocalDate.of(2027, 2, 10), fm.event().start().date());
        assertEquals("Namur", fm.event().location());
        assertEquals(new FrontMatter.Attachment("a.pdf", "A", 13), fm.attachments().getFirst());
        assertEquals(3, fm.lineOf("translationKey"), "lines are kept under the field's own name");
        assertEquals("Short", fm.params().get("linkTitle"), "a key Agora does not know stays as written, for templates");
        assertFalse(fm.params().containsKey("Title"));
    }

    @Test
    void translationKeyAllInLowerCaseIsTheTranslationKey() {
        assertEquals("g", parse("+++\ntranslationkey = \"g\"\n+++\n").frontMatter().translationKey());
        noDiagnostics();
    }

    @Test
    void twoKeysThatDifferOnlyByCaseAreADuplicateNamingBothLines() {
        FrontMatter fm = parse("---\ntitle: First\nauthor: Ana\nTitle: Second\nAuthor: Bo\n---\n").frontMatter();
        List<Diagnostic> errors = diagnostics.sorted();
        assertEquals(List.of(4, 5), errors.stream().map(d -> d.position().line()).toList(), errors::toString);
        assertTrue(errors.stream().allMatch(d -> d.code().equals("frontmatter.duplicate-key")));
        assertTrue(errors.get(0).message().contains("'title' (line 2) and 'Title'"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("'author' (line 3) and 'Author'"), errors.get(1).message());
        assertEquals("Second", fm.title(), "the later one counts, as for a key written twice");
        assertEquals("Bo", fm.params().get("Author"));
        assertFalse(fm.params().containsKey("author"));
    }

    @Test
    void aNearMissInAnotherCaseIsStillANearMiss() {
        parse("---\nCategory: tools\n---\n");
        assertEquals("did you mean 'categories'?", onlyDiagnostic().hint());
    }

    // --- look-alikes --------------------------------------------------------------------------------------------

    @Test
    void aDelimiterLineWithMoreOnItIsAWarning() {
        ParsedDocument doc = parse("--- title: x\nauthor: Ana\n---\nBody\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("frontmatter.not-read", d.code());
        assertEquals(1, d.position().line());
        assertTrue(d.message().contains("--- must be alone on its line"), d.message());
        assertEquals("put --- alone on line 1, and what follows it on the next line", d.hint());
        assertNull(doc.frontMatter().title());
    }

    @Test
    void fieldsWithoutTheirOpeningLineAreAWarningAtTheFirstField() {
        ParsedDocument doc = parse("\ntitle: Lost\ndate: 2020-01-01\ntags:\n  - a\n---\nBody\n");
        Diagnostic d = onlyDiagnostic();
        assertEquals("frontmatter.not-read", d.code());
        assertEquals(2, d.position().line());
        assertTrue(d.message().startsWith("lines 2 to 4 look like front matter"), d.message());
        assertEquals("add a line with only --- above line 2", d.hint());
        assertNull(doc.frontMatter().title());
    }

    @Test
    void tomlFieldsWithoutTheirOpeningLineAreAWarningToo() {
        parse("title = \"Lost\"\nweight = 2\n+++\nBody\n");
        assertEquals("add a line with only +++ above line 1", onlyDiagnostic().hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Note: a heading written with a line under it\n---\nBody\n",
            "Title: a\nAnd then a sentence.\nauthor: b\n---\n",
            "# Heading\n\ntitle: x\ndate: y\n---\n",
            "----\nA rule, then text.\n",
            "Plain text.\n\n---\n\nMore text.\n"})
    void ordinaryTextIsNoLookAlike(String text) {
        ParsedDocument doc = parseWithoutDiagnostics(text);
        assertEquals(text, doc.body());
    }
}
