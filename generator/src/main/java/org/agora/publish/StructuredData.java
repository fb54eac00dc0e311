package org.agora.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agora.content.FrontMatter;
import org.agora.content.PageDate;
import org.agora.model.Page;
import org.agora.model.PageKind;

import java.net.URLConnection;
import java.util.List;

/**
 * schema.org metadata as JSON-LD, for search engines and link previews: an Article for a document, an
 * Event for an event (type "events"), a CreativeWork for a resource (type "resources") with its
 * attachments, a WebSite for a home page and a CollectionPage for the other lists. The JSON is printed
 * raw inside a script element, so every '<' is written as \u003c: no text can close the element.
 */
public final class StructuredData {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param url an absolute URL */
    public record Organization(String name, String url) {}

    /** An attachment: @param url an absolute URL; @param fileName for its media type */
    public record Media(String name, String url, String fileName) {}

    /**
     * What a page says about itself.
     * @param url the page's canonical URL
     * @param description its summary, or its first lines; may be null
     * @param home the language's home page, as an absolute URL
     * @param citation for a citable document, what its references say (authors, publisher, identifiers,
     *                 the other language versions); null for other pages
     */
    public record Subject(Page page, String title, String url, String description, Organization site, String home,
                          List<Media> attachments, org.agora.cite.Citation citation) {}

    private StructuredData() {}

    /** The JSON-LD of a page, or null for pages that describe nothing (the search page). */
    public static String of(Subject s) {
        Page page = s.page();
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        switch (page.kind()) {
            case PAGE -> document(root, s);
            case HOME -> {
                root.put("@type", "WebSite");
                root.put("name", s.title());
                root.put("url", s.url());
                root.put("inLanguage", page.language());
                putIfPresent(root, "description", s.description());
                root.set("publisher", organization(s.site()));
            }
            case SECTION, TAXONOMY, TERM -> {
                root.put("@type", "CollectionPage");
                root.put("name", s.title());
                root.put("url", s.url());
                root.put("inLanguage", page.language());
                putIfPresent(root, "description", s.description());
                ObjectNode site = root.putObject("isPartOf");
                site.put("@type", "WebSite");
                site.put("name", s.site().name());
                site.put("url", s.home());
            }
            case SEARCH -> {
                return null;
            }
        }
        return print(root);
    }

    private static void document(ObjectNode root, Subject s) {
        Page page = s.page();
        FrontMatter fm = page.document() == null ? FrontMatter.empty() : page.document().frontMatter();
        String type = switch (page.type() == null ? "" : page.type()) {
            case "events" -> "Event";
            case "resources" -> "CreativeWork";
            default -> "Article";
        };
        root.put("@type", type);
        if (type.equals("Event")) {
            root.put("name", s.title());
        } else {
            root.put("headline", s.title());
            root.put("name", s.title());
        }
        root.put("url", s.url());
        root.put("inLanguage", page.language());
        putIfPresent(root, "description", s.description());
        if (page.date() != null) root.put("datePublished", page.date().iso());
        PageDate modified = Timestamps.latest(page.date(), page.lastmod());
        if (modified != null) root.put("dateModified", modified.iso());
        if (type.equals("Event")) {
            FrontMatter.Event e = fm.event();
            if (e != null && e.start() != null) root.put("startDate", e.start().iso());
            if (e != null && e.end() != null) root.put("endDate", e.end().iso());
            if (e != null && e.location() != null && !e.location().isBlank()) {
                ObjectNode place = root.putObject("location");
                place.put("@type", "Place");
                place.put("name", e.location());
                place.put("address", e.location());
            }
            root.set("organizer", organization(s.site()));
        } else if (s.citation() != null) {
            cited(root, s.citation());
            root.put("mainEntityOfPage", s.url());
        } else {
            List<String> authors = AtomFeed.authors(page);
            if (authors.isEmpty()) {
                root.set("author", organization(s.site()));
            } else {
                ArrayNode list = root.putArray("author");
                for (String a : authors) list.addObject().put("@type", "Person").put("name", a);
            }
            root.set("publisher", organization(s.site()));
            root.put("mainEntityOfPage", s.url());
        }
        if (!s.attachments().isEmpty()) {
            ArrayNode media = root.putArray("associatedMedia");
            for (Media m : s.attachments()) {
                ObjectNode o = media.addObject();
                o.put("@type", "MediaObject");
                o.put("name", m.name());
                o.put("contentUrl", m.url());
                String mime = URLConnection.guessContentTypeFromName(m.fileName());
                if (mime != null) o.put("encodingFormat", mime);
            }
        }
    }

    /**
     * A citable document as its references name it: people and organisations as authors, its publisher, its DOI
     * and ISBN, and its language versions: workTranslation on the original, translationOfWork on a translation.
     */
    private static void cited(ObjectNode root, org.agora.cite.Citation c) {
        if (!c.authors().isEmpty()) {
            ArrayNode list = root.putArray("author");
            for (FrontMatter.Author a : c.authors()) {
                ObjectNode o = list.addObject();
                if (a.isPerson()) {
                    o.put("@type", "Person");
                    o.put("name", a.displayName());
                    o.put("familyName", a.family());
                    if (a.given() != null) o.put("givenName", a.given());
                } else {
                    o.put("@type", "Organization");
                    o.put("name", a.literal());
                }
            }
        }
        ObjectNode publisher = root.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", c.publisher());
        if (c.doi() != null || c.isbn() != null) {
            ArrayNode ids = root.putArray("identifier");
            if (c.doi() != null) ids.addObject().put("@type", "PropertyValue").put("propertyID", "DOI").put("value", c.doi());
            if (c.isbn() != null) ids.addObject().put("@type", "PropertyValue").put("propertyID", "ISBN").put("value", c.isbn());
        }
        if (c.doi() != null) root.put("sameAs", c.doiUrl());
        if (c.isbn() != null) root.put("isbn", c.isbn());
        if (c.original() != null) {
            root.set("translationOfWork", work(c.original()));
        } else if (!c.translations().isEmpty()) {
            ArrayNode list = root.putArray("workTranslation");
            for (org.agora.cite.Citation.Version v : c.translations()) list.add(work(v));
        }
    }

    private static ObjectNode work(org.agora.cite.Citation.Version v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@type", "CreativeWork");
        o.put("@id", v.url());
        o.put("url", v.url());
        o.put("name", v.title());
        o.put("inLanguage", v.language());
        return o;
    }

    private static ObjectNode organization(Organization o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("@type", "Organization");
        n.put("name", o.name());
        n.put("url", o.url());
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) n.put(field, value);
    }

    /**
     * JSON whose text cannot end the script element or open a comment there: '<', '>' and '&' are written
     * as escapes, which every JSON reader turns back into the same characters.
     */
    static String print(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always prints", e);
        }
    }
}
