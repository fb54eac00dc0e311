package org.agora.publish;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.content.PageDate;
import org.agora.content.SitePath;
import org.agora.content.StaticFile;
import org.agora.i18n.Messages;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;
import org.agora.model.Term;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * oai.xml: an OAI-PMH static repository (openarchives.org, "Specification for an OAI Static Repository and an OAI
 * Static Repository Gateway", 2004), the one file from which a gateway answers OAI-PMH harvesters for the library.
 * It holds an unqualified Dublin Core record (oai_dc) of every citable document in each of its languages.
 *
 * <p>The static repository schema restricts OAI-PMH: datestamps are days, there are no sets and no deleted
 * records, and the file holds at least one record. So a document needs a date to be harvested (like a feed
 * entry), and a site without a dated citable document, or without a host in its baseURL (records identify
 * documents by absolute URL), has no oai.xml. Like every output, the same site gives the same bytes.
 */
public final class OaiRepository {

    public static final String FILE = "oai.xml";
    static final String OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    static final String OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    /** Subjects and coverage come from these taxonomies, in this order, as the reader's labels. */
    private static final List<String> SUBJECTS = List.of("themes", "tags");
    private static final String COVERAGE = "countries";

    private final Library library;
    private final SiteConfig config;
    private final SiteUrls urls;
    private final Messages messages;
    private final Map<String, StaticFile> files = new HashMap<>();

    public OaiRepository(Library library, Messages messages) {
        this.library = library;
        this.config = library.config();
        this.urls = SiteUrls.of(config);
        this.messages = messages;
        library.staticFiles().forEach(f -> files.put(f.relPath(), f));
    }

    /**
     * The documents the repository lists: citable and dated, in the site's language order, then by path, so
     * records never change places between builds. Empty when the baseURL has no host, or when no address can be
     * given to harvesters (no oai.adminEmail and a host without a domain, such as localhost).
     */
    public static List<Page> documents(Library library) {
        if (library.config().baseUrl().getHost() == null) return List.of();
        if (!org.agora.config.OaiSettings.EMAIL.matcher(adminEmail(library.config())).matches()) return List.of();
        List<String> order = library.config().languageCodes();
        return library.pages().stream()
                .filter(p -> Citable.isCitable(p, library.config()) && Feeds.updated(p) != null && order.contains(p.language()))
                .sorted(Comparator.comparingInt((Page p) -> order.indexOf(p.language())).thenComparing(Page::path))
                .toList();
    }

    /** Whether the build writes oai.xml: there is at least one record to put in it. */
    public static boolean publishes(Library library) { return !documents(library).isEmpty(); }

    /** The day a record last changed, in UTC, as the static repository's day granularity wants it. */
    public static LocalDate datestamp(Page p) {
        return day(Feeds.updated(p));
    }

    /**
     * "oai:example.org:fr/guides-pratiques/animer/": the OAI identifier scheme (the site's host as repository
     * identifier), then the language and the page's path below its language's folder, so the identifier is the
     * same whether or not the default language has a folder of its own.
     */
    public static String identifier(SiteConfig config, Page p) {
        String root = config.languageRoot(p.language());
        String rest = p.path().startsWith(root) ? p.path().substring(root.length()) : p.path().substring(1);
        return "oai:" + config.baseUrl().getHost().toLowerCase(Locale.ROOT) + ":" + p.language() + "/" + SiteUrls.encodePath(rest);
    }

    /**
     * The base URL harvesters use: the gateway's URL, a slash, then this file's URL without its scheme (a port's
     * colon percent-encoded), as the specification builds it. Without a gateway, the file's own URL, which a
     * gateway compares with its own base URL for the file when it starts to serve it (docs/harvesting.md).
     */
    public static String baseUrl(SiteConfig config) {
        String file = SiteUrls.of(config).absolute("/" + FILE);
        if (config.oai().gateway() == null) return file;
        String gateway = config.oai().gateway().toString();
        String rest = file.substring(file.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        rest = hostPort.replace(":", "%3A") + (slash < 0 ? "" : rest.substring(slash));
        return gateway.endsWith("/") ? gateway + rest : gateway + "/" + rest;
    }

    /** RFC 2142's mailbox for a web service, on the site's host, when the site names no one (docs/harvesting.md). */
    public static String adminEmail(SiteConfig config) {
        return config.oai().adminEmail() != null ? config.oai().adminEmail()
                : "webmaster@" + config.baseUrl().getHost().toLowerCase(Locale.ROOT);
    }

    /** @param texts rendered Markdown by page path, for the description of documents without a summary */
    public byte[] write(Map<String, RenderedMarkdown> texts) {
        List<Page> documents = documents(library);
        if (documents.isEmpty()) throw new IllegalStateException("no citable dated document: oai.xml is not written");
        LocalDate earliest = documents.stream().map(OaiRepository::datestamp).min(Comparator.naturalOrder()).orElseThrow();
        StringBuilder x = new StringBuilder(2048 + 2048 * documents.size());
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<Repository xmlns=\"http://www.openarchives.org/OAI/2.0/static-repository\"\n");
        x.append("            xmlns:oai=\"http://www.openarchives.org/OAI/2.0/\"\n");
        x.append("            xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
        x.append("            xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/static-repository"
                + " http://www.openarchives.org/OAI/2.0/static-repository.xsd\">\n");
        x.append("  <Identify>\n");
        element(x, "    ", "oai:repositoryName", null, config.title().in(config.defaultLanguage(), config.defaultLanguage()));
        element(x, "    ", "oai:baseURL", null, baseUrl(config));
        element(x, "    ", "oai:protocolVersion", null, "2.0");
        element(x, "    ", "oai:adminEmail", null, adminEmail(config));
        element(x, "    ", "oai:earliestDatestamp", null, earliest.toString());
        element(x, "    ", "oai:deletedRecord", null, "no");
        element(x, "    ", "oai:granularity", null, "YYYY-MM-DD");
        x.append("  </Identify>\n");
        x.append("  <ListMetadataFormats>\n");
        x.append("    <oai:metadataFormat>\n");
        element(x, "      ", "oai:metadataPrefix", null, "oai_dc");
        element(x, "      ", "oai:schema", null, OAI_DC_SCHEMA);
        element(x, "      ", "oai:metadataNamespace", null, OAI_DC_NS);
        x.append("    </oai:metadataFormat>\n");
        x.append("  </ListMetadataFormats>\n");
        x.append("  <ListRecords metadataPrefix=\"oai_dc\">\n");
        for (Page p : documents) record(x, p, texts.get(p.path()));
        x.append("  </ListRecords>\n");
        x.append("</Repository>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void record(StringBuilder x, Page p, RenderedMarkdown body) {
        String lang = p.language();
        x.append("    <oai:record>\n");
        x.append("      <oai:header>\n");
        element(x, "        ", "oai:identifier", null, identifier(config, p));
        element(x, "        ", "oai:datestamp", null, datestamp(p).toString());
        x.append("      </oai:header>\n");
        x.append("      <oai:metadata>\n");
        // Declared on each record, as the specification's example does: a gateway hands records out one by one.
        x.append("        <oai_dc:dc xmlns:oai_dc=\"").append(OAI_DC_NS).append("\" xmlns:dc=\"").append(DC_NS)
                .append("\"\n                   xsi:schemaLocation=\"").append(OAI_DC_NS).append(' ').append(OAI_DC_SCHEMA).append("\">\n");
        String in = "          ";
        element(x, in, "dc:title", lang, p.title());
        for (String creator : Citable.creators(p)) element(x, in, "dc:creator", null, creator);
        for (String taxonomy : SUBJECTS) for (String label : labels(p, taxonomy)) element(x, in, "dc:subject", lang, label);
        String description = p.summary() != null && !p.summary().isBlank() ? p.summary()
                : body == null || body.excerpt().isBlank() ? null : body.excerpt();
        if (description != null) element(x, in, "dc:description", lang, description);
        element(x, in, "dc:publisher", null, Citable.publisher(p).orElse(config.title().in(lang, config.defaultLanguage())));
        if (Feeds.published(p) != null) element(x, in, "dc:date", null, day(Feeds.published(p)).toString());
        // DCMI Type Vocabulary for harvesters, then the library's own type in the document's language.
        element(x, in, "dc:type", null, "Text");
        element(x, in, "dc:type", lang, messages.label(lang, "type", p.type()));
        element(x, in, "dc:format", null, "text/html");
        element(x, in, "dc:identifier", null, urls.absolute(p.path()));
        Citable.doi(p).ifPresent(doi -> element(x, in, "dc:identifier", null, "https://doi.org/" + doi));
        Citable.isbn(p).ifPresent(isbn -> element(x, in, "dc:identifier", null, "urn:isbn:" + isbn));
        element(x, in, "dc:language", null, lang);
        for (String url : translations(p)) element(x, in, "dc:relation", null, url);
        for (String url : attachments(p)) element(x, in, "dc:relation", null, url);
        for (String label : labels(p, COVERAGE)) element(x, in, "dc:coverage", lang, label);
        if (config.oai().rights() != null) {
            String rights = config.oai().rights().in(lang, config.defaultLanguage());
            if (!rights.isBlank()) element(x, in, "dc:rights", lang, rights);
        }
        x.append("        </oai_dc:dc>\n");
        x.append("      </oai:metadata>\n");
        x.append("    </oai:record>\n");
    }

    /** The labels of a document's terms in its language ("Open data", not "open-data"). */
    private List<String> labels(Page p, String taxonomy) {
        if (!config.taxonomies().contains(taxonomy)) return List.of();
        List<String> out = new ArrayList<>();
        for (String raw : p.terms().getOrDefault(taxonomy, List.of())) {
            String label = library.term(taxonomy, raw, p.language()).map(Term::label).orElse(raw);
            if (!label.isBlank() && !out.contains(label)) out.add(label);
        }
        return out;
    }

    /** The URLs of the document's other language versions (never fallbacks), in the site's language order. */
    private List<String> translations(Page p) {
        List<String> out = new ArrayList<>();
        var group = library.groupOf(p);
        if (group == null) return out;
        for (LanguageConfig l : config.languages()) {
            if (l.code().equals(p.language())) continue;
            group.in(l.code()).filter(t -> t.document() != null).ifPresent(t -> out.add(urls.absolute(t.path())));
        }
        return out;
    }

    /** The URLs of the attachments that exist (a missing one is the build's error, reported elsewhere). */
    private List<String> attachments(Page p) {
        List<String> out = new ArrayList<>();
        for (var a : p.document().frontMatter().attachments()) {
            Optional<StaticFile> file = SitePath.resolve(p.document().source().relDir(), a.file()).map(files::get);
            file.ifPresent(f -> out.add(urls.absolute("/" + f.outputPath())));
        }
        return out;
    }

    private static LocalDate day(PageDate d) {
        return d.instant() != null ? d.instant().atZone(ZoneOffset.UTC).toLocalDate() : d.date();
    }

    private static void element(StringBuilder x, String indent, String name, String lang, String text) {
        x.append(indent).append('<').append(name);
        if (lang != null) x.append(" xml:lang=\"").append(Xml.escape(lang)).append('"');
        x.append('>').append(Xml.escape(text == null ? "" : text)).append("</").append(name).append(">\n");
    }
}
