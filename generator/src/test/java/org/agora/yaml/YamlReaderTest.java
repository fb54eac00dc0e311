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
}
