package org.agora.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** TOML and JSON read into the same tree as YAML: the same lines, the same limits, errors at their file line. */
class TomlAndJsonReaderTest {

    private final TomlReader toml = new TomlReader();
    private final JsonReader json = new JsonReader();

    private static YamlNode.Mapping map(YamlReader.Result r) {
        assertTrue(r.ok(), () -> "unexpected problem: " + r.problem());
        return assertInstanceOf(YamlNode.Mapping.class, r.node());
    }

    private static YamlNode.Mapping child(YamlNode.Mapping m, String key) {
        return assertInstanceOf(YamlNode.Mapping.class, m.get(key).orElseThrow());
    }

    private static String text(YamlNode.Mapping m, String key) {
        return assertInstanceOf(YamlNode.Scalar.class, m.get(key).orElseThrow()).text();
    }

    @Test
    void tomlKeysHaveTheirFileLines() {
        YamlNode.Mapping m = map(toml.read("""
                title = "Assembly"
                tags = [
                  "a",
                  "b",
                ]
                summary = \"""
                fake = "a line of text, not a key"
                \"""
                site.name = "dotted"

                [event]
                start = 2027-02-10T09:30:00+01:00
                "end" = 2027-02-10T17:00:00+01:00

                [[attachments]]
                file = "a.pdf"

                [[attachments]]
                file = "b.pdf"
                """, 1));
        assertEquals(2, m.entries().get("title").keyLine(), "the text starts on line 2 of the file");
        assertEquals(3, m.entries().get("tags").keyLine());
        assertEquals(3, assertInstanceOf(YamlNode.Sequence.class, m.get("tags").orElseThrow()).items().get(1).line(),
                "an item of an inline array has its key's line");
        assertEquals(7, m.entries().get("summary").keyLine());
        assertFalse(m.entries().containsKey("fake"));
        assertEquals(10, child(m, "site").entries().get("name").keyLine());
        YamlNode.Mapping event = child(m, "event");
        assertEquals(12, event.line());
        assertEquals(13, event.entries().get("start").keyLine());
        assertEquals(14, event.entries().get("end").keyLine());
        List<YamlNode> attachments = assertInstanceOf(YamlNode.Sequence.class, m.get("attachments").orElseThrow()).items();
        assertEquals(List.of(16, 19), attachments.stream().map(YamlNode::line).toList());
        assertEquals(20, ((YamlNode.Mapping) attachments.get(1)).entries().get("file").keyLine());
    }

    @Test
    void tomlDatesArriveAsTheirText() {
        YamlNode.Mapping m = map(toml.read("a = 2018-03-09T09:00:00-04:00\nb = 2018-03-09\nc = 2018-03-09T09:00:00\nd = 7\ne = true\n", 0));
        assertTrue(text(m, "a").startsWith("2018-03-09T09:00") && text(m, "a").endsWith("-04:00"), text(m, "a"));
        assertEquals("2018-03-09", text(m, "b"));
        assertTrue(text(m, "c").startsWith("2018-03-09T09:00"), text(m, "c"));
        assertEquals("7", text(m, "d"));
        assertEquals("true", text(m, "e"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "title = \"ok\"\\n\\nbad = = 3          | 4",
            "title = \"ok\"\\ntitle = \"again\"     | 3",
            "title = \"never closed\\nweight = 3   | 2"})
    void tomlErrorsNameTheFileLine(String text, int line) {
        YamlReader.Result r = toml.read(text.replace("\\n", "\n"), 1);
        assertFalse(r.ok());
        assertEquals(line, r.problem().line(), r.problem().message());
        assertFalse(r.problem().message().isBlank());
    }

    @Test
    void jsonKeysHaveTheirFileLines() {
        YamlNode.Mapping m = map(json.read("""
                {
                  "title": "Assembly",
                  "event": {
                    "start": "2027-02-10"
                  },
                  "title": "again"
                }""", 2));
        assertEquals(8, m.entries().get("title").keyLine(), "the later of two equal keys");
        assertEquals(6, child(m, "event").entries().get("start").keyLine());
    }

    @Test
    void jsonDuplicatesAreReportedAsInYaml() {
        YamlReader.Result r = json.read("{\"title\": \"a\",\n\"title\": \"b\"}", 0);
        assertEquals(List.of(2), r.duplicateKeys().stream().map(YamlProblem::line).toList());
    }

    @Test
    void jsonErrorsNameTheFileLine() {
        YamlReader.Result r = json.read("{\n  \"title\": \"a\",\n  \"draft\": tru\n}", 4);
        assertFalse(r.ok());
        assertEquals(7, r.problem().line(), r.problem().message());
    }

    @Test
    void theLimitsApplyToEverySyntax() {
        YamlReader.Limits small = new YamlReader.Limits(1_000, 3, 5);
        String deepToml = "a = [[[[[1]]]]]";
        String deepJson = "{\"a\": [[[[[1]]]]]}";
        String manyToml = "a = [1, 2, 3, 4, 5, 6, 7]";
        assertTrue(new TomlReader(small).read(deepToml, 0).problem().message().contains("nest deeper"));
        assertTrue(new JsonReader(small).read(deepJson, 0).problem().message().contains("nest deeper"));
        assertTrue(new TomlReader(small).read(manyToml, 0).problem().message().contains("more than 5 values"));
        String longText = "a = \"" + "x".repeat(2_000) + "\"";
        assertTrue(new TomlReader(small).read(longText, 0).problem().message().contains("longer than"));
    }

    @Test
    void emptyTextIsAnEmptyMapping() {
        assertTrue(map(toml.read("", 1)).entries().isEmpty());
        assertTrue(map(toml.read("# only a comment\n", 1)).entries().isEmpty());
    }
}
