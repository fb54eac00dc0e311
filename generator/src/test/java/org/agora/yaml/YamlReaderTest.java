package org.agora.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    private static YamlNode.Mapping map(YamlReader.Result r) {
        assertTrue(r.ok(), () -> "unexpected problem: " + r.problem());
        return assertInstanceOf(YamlNode.Mapping.class, r.node());
    }

    @Test
    void linesAreOneBasedWithoutOffset() {
        YamlNode.Mapping m = map(reader.read("title: Hello\n\nlang: fr\nlist:\n  - a\n  - b\n", 0));
        assertEquals(1, m.entries().get("title").keyLine());
        assertEquals(1, m.get("title").orElseThrow().line());
        assertEquals(3, m.entries().get("lang").keyLine());
        assertEquals(4, m.entries().get("list").keyLine());
        YamlNode.Sequence seq = assertInstanceOf(YamlNode.Sequence.class, m.get("list").orElseThrow());
        assertEquals(5, seq.items().get(0).line());
        assertEquals(6, seq.items().get(1).line());
    }

    @Test
    void offsetShiftsEveryLine() {
        YamlNode.Mapping m = map(reader.read("title: Hello\nevent:\n  start: 2026-01-01\n", 1));
        assertEquals(2, m.entries().get("title").keyLine());
        assertEquals(3, m.entries().get("event").keyLine());
        YamlNode.Mapping event = assertInstanceOf(YamlNode.Mapping.class, m.get("event").orElseThrow());
        assertEquals(4, event.entries().get("start").keyLine());
        assertEquals(4, event.get("start").orElseThrow().line());
    }

    @ParameterizedTest(name = "[{index}] offset {1}: error on line {2}")
    @CsvSource(delimiter = '|', value = {
            "title: ok\\nbad: [unclosed\\nother: x | 0 | 3",
            "title: ok\\nbad: [unclosed\\nother: x | 1 | 4",
            "a: 1\\n  b: 2                          | 0 | 2",
            "a: 1\\n  b: 2                          | 10 | 12",
            // reported where the unterminated quoted value starts
            "ok: 1\\nkey: \"unterminated\\nnext: 1  | 0 | 2",
    })
    void syntaxErrorReportsLineWithOffset(String text, int offset, int expectedLine) {
        YamlReader.Result r = reader.read(text.replace("\\n", "\n"), offset);
        assertFalse(r.ok());
        assertNull(r.node());
        assertNotNull(r.problem().message());
        assertFalse(r.problem().message().isBlank());
        assertFalse(r.problem().message().contains("\n"), "message is one line");
        assertEquals(expectedLine, r.problem().line(), r.problem().message());
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        YamlReader.Result r = reader.read("title: A\nlang: fr\ntitle: B\n", 1);
        YamlNode.Mapping m = map(r);
        assertEquals(1, r.duplicateKeys().size());
        YamlProblem p = r.duplicateKeys().getFirst();
        assertEquals(4, p.line());
        assertTrue(p.message().contains("'title'"), p.message());
        assertTrue(p.message().contains("line 2"), p.message());
        // the last one wins
        assertEquals("B", ((YamlNode.Scalar) m.get("title").orElseThrow()).text());
    }

    @Test
    void duplicateKeysInNestedMapsAreReported() {
        YamlReader.Result r = reader.read("event:\n  start: 2026-01-01\n  start: 2026-01-02\n", 0);
        assertTrue(r.ok());
        assertEquals(List.of(3), r.duplicateKeys().stream().map(YamlProblem::line).toList());
    }

    @Test
    void scalarsKeepTheirTextAndNullIsExplicit() {
        YamlNode.Mapping m = map(reader.read("""
                s: plain text
                q: "quoted: value"
                n: 42
                b: true
                d: 2026-05-04
                nul: null
                tilde: ~
                empty:
                """, 0));
        assertEquals("plain text", ((YamlNode.Scalar) m.get("s").orElseThrow()).text());
        assertEquals("quoted: value", ((YamlNode.Scalar) m.get("q").orElseThrow()).text());
        assertEquals("42", ((YamlNode.Scalar) m.get("n").orElseThrow()).text());
        assertEquals("true", ((YamlNode.Scalar) m.get("b").orElseThrow()).text());
        assertEquals("2026-05-04", ((YamlNode.Scalar) m.get("d").orElseThrow()).text());
        YamlNode.Scalar empty = assertInstanceOf(YamlNode.Scalar.class, m.get("empty").orElseThrow());
        assertTrue(empty.isNull() || empty.text().isEmpty(), "a key without value holds no text");
        for (String k : List.of("nul", "tilde")) {
            YamlNode.Scalar s = assertInstanceOf(YamlNode.Scalar.class, m.get(k).orElseThrow(), k);
            assertTrue(s.isNull(), k);
            assertEquals("nothing", s.kind());
        }
        assertEquals("a single value", m.get("s").orElseThrow().kind());
    }

    @Test
    void listsAndMapsNestAndKeepOrder() {
        YamlNode.Mapping m = map(reader.read("""
                tags: [one, two, three]
                people:
                  - name: Ana
                    role: chair
                  - name: Bo
                zeta: 1
                alpha: 2
                """, 0));
        YamlNode.Sequence tags = assertInstanceOf(YamlNode.Sequence.class, m.get("tags").orElseThrow());
        assertEquals(List.of("one", "two", "three"),
                tags.items().stream().map(n -> ((YamlNode.Scalar) n).text()).toList());
        assertEquals("a list", tags.kind());
        YamlNode.Sequence people = assertInstanceOf(YamlNode.Sequence.class, m.get("people").orElseThrow());
        YamlNode.Mapping ana = assertInstanceOf(YamlNode.Mapping.class, people.items().get(0));
        assertEquals("a map of keys", ana.kind());
        assertEquals(List.of("name", "role"), List.copyOf(ana.entries().keySet()));
        assertEquals(4, ana.entries().get("role").keyLine());
        assertEquals(List.of("tags", "people", "zeta", "alpha"), List.copyOf(m.entries().keySet()));
        assertTrue(m.get("missing").isEmpty());
    }

    @Test
    void emptyTextIsAnEmptyMapping() {
        YamlReader.Result r = reader.read("", 1);
        YamlNode.Mapping m = map(r);
        assertTrue(m.entries().isEmpty());
        assertEquals(2, m.line());
    }

    @Test
    void topLevelScalarOrListIsNotAMapping() {
        assertInstanceOf(YamlNode.Scalar.class, reader.read("just text", 0).node());
        assertInstanceOf(YamlNode.Sequence.class, reader.read("- a\n- b\n", 0).node());
    }
    @Test
    void emptyValueIsNull() {
        YamlNode.Mapping m = map(reader.read("a:\nb: 1\n", 0));
        YamlNode.Scalar a = assertInstanceOf(YamlNode.Scalar.class, m.get("a").orElseThrow());
        assertTrue(a.isNull(), () -> "text was '" + a.text() + "'");
    }

    // Hostile YAML: each case gives a problem with a line, quickly, and never an exception.

    private YamlProblem problem(String text, int offset) {
        YamlReader.Result r = reader.read(text, offset);
        assertFalse(r.ok(), "expected a problem");
        assertNull(r.node());
        assertFalse(r.problem().message().contains("\n"), "message is one line");
        return r.problem();
    }

    @Test
    void billionLaughsIsRefusedAtItsFirstAlias() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 10; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) yaml.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            yaml.append("]\n");
        }
        YamlProblem p = problem(yaml.toString(), 1);
        assertEquals(3, p.line());
        assertTrue(p.message().startsWith("'*a0' is a YAML alias, which Agora does not expand: write the value out in full"), p.message());
    }

    @Test
    void anyAliasIsRefusedAtItsLineAndAnchorsAloneAreRead() {
        // Jackson's parser would give the anchor's name, "base", as the value: never what the editor meant.
        assertEquals(4, problem("base: &base\n  x: 1\nchild:\n  <<: *base\n", 0).line());
        assertEquals(2, problem("a: &x hello\nb: *x\n", 0).line());
        YamlNode.Mapping m = map(reader.read("a: &x hello\nlist: &l [1, 2]\n", 0));
        assertEquals("hello", ((YamlNode.Scalar) m.get("a").orElseThrow()).text());
        assertEquals(2, ((YamlNode.Sequence) m.get("list").orElseThrow()).items().size());
    }

    @Test
    void markdownEmphasisAtTheStartOfAValueIsReadAsAnAliasAndTheMessageSaysToQuoteIt() {
        YamlProblem p = problem("title: Radio\nsummary: *Rabot Live* is a new programme\n", 1);
        assertEquals(3, p.line());
        assertTrue(p.message().startsWith("'*Rabot' is a YAML alias") && p.message().contains("put it in quotes"), p.message());
        assertTrue(reader.read("summary: \"*Rabot Live* is a new programme\"\n", 1).ok());
    }

    @Test
    void flowListsNested100000DeepStopAtTheDepthLimit() {
        YamlProblem p = problem("title: x\ndeep: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n", 1);
        assertEquals(3, p.line());
        assertEquals("lists and maps nest deeper than 50 levels here, the most Agora reads: flatten the structure", p.message());
        assertTrue(problem("{a: ".repeat(100_000) + "1" + "}".repeat(100_000), 0).message().contains("deeper than 50 levels"));
    }

    @Test
    void blockListsNestedOnOneLineStopAtTheDepthLimit() {
        YamlProblem p = problem("- ".repeat(100_000) + "x\n", 0);
        assertEquals(1, p.line());
        assertTrue(p.message().contains("deeper than 50 levels"), p.message());
    }

    private static String nestedMappings(int depth, int indent) {
        char[] spaces = " ".repeat(depth * indent).toCharArray();
        StringBuilder yaml = new StringBuilder(depth * (depth * indent / 2 + 10));
        for (int level = 0; level < depth; level++) {
            yaml.append(spaces, 0, level * indent).append('k').append(level).append(level == depth - 1 ? ": x\n" : ":\n");
        }
        return yaml.toString();
    }

    @Test
    void blockMappingsNestedDeeperThanTheLimitAreRefusedWhereTheLimitIsPassed() {
        assertTrue(reader.read(nestedMappings(50, 2), 0).ok(), "50 levels are read");
        YamlProblem p = problem(nestedMappings(51, 2), 1);
        assertEquals(52, p.line(), "the map that is one level too deep starts on the 51st line");
        assertTrue(p.message().contains("deeper than 50 levels"), p.message());
    }

    @Test
    void blockMappingsNested10000DeepAreTooLongToBeRead() {
        // Indentation grows with depth: 10,000 levels take 50 million characters, refused before parsing.
        String yaml = nestedMappings(10_000, 1);
        YamlProblem p = problem(yaml, 1);
        assertTrue(p.message().startsWith("the YAML is longer than 1,000,000 characters"), p.message());
        int line = 1 + (int) yaml.substring(0, 1_000_000).lines().count();
        assertEquals(line, p.line(), "the line where the limit is reached, shifted by the offset");
    }

    @Test
    void aHugeScalarIsRefusedBeforeParsing() {
        YamlProblem p = problem("title: " + "x".repeat(5_000_000) + "\n", 1);
        assertEquals(2, p.line());
        assertEquals("the YAML is longer than 1,000,000 characters, the most Agora reads of one file or front matter"
                + " (the limit is reached on this line): keep long text in the page's body, or split the data", p.message());
    }

    @Test
    void keysBeyondTheValueLimitAreRefusedWhereTheLimitIsPassed() {
        // 100,000 keys take SnakeYAML about half a second to scan: the same limit, smaller, keeps the test quick.
        YamlReader strict = new YamlReader(new YamlReader.Limits(YamlReader.Limits.DEFAULTS.maxChars(), 50, 1_000));
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 1_000; i++) yaml.append('k').append(i).append(": 1\n");
        YamlReader.Result r = strict.read(yaml.toString(), 1);
        assertEquals(1_001, r.problem().line(), "the key on line 1,000 (1,001 with the offset) holds the 1,001st value");
        assertEquals("the YAML holds more than 1,000 values (the limit is reached on this line), the most Agora reads"
                + " of one file or front matter: split the data into several files", r.problem().message());
        assertEquals(100_000, YamlReader.Limits.DEFAULTS.maxValues());
    }

    @Test
    void aMillionKeysAreRefusedBeforeParsing() {
        StringBuilder yaml = new StringBuilder(11_000_000);
        for (int i = 0; i < 1_000_000; i++) yaml.append('k').append(i).append(": 1\n");
        YamlProblem p = problem(yaml.toString(), 0);
        assertTrue(p.message().startsWith("the YAML is longer than 1,000,000 characters"), p.message());
        assertTrue(p.line() > 1, "the line where the limit is reached: " + p.line());
    }

    @Test
    void smallerLimitsCanBeGiven() {
        YamlReader strict = new YamlReader(new YamlReader.Limits(100, 2, 5));
        assertTrue(strict.read("a: {b: 1}\n", 0).ok());
        assertFalse(strict.read("a: {b: [1]}\n", 0).ok());
        assertFalse(strict.read("[1, 2, 3, 4, 5]\n", 0).ok(), "six values");
        assertFalse(strict.read("a: " + "x".repeat(100) + "\n", 0).ok());
    }
}
