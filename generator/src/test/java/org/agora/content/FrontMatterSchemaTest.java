package org.agora.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.agora.config.ConfigLoader;
import org.agora.config.DocumentTypes;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed JSON Schema is the one the checker's definition generates, and the bundled content follows it. */
class FrontMatterSchemaTest {

    static final Path ROOT = TestPaths.repoRoot();

    static SiteConfig bundledConfig() {
        return new ConfigLoader().load(ROOT, new Diagnostics()).orElseThrow();
    }

    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(ROOT.resolve("docs/front-matter.schema.json")));
    }

    @Test
    void theCommittedSchemaIsTheGeneratedOne() throws IOException {
        assertEquals(FrontMatterSchema.jsonSchema(bundledConfig().taxonomies(), bundledConfig().types()),
                Files.readString(ROOT.resolve("docs/front-matter.schema.json")),
                "regenerate it: ./agora check --schema > docs/front-matter.schema.json");
    }

    /**
     * Every field the schema offers editors is one the parser reads as its own: written with a value of the kind
     * the schema asks for, it raises no problem, counts as given, and is not left over for templates as an unknown
     * field (which is what happens to a field the parser does not know, checked too). The values come from the
     * schema's types, so a field added to one side only fails here.
     */
    @Test
    void everySchemaFieldIsOneTheParserReads(@org.junit.jupiter.api.io.TempDir Path site) throws IOException {
        SiteConfig config = bundledConfig();
        JsonNode properties = new ObjectMapper().readTree(FrontMatterSchema.jsonSchema(config.taxonomies(), config.types()))
                .get("properties");
        FrontMatterParser parser = new FrontMatterParser(config);
        SourceFile source = new SourceFile(site.resolve("content/en/x.md"), "en/x.md", "en", "x", SourceFile.Layout.FOLDER);
        List<String> wrong = new ArrayList<>();
        for (var it = properties.fields(); it.hasNext(); ) {
            var property = it.next();
            String field = property.getKey();
            String yaml = "---\n" + field + ": " + example(field, property.getValue()) + "\n---\nText.\n";
            Diagnostics diagnostics = new Diagnostics();
            FrontMatter fm = parser.parse(source, yaml, diagnostics).frontMatter();
            if (!diagnostics.sorted().isEmpty()) wrong.add(field + ": " + diagnostics.sorted() + " for " + yaml);
            else if (!fm.has(field)) wrong.add(field + ": not read from " + yaml);
            else if (fm.params().containsKey(field)) wrong.add(field + ": left in params, as an unknown field would be");
        }
        assertEquals(List.of(), wrong);
        FrontMatter unknown = parser.parse(source, "---\ncolour: red\n---\nText.\n", new Diagnostics()).frontMatter();
        assertEquals("red", unknown.params().get("colour"), "a field outside the schema is left for templates");
        assertTrue(properties.size() >= FrontMatterSchema.FIELDS.size(), "every field of the definition is in the schema");
    }

    /** A value of the kind the schema property asks for, in YAML. */
    private static String example(String field, JsonNode property) {
        JsonNode kind = property.has("anyOf") ? property.get("anyOf").get(property.get("anyOf").size() - 1) : property;
        if (property.has("anyOf") && property.get("anyOf").get(0).has("enum")) {
            return property.get("anyOf").get(0).get("enum").get(0).asText();           // translation: human
        }
        if ("date".equals(kind.path("format").asText()) || "date-time".equals(kind.path("format").asText())) return "2026-01-31";
        return switch (kind.path("type").asText()) {
            case "boolean" -> "true";
            case "integer" -> "3";
            case "array" -> kind.path("items").path("type").asText().equals("object")
                    ? "[{ " + firstRequired(kind.path("items")) + " }]" : "[\"" + text(field) + "\"]";
            case "object" -> "{ " + firstRequired(kind) + " }";
            default -> "\"" + text(field) + "\"";
        };
    }

    private static String firstRequired(JsonNode object) {
        String key = object.path("required").get(0).asText();
        JsonNode p = object.path("properties").path(key);
        boolean date = p.toString().contains("\"date");
        return key + ": " + (date ? "2026-01-31" : "\"" + text(key) + "\"");
    }

    /** Text that passes the checks some text fields have. */
    private static String text(String field) {
        return switch (field) {
            case "doi" -> "10.5281/zenodo.1234567";
            case "isbn" -> "978-2-1234-5680-3";
            case "countries" -> "BE";
            case "url" -> "/some/where/";
            case "authors" -> "Diop, Awa";
            case "file" -> "report.pdf";
            default -> "some-value";
        };
    }

    @Test
    void theBundledContentFollowsTheSchema() throws IOException {
        JsonSchema schema = schema();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(ROOT.resolve("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file);
                if (!text.startsWith("---")) continue;
                int end = text.indexOf("\n---", 3);
                JsonNode frontMatter = yaml.readTree(text.substring(3, end));
                for (ValidationMessage m : schema.validate(frontMatter)) problems.add(ROOT.relativize(file) + ": " + m.getMessage());
                checked++;
            }
        }
        assertTrue(checked > 50, "documents checked: " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void theSchemaRejectsWhatTheCheckerRejects() throws IOException {
        JsonSchema schema = schema();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertFalse(schema.validate(yaml.readTree("title: A\nweight: heavy\n")).isEmpty(), "weight must be a number");
        assertFalse(schema.validate(yaml.readTree("title: A\ndraft: perhaps\n")).isEmpty(), "draft is true or false");
        assertFalse(schema.validate(yaml.readTree("title: A\nevent:\n  end: 2026-01-01\n")).isEmpty(), "an event needs a start");
        assertFalse(schema.validate(yaml.readTree("title: A\nattachments:\n  - title: no file\n")).isEmpty(), "an attachment needs a file");
        assertFalse(schema.validate(yaml.readTree("summary: no title\n")).isEmpty(), "title is required");
        assertTrue(schema.validate(yaml.readTree("title: A\nthemes: [mapping]\ncountries: BE\nsource: a site param\n")).isEmpty());
    }

    @Test
    void eachTypesRequiredFieldsApplyToDocumentsThatStateTheirType() throws IOException {
        JsonSchema schema = schema();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        // The bundled site-config.yml: events need date, event and event.location; guides a summary and themes.
        assertEquals(List.of("date", "event", "event.location"), bundledConfig().types().required("events"));
        assertFalse(schema.validate(yaml.readTree("title: A\ntype: events\ndate: 2026-01-01\n")).isEmpty(), "no event:");
        assertFalse(schema.validate(yaml.readTree("title: A\ntype: events\ndate: 2026-01-01\nevent:\n  start: 2027-01-01\n"))
                .isEmpty(), "no event.location");
        assertTrue(schema.validate(yaml.readTree(
                "title: A\ntype: events\ndate: 2026-01-01\nevent:\n  start: 2027-01-01\n  location: Namur\n")).isEmpty());
        assertFalse(schema.validate(yaml.readTree("title: A\ntype: guides\nthemes: [x]\n")).isEmpty(), "no summary");
        assertTrue(schema.validate(yaml.readTree("title: A\ntype: guides\ndescription: S\nthemes: [x]\n")).isEmpty(),
                "description stands for summary, as in the checker");
        assertTrue(schema.validate(yaml.readTree("title: A\ntype: posts\n")).isEmpty(), "a type without rules");
        assertTrue(schema.validate(yaml.readTree("title: A\n")).isEmpty(), "no type: the folder decides, which only the checker sees");
    }

    @Test
    void aSiteWithoutTypesGetsTheDefaultRules() throws IOException {
        JsonNode allOf = new ObjectMapper().readTree(FrontMatterSchema.jsonSchema(List.of(), DocumentTypes.DEFAULTS)).get("allOf");
        List<String> types = new ArrayList<>();
        allOf.forEach(rule -> types.add(rule.get("if").get("properties").get("type").get("const").asText()));
        assertEquals(List.of("events", "news"), types);
        assertEquals("[\"event\"]", allOf.get(0).get("then").get("required").toString());
    }
}
