package org.agora.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The front-matter fields each type of document requires (a document's type is its {@code type:} field, else
 * its first folder: news, events...). One definition drives {@code agora check}, the JSON Schema and
 * {@code agora new}. A site's {@code types:} in site-config.yml replaces the default of each type it names
 * and keeps the others, so a site adds a rule without restating the rest; {@code required: []} lifts one.
 * @param types by type name, sorted so that what is derived from them is the same on every run
 */
public record DocumentTypes(Map<String, DocumentType> types) {

    /**
     * @param required top-level field names, or {@code parent.child} for a key inside a map field ({@code event.location})
     * @param line where site-config.yml declares the type; 0 for a default
     */
    public record DocumentType(String name, List<String> required, int line) {
        public DocumentType {
            required = List.copyOf(required);
        }

        public boolean declared() { return line > 0; }
    }

    /**
     * Only what a type needs to work at all: an event without its {@code event:} is missing from the calendar,
     * and news without a date sorts nowhere (a date may come from the file name: 2026-05-04-name.md); an event
     * sorts by its start. Stricter editorial rules (a summary for every guide) are the site's to declare: lists
     * fall back to an excerpt of the text.
     */
    public static final DocumentTypes DEFAULTS = new DocumentTypes(List.of(
            new DocumentType("events", List.of("event"), 0),
            new DocumentType("news", List.of("date"), 0)));

    public DocumentTypes {
        types = java.util.Collections.unmodifiableMap(new TreeMap<>(types));
    }

    private DocumentTypes(List<DocumentType> list) {
        this(byName(list));
    }

    /** The defaults, with each type the site declares in their place. */
    public static DocumentTypes withDeclared(Collection<DocumentType> declared) {
        Map<String, DocumentType> merged = new TreeMap<>(DEFAULTS.types);
        for (DocumentType t : declared) merged.put(t.name(), t);
        return new DocumentTypes(merged);
    }

    /** The fields a document of this type must have; none for a type nobody declared. */
    public List<String> required(String type) {
        DocumentType t = type == null ? null : types.get(type);
        return t == null ? List.of() : t.required();
    }

    /** Types whose documents require something, by name. */
    public List<DocumentType> withRequirements() {
        List<DocumentType> out = new ArrayList<>();
        for (DocumentType t : types.values()) if (!t.required().isEmpty()) out.add(t);
        return out;
    }

    public List<DocumentType> declared() {
        return types.values().stream().filter(DocumentType::declared).toList();
    }

    private static Map<String, DocumentType> byName(List<DocumentType> list) {
        Map<String, DocumentType> m = new TreeMap<>();
        for (DocumentType t : list) m.put(t.name(), t);
        return m;
    }
}
