package org.agora.check;

import org.agora.config.ConfigLoader;
import org.agora.config.DocumentTypes;
import org.agora.config.SiteConfig;
import org.agora.content.FrontMatter;
import org.agora.content.FrontMatterSchema;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.diag.Suggestions;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fields each type of document requires ({@link DocumentTypes}), checked by {@code agora check} only: the
 * build and the preview go on, since a page without its summary still renders, but CI stops the commit. A
 * published document missing one is an error; a draft is warned, because no reader sees it yet and
 * {@code agora new} leaves placeholders in drafts for the editor to fill.
 */
public final class RequiredFields {

    public static final String MISSING = "frontmatter.missing-required";
    public static final String UNUSED_TYPE = "config.unused-type";
    public static final String UNKNOWN_FIELD = "config.unknown-required-field";

    private RequiredFields() {}

    public static void run(Library library, Diagnostics diagnostics) {
        SiteConfig config = library.config();
        // A field the parser already rejected (a date that is no date) is that error's business, not "missing".
        Set<Path> filesWithErrors = diagnostics.sorted().stream().filter(Diagnostic::isError)
                .map(d -> d.position().file()).filter(f -> f != null).map(RequiredFields::normal)
                .collect(Collectors.toSet());
        for (Page page : library.pages()) {
            if (page.kind() != PageKind.PAGE || page.document() == null || !page.document().frontMatterRead()) continue;
            List<String> required = config.types().required(page.type());
            if (required.isEmpty()) continue;
            FrontMatter fm = page.document().frontMatter();
            Path file = page.document().source().file();
            boolean hasErrors = filesWithErrors.contains(normal(file));
            for (String field : required) {
                if (fm.has(field)) continue;
                String top = topOf(field);
                if (hasErrors && fm.wrote(top)) continue;
                missing(config, page, fm, field, diagnostics);
            }
        }
        configuredTypes(library, diagnostics);
    }

    private static void missing(SiteConfig config, Page page, FrontMatter fm, String field, Diagnostics diagnostics) {
        String top = topOf(field);
        // The line to fix: the empty key if written, else the type: line that made the rule apply, else the first.
        int line = fm.wrote(top) ? fm.lineOf(top) : fm.wrote("type") ? fm.lineOf("type") : 1;
        SourcePosition at = SourcePosition.of(page.document().source().file(), line);
        DocumentTypes.DocumentType type = config.types().types().get(page.type());
        String rule = type.declared() ? "types: in site-config.yml, line " + type.line()
                : "Agora's default; a site changes it under types: in site-config.yml";
        String state = fm.wrote(field) ? "is empty" : "is missing";
        String message = "'" + field + "' " + state + ": every document of type '" + page.type() + "' needs it (" + rule + ")";
        String hint = hintFor(field, config);
        if (fm.draft()) {
            diagnostics.warning(MISSING, at, message + "; this draft must have it before it is published", hint);
        } else {
            diagnostics.error(MISSING, at, message, hint);
        }
    }

    static String hintFor(String field, SiteConfig config) {
        return switch (field) {
            case "date" -> "add  date: 2026-11-22  (or start the file name with the day: 2026-11-22-name.md)";
            case "event", "event.start" -> "add  event:  with its  start: 2027-02-10T09:30:00+01:00  (and  end:  and  location:)";
            case "event.end" -> "add  end: 2027-02-11T17:00:00+01:00  under event:";
            case "event.location" -> "add  location: \"Venue, city\"  under event:";
            case "summary", "description" -> "add  " + field + ": \"One or two sentences for lists and search results.\"";
            case "attachments" -> "add  attachments:  with  - file: report.pdf  (beside this file, or from content/ with a leading /)";
            case "weight" -> "add  weight: 10  (lower comes first in lists)";
            case "lastmod" -> "add  lastmod: 2026-11-22  (the day of the last change)";
            default -> {
                if (field.equals("countries")) yield "add  countries: [BE]  (ISO 3166 two-letter codes)";
                if (config.termLabels().defines(field)) yield "add  " + field + ": [a-key]  (the keys are in data/taxonomies.yml)";
                if (config.taxonomies().contains(field)) yield "add  " + field + ": [a word, another]";
                int dot = field.indexOf('.');
                yield dot > 0 ? "add  " + field.substring(dot + 1) + ": ...  under " + field.substring(0, dot) + ":"
                        : "add  " + field + ": ...  to the front matter";
            }
        };
    }

    /**
     * A declared type no document has is most likely a misspelt folder name; a required field that is neither
     * Agora's nor any document's is most likely a misspelt field. Both only warn: the site may be growing.
     */
    private static void configuredTypes(Library library, Diagnostics diagnostics) {
        SiteConfig config = library.config();
        Path file = config.siteDir().resolve(ConfigLoader.FILE_NAME);
        Set<String> pageTypes = new TreeSet<>();
        Set<String> writtenFields = new TreeSet<>();
        for (Page page : library.pages()) {
            if (page.kind() == PageKind.PAGE && page.type() != null) pageTypes.add(page.type());
            if (page.document() != null) {
                writtenFields.addAll(page.document().frontMatter().fieldLines().keySet());
            }
        }
        Set<String> known = new LinkedHashSet<>(FrontMatterSchema.names(FrontMatterSchema.FIELDS));
        known.addAll(config.taxonomies());
        for (String e : FrontMatterSchema.names(FrontMatterSchema.EVENT_FIELDS)) known.add("event." + e);
        for (DocumentTypes.DocumentType type : config.types().declared()) {
            SourcePosition at = SourcePosition.of(file, type.line());
            if (!pageTypes.contains(type.name())) {
                diagnostics.warning(UNUSED_TYPE, at, "no document has the type '" + type.name() + "' declared under types:",
                        Suggestions.closest(type.name(), pageTypes).map(s -> "did you mean '" + s + "'?")
                                .orElse("a document's type is its type: field, else its first folder; the site has "
                                        + (pageTypes.isEmpty() ? "none yet" : String.join(", ", pageTypes))));
            }
            for (String field : type.required()) {
                if (known.contains(field) || writtenFields.contains(topOf(field))) continue;
                Suggestions.closest(field, known).ifPresent(s -> diagnostics.warning(UNKNOWN_FIELD, at,
                        "type '" + type.name() + "' requires '" + field + "', a field no document has",
                        "did you mean '" + s + "'?"));
            }
        }
    }

    private static String topOf(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
    }

    private static Path normal(Path p) { return p.toAbsolutePath().normalize(); }
}
