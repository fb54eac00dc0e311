package org.agora.testing;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
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
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            // Only our copies: anything else the schemas asked for would be a fetch from the network, which must fail.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setResourceResolver(LocalSchemas.resolver(LOCAL, Harvesting::resource));
            oaiSchema = factory.newSchema(new StreamSource[] {
                    new StreamSource(resource("oai/static-repository.xsd").toExternalForm()),
                    new StreamSource(resource("oai/oai_dc.xsd").toExternalForm())});
            return oaiSchema;
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the OAI schemas: " + e.getMessage(), e);
        }
    }

    /** Every schema error of an OAI static repository file ("oai.xml:12:7: ..."), or none. */
    public static List<String> oaiErrors(Path file) {
        List<String> errors = new ArrayList<>();
        Validator v = oaiSchema().newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(collector(file, errors));
            v.validate(new StreamSource(file.toFile()));
        } catch (SAXException e) {
            if (errors.isEmpty()) errors.add(file.getFileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

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
            props.put(ValidateProperty.ERROR_HANDLER, collector(feed, errors));
            ValidationDriver driver = new ValidationDriver(props.toPropertyMap(), CompactSchemaReader.getInstance());
            if (!driver.loadSchema(new InputSource(resource("atom/atom.rnc").toExternalForm()))) {
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

    public static org.w3c.dom.Document parse(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static ErrorHandler collector(Path file, List<String> errors) {
        return new ErrorHandler() {
            public void warning(SAXParseException e) {}
            public void error(SAXParseException e) {
                errors.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
            public void fatalError(SAXParseException e) { error(e); }
        };
    }

    private static URL resource(String name) {
        URL url = Harvesting.class.getResource("/schemas/" + name);
        if (url == null) throw new IllegalStateException("missing test resource /schemas/" + name);
        return url;
    }
}
