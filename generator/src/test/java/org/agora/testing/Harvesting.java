package org.agora.testing;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.validation.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files aggregators harvest, checked against their published schemas with no network: oai.xml against the OAI
 * static repository schema (with the restricted OAI-PMH, oai_dc and Simple DC schemas it pulls in), and each Atom
 * feed against RFC 4287's RELAX NG schema plus the RFC's rules that schema leaves to Schematron or to prose.
 * The schemas are the copies in src/test/resources/schemas (README.md there says where each comes from).
 */
public final class Harvesting {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";

    /** Every import and redefine the OAI schemas make, answered with a local copy. */
    private static final Map<String, String> LOCAL = Map.of(
            "http://www.openarchives.org/OAI/2.0/OAI-PMH-static-repository.xsd", "oai/OAI-PMH-static-repository.xsd",
            "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd", "oai/OAI-PMH.xsd",
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "oai/oai_dc.xsd",
            "http://dublincore.org/schemas/xmls/simpledc20021212.xsd", "oai/simpledc20021212.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "xml.xsd",
            "http://www.w3.org/2001/xml.xsd", "xml.xsd");

    private static Schema oaiSchema;

    private Harvesting() {}

    /** The static repository schema, with oai_dc loaded too: OAI-PMH validates a record's metadata strictly. */
    public static synchronized Schema oaiSchema() {
        if (oaiSchema != null) return oaiSchema;
        oaiSchema = LocalSchemas.schema(LOCAL, "oai/static-repository.xsd", "oai/oai_dc.xsd");
        return oaiSchema;
    }

    /** Every schema error of an OAI static repository file ("oai.xml:12:7: ..."), or none. */
    public static List<String> oaiErrors(Path file) { return LocalSchemas.errors(file, oaiSchema()); }

    /** Every Atom feed a built site holds: each XML file whose root is atom:feed, in path order. */
    public static List<Path> feeds(Path out) {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted().filter(p -> {
                        Element root = parse(p).getDocumentElement();
                        return ATOM.equals(root.getNamespaceURI()) && "feed".equals(root.getLocalName());
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with one Atom feed: errors against RFC 4287's RELAX NG schema (Appendix B), then the rules
     * that schema cannot check: its two Schematron rules (a feed has an author or each entry has one; each entry
     * has an alternate link or content), and section 4.1.1's "should" that a feed links to itself (rel=self).
     * Ids must be unique within the feed too, or readers merge entries.
     */
    public static List<String> atomErrors(Path feed) {
        List<String> errors = new ArrayList<>();
        String name = feed.toString();
        try {
            PropertyMapBuilder props = new PropertyMapBuilder();
            props.put(ValidateProperty.ERROR_HANDLER, LocalSchemas.collector(feed, errors));
            ValidationDriver driver = new ValidationDriver(props.toPropertyMap(), CompactSchemaReader.getInstance());
            if (!driver.loadSchema(new InputSource(LocalSchemas.resource("atom/atom.rnc").toExternalForm()))) {
                throw new IllegalStateException("cannot load atom.rnc: " + errors);
            }
            driver.validate(new InputSource(feed.toUri().toString()));
        } catch (SAXException e) {
            if (errors.isEmpty()) errors.add(name + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element root = parse(feed).getDocumentElement();
        boolean feedAuthor = !children(root, "author").isEmpty();
        if (children(root, "link").stream().noneMatch(l -> "self".equals(l.getAttribute("rel")))) {
            errors.add(name + ": the feed has no link rel=\"self\"");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Element entry : children(root, "entry")) {
            String id = children(entry, "id").stream().map(Element::getTextContent).findFirst().orElse("");
            for (String required : List.of("id", "title", "updated")) {
                if (children(entry, required).size() != 1) errors.add(name + ": entry " + id + " has no single atom:" + required);
            }
            if (!ids.add(id)) errors.add(name + ": two entries have the id " + id);
            if (!feedAuthor && children(entry, "author").isEmpty()) {
                errors.add(name + ": entry " + id + " has no author, and neither has the feed");
            }
            boolean alternate = children(entry, "link").stream()
                    .anyMatch(l -> !l.hasAttribute("rel") || "alternate".equals(l.getAttribute("rel")));
            if (!alternate && children(entry, "content").isEmpty()) {
                errors.add(name + ": entry " + id + " has neither an alternate link nor content");
            }
        }
        return errors;
    }

    /** The Atom children of an element with this local name. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    public static org.w3c.dom.Document parse(Path file) { return LocalSchemas.parse(file); }
}
