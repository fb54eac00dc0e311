package org.agora.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.agora.config.DocumentTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The front-matter fields Agora reads, in one place: the parser's known fields and near-miss suggestions come from
 * here, and so does the JSON Schema that editors use to complete and check fields ({@code agora check --schema}).
 * Fields not listed are allowed (sites keep their own params, as in Hugo) but a near miss of a listed one is warned.
 */
public final class FrontMatterSchema {

    public enum Kind { TEXT, DATE, BOOLEAN, INTEGER, TEXT_LIST, TEXT_OR_LIST, EVENT, ATTACHMENTS, TRANSLATION, AUTHORS }

    public record Field(String name, Kind kind, boolean required, String description) {}

    /** An optional text field, the most common kind. */
    private static Field text(String name, String description) { return new Field(name, Kind.TEXT, false, description); }

    public static final List<Field> FIELDS = List.of(
            new Field("title", Kind.TEXT, true, "The document's title, shown in lists and as its heading."),
            new Field("date", Kind.DATE, false, "Publication date: 2026-11-22 or 2026-11-22T14:30:00+01:00."),
            new Field("lastmod", Kind.DATE, false, "Last change; translations older than their source are reported by agora check."),
            new Field("draft", Kind.BOOLEAN, false, "true keeps the document out of the site (agora build --drafts shows it)."),
            text("slug", "The last segment of the page's URL, instead of the file name."),
            text("url", "The page's whole path inside the site."),
            new Field("aliases", Kind.TEXT_LIST, false, "Old paths that redirect to this page."),
            new Field("weight", Kind.INTEGER, false, "Order in lists: lower first."),
            text("summary", "A short text shown in lists and search results."),
            text("description", "Same as summary, as Hugo sites write it."),
            text("type", "The kind of document (guide, report, event...)."),
            text("translationKey", "The same key in each language's file makes them translations of each other."),
            new Field("translation", Kind.TRANSLATION, false,
                    "How this translation was made: human, machine or machine-reviewed (readers are told of machine translations), and the source version it translates."),
            new Field("event", Kind.EVENT, false, "When and where an event takes place."),
            new Field("attachments", Kind.ATTACHMENTS, false, "Files offered for download with the document."),
            new Field("authors", Kind.AUTHORS, false,
                    "Who wrote the document, in order, for its references: \"Family, Given\" for a person, a name without a comma for an organisation."),
            text("publisher", "Who published the document (default: the site)."),
            text("doi", "The document's DOI: 10.5281/zenodo.1234567 (or https://doi.org/10.5281/zenodo.1234567)."),
            text("isbn", "The book's ISBN-13 or ISBN-10, hyphens allowed: 978-2-12-345680-3."));

    public static final List<Field> AUTHOR_FIELDS = List.of(
            text("family", "A person's family name."),
            text("given", "A person's given names."),
            text("name", "An organisation's name, or a name that is not split into family and given."));

    public static final List<Field> EVENT_FIELDS = List.of(
            new Field("start", Kind.DATE, true, "When the event starts: 2027-02-10T09:30:00+01:00."),
            new Field("end", Kind.DATE, false, "When it ends."),
            text("location", "Where it takes place."));

    public static final List<Field> TRANSLATION_FIELDS = List.of(
            text("method", "human, machine or machine-reviewed (the site's default when only source is given)."),
            text("by", "Who or what translated it: a person, a service."),
            text("reviewedBy", "Who reviewed a machine translation."),
            text("source", "The version of the source this translates, as ./agora mark-current writes it."));

    public static final List<Field> ATTACHMENT_FIELDS = List.of(
            new Field("file", Kind.TEXT, true, "The file's path, beside the Markdown file or from content/ starting with /."),
            text("title", "The title shown for the file."));

    private FrontMatterSchema() {}

    public static Set<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The JSON Schema (draft 2020-12) of a document's front matter on a site with these taxonomies (each a
     * text or a list of texts) and types; stable text, so a committed copy can be compared with a fresh one.
     */
    public static String jsonSchema(List<String> taxonomies, DocumentTypes types) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://agora.invalid/front-matter.schema.json");
        root.put("title", "Agora document front matter");
        root.put("description", "Generated by ./agora check --schema from the definition the checker uses; do not edit.");
        root.put("type", "object");
        Map<String, Object> properties = properties(FIELDS);
        for (String taxonomy : taxonomies) {
            if (!properties.containsKey(taxonomy)) {
                properties.put(taxonomy, describe(new Field(taxonomy, Kind.TEXT_OR_LIST, false,
                        "Terms of the site's '" + taxonomy + "' taxonomy.")));
            }
        }
        root.put("properties", properties);
        root.put("required", required(FIELDS));
        root.put("additionalProperties", true);
        List<Object> rules = new ArrayList<>();
        for (DocumentTypes.DocumentType t : types.withRequirements()) rules.add(typeRule(t));
        if (!rules.isEmpty()) root.put("allOf", rules);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * "if type is events then date and event are required". A schema sees only the front matter, so the rule
     * applies to documents that state their type; agora check also applies it to a type taken from the folder.
     */
    private static Map<String, Object> typeRule(DocumentTypes.DocumentType t) {
        Map<String, Object> then = new LinkedHashMap<>();
        Map<String, List<String>> inside = new TreeMap<>();
        LinkedHashSet<String> top = new LinkedHashSet<>();
        for (String field : t.required()) {
            int dot = field.indexOf('.');
            if (dot < 0) {
                top.add(field);
            } else {
                top.add(field.substring(0, dot));
                inside.computeIfAbsent(field.substring(0, dot), k -> new ArrayList<>()).add(field.substring(dot + 1));
            }
        }
        // The checker takes description for summary, as Hugo sites write it.
        boolean summary = top.remove("summary") | top.remove("description");
        then.put("required", List.copyOf(top));
        if (summary) then.put("anyOf", List.of(obj("required", List.of("summary")), obj("required", List.of("description"))));
        if (!inside.isEmpty()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            inside.forEach((parent, children) -> properties.put(parent, obj("required", children)));
            then.put("properties", properties);
        }
        return obj("description", "A document of type '" + t.name() + "' needs " + String.join(", ", t.required()) + ".",
                "if", obj("properties", obj("type", obj("const", t.name())), "required", List.of("type")),
                "then", then);
    }

    /** A JSON object whose keys keep their order (Map.of's order changes from one run to the next). */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static Map<String, Object> properties(List<Field> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field f : fields) properties.put(f.name(), describe(f));
        return properties;
    }

    private static List<String> required(List<Field> fields) {
        return fields.stream().filter(Field::required).map(Field::name).toList();
    }

    private static Map<String, Object> describe(Field f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", f.description());
        switch (f.kind()) {
            case TEXT -> s.put("type", "string");
            // YAML reads an unquoted 2026-11-22 as a date, which JSON-based editors see as a string.
            case DATE -> s.put("anyOf", List.of(obj("type", "string", "format", "date"),
                    obj("type", "string", "format", "date-time")));
            case BOOLEAN -> s.put("type", "boolean");
            case INTEGER -> s.put("type", "integer");
            case TEXT_LIST -> {
                s.put("type", "array");
                s.put("items", obj("type", "string"));
            }
            case TEXT_OR_LIST -> s.put("anyOf", List.of(obj("type", "string"),
                    obj("type", "array", "items", obj("type", "string"))));
            case EVENT -> {
                s.put("type", "object");
                s.put("properties", properties(EVENT_FIELDS));
                s.put("required", required(EVENT_FIELDS));
                s.put("additionalProperties", false);
            }
            case TRANSLATION -> {
                List<String> methods = java.util.Arrays.stream(org.agora.config.TranslationMethod.values())
                        .map(org.agora.config.TranslationMethod::word).toList();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("type", "object");
                Map<String, Object> props = properties(TRANSLATION_FIELDS);
                props.put("method", obj("description", TRANSLATION_FIELDS.getFirst().description(), "enum", methods));
                props.put("source", obj("description", TRANSLATION_FIELDS.getLast().description(), "type", "string",
                        "pattern", "^[0-9a-fA-F]{" + SourceVersion.MIN_PIN_LENGTH + ",64}$"));
                detail.put("properties", props);
                detail.put("required", required(TRANSLATION_FIELDS));
                detail.put("additionalProperties", false);
                s.put("anyOf", List.of(obj("enum", methods), detail));
            }
            case AUTHORS -> {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("type", "object");
                person.put("properties", properties(AUTHOR_FIELDS));
                // Hugo themes' author maps carry more (link, image): Agora leaves them out of citations.
                person.put("oneOf", List.of(obj("required", List.of("family")), obj("required", List.of("name"))));
                Map<String, Object> one = obj("anyOf", List.of(obj("type", "string"), person));
                s.put("anyOf", List.of(obj("type", "string"), obj("type", "array", "items", one)));
            }
            case ATTACHMENTS -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("type", "object");
                item.put("properties", properties(ATTACHMENT_FIELDS));
                item.put("required", required(ATTACHMENT_FIELDS));
                item.put("additionalProperties", false);
                s.put("type", "array");
                s.put("items", obj("anyOf", List.of(obj("type", "string"), item)));
            }
        }
        return s;
    }
}
