package org.agora.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed front matter of one document. Fields the generator does not know stay in {@code params}
 * for templates (real sites carry author, cover, and more).
 * @param taxonomyTerms terms per taxonomy field (tags, categories, themes, countries, organisations...)
 * @param fieldLines the line of each given field, for messages about it
 * @param publication who wrote and published the document and its identifiers, for citing it
 */
public record FrontMatter(
        String title,
        PageDate date,
        PageDate lastmod,
        boolean draft,
        String slug,
        String url,
        List<String> aliases,
        Integer weight,
        String summary,
        String type,
        String translationKey,
        Translation translation,
        Map<String, List<String>> taxonomyTerms,
        Event event,
        List<Attachment> attachments,
        Map<String, Object> params,
        Map<String, Integer> fieldLines,
        Publication publication) {

    public FrontMatter {
        aliases = List.copyOf(aliases);
        taxonomyTerms = Map.copyOf(taxonomyTerms);
        attachments = List.copyOf(attachments);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        fieldLines = Map.copyOf(fieldLines);
        if (publication == null) publication = Publication.NONE;
    }

    public static FrontMatter empty() {
        return new FrontMatter(null, null, null, false, null, null, List.of(), null, null, null, null, null,
                Map.of(), null, List.of(), Map.of(), Map.of(), Publication.NONE);
    }

    public List<String> terms(String taxonomy) { return taxonomyTerms.getOrDefault(taxonomy, List.of()); }

    /** The line a field was written on, or the front matter's first line. */
    public int lineOf(String field) { return fieldLines.getOrDefault(field, 1); }

    public Optional<Event> eventInfo() { return Optional.ofNullable(event); }

    /** Whether a key was written, whatever its value. */
    public boolean wrote(String field) { return fieldLines.containsKey(field); }

    /**
     * Whether the document gives {@code field} a value, as types' required fields mean it: an empty text or list
     * is no value. {@code parent.child} names a key inside a map ({@code event.location}); {@code date} may come
     * from the file name, and {@code description} and {@code summary} are one field.
     */
    public boolean has(String field) {
        int dot = field.indexOf('.');
        if (dot > 0) {
            String parent = field.substring(0, dot);
            String child = field.substring(dot + 1);
            if (parent.equals("event")) {
                return event != null && switch (child) {
                    case "start" -> true;
                    case "end" -> event.end() != null;
                    case "location" -> present(event.location());
                    default -> false;
                };
            }
            return params.get(parent) instanceof Map<?, ?> m && present(m.get(child));
        }
        return switch (field) {
            case "title" -> present(title);
            case "date" -> date != null;
            case "lastmod" -> lastmod != null;
            case "draft" -> wrote("draft");
            case "slug" -> present(slug);
            case "url" -> present(url);
            case "aliases" -> !aliases.isEmpty();
            case "weight" -> weight != null;
            case "summary", "description" -> present(summary);
            case "type" -> present(type);
            case "translationKey" -> present(translationKey);
            case "translation" -> translation != null;
            case "event" -> event != null;
            case "attachments" -> !attachments.isEmpty();
            case "authors" -> !publication.authors().isEmpty();
            case "publisher" -> present(publication.publisher());
            case "doi" -> present(publication.doi());
            case "isbn" -> present(publication.isbn());
            default -> taxonomyTerms.containsKey(field) || present(params.get(field));
        };
    }

    private static boolean present(Object value) {
        return switch (value) {
            case null -> false;
            case String s -> !s.isBlank();
            case java.util.Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** @param location where the event takes place, as the editor wrote it */
    public record Event(PageDate start, PageDate end, String location) {}

    /** @param file path as written: relative to the document's folder, or from content/ when it starts with '/' */
    public record Attachment(String file, String title, int line) {}

    /**
     * How a translation was made ({@code translation: machine}, or {@code translation: {method: machine-reviewed,
     * by: DeepL, reviewedBy: Awa Diop}}): readers are told when a text is a machine's.
     * @param by who or what translated it (a person, a service), or null
     * @param method null when the front matter only pins the source ({@code translation: { source: … }}): the
     *               site's default method applies
     * @param reviewedBy who reviewed a machine translation, or null
     * @param source the {@link SourceVersion#pin() pin} of the source version translated, or null
     */
    public record Translation(org.agora.config.TranslationMethod method, String by, String reviewedBy, String source) {

        /** Whether a machine wrote the text, reviewed or not. */
        public boolean byMachine() { return method != null && method != org.agora.config.TranslationMethod.HUMAN; }
    }

    /**
     * What a reference to the document names besides its title and date.
     * @param authors people and organisations, in the order the editor wrote them
     * @param publisher who published it, or null
     * @param doi the DOI without its resolver ("10.5281/zenodo.1234"), or null
     * @param isbn the ISBN's digits (ISBN-10 or ISBN-13, no hyphens), or null
     */
    public record Publication(List<Author> authors, String publisher, String doi, String isbn) {

        public static final Publication NONE = new Publication(List.of(), null, null, null);

        public Publication {
            authors = List.copyOf(authors);
        }
    }

    /**
     * A person ({@code family}, {@code given}) or an organisation or anyone known by one name ({@code literal}):
     * citation formats keep the two apart, so that "Bridges Learning Network" is never cited as "Network, B. L.".
     */
    public record Author(String family, String given, String literal) {

        public static Author person(String family, String given) { return new Author(family, given, null); }

        public static Author named(String name) { return new Author(null, null, name); }

        public boolean isPerson() { return literal == null; }

        /** "Awa Diop", or the organisation's name: how a page's byline writes it. */
        public String displayName() {
            if (!isPerson()) return literal;
            return given == null || given.isBlank() ? family : given + " " + family;
        }

        /** "Diop, Awa", as RIS, Highwire tags and most reference lists write a person. */
        public String invertedName() {
            if (!isPerson()) return literal;
            return given == null || given.isBlank() ? family : family + ", " + given;
        }
    }
}
