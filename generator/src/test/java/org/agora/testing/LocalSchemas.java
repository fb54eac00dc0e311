package org.agora.testing;

import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * XML schemas validated offline: the schemas are the copies in src/test/resources/schemas, their imports resolve to
 * local copies, anything else is refused rather than fetched. And XML files read back, well-formed or failing.
 */
final class LocalSchemas {

    private static final String SCHEMAS = "/schemas/";

    private LocalSchemas() {}

    /** A local copy of a schema: its name under src/test/resources/schemas. */
    static URL resource(String name) {
        URL url = LocalSchemas.class.getResource(SCHEMAS + name);
        if (url == null) throw new IllegalStateException("missing test resource " + SCHEMAS + name);
        return url;
    }

    /**
     * One schema of these local copies.
     *
     * @param local system id an import names → the local copy's name
     */
    static Schema schema(Map<String, String> local, String... files) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            // Only our local copies: any other import or DTD would be a fetch from the network, which must fail.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setResourceResolver(resolver(local));
            return factory.newSchema(Arrays.stream(files)
                    .map(f -> new StreamSource(resource(f).toExternalForm())).toArray(StreamSource[]::new));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the schemas " + List.of(files) + ": " + e.getMessage(), e);
        }
    }

    /** @param local system id an import names → the local copy's name */
    private static LSResourceResolver resolver(Map<String, String> local) {
        DOMImplementationLS ls;
        try {
            ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (type, namespace, publicId, systemId, baseUri) -> {
            String copy = systemId == null ? null : local.get(systemId);
            if (copy == null) throw new IllegalStateException("the schemas ask for " + systemId + ", which has no local copy");
            URL url = resource(copy);
            LSInput input = ls.createLSInput();
            input.setSystemId(url.toExternalForm());
            input.setPublicId(publicId);
            try {
                input.setByteStream(url.openStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return input;
        };
    }

    /** Every schema error of one file ("sitemap.xml:12:7: ..."), or none. */
    static List<String> errors(Path file, Schema schema) {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(collector(file.getFileName(), errors));
            v.validate(new StreamSource(file.toFile()));
        } catch (SAXException e) {
            if (errors.isEmpty()) errors.add(file.getFileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** Adds each error and fatal error to {@code errors} as "name:line:column: message"; warnings pass. */
    static ErrorHandler collector(Object name, List<String> errors) {
        return new ErrorHandler() {
            public void warning(SAXParseException e) {}
            public void error(SAXParseException e) {
                errors.add(name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
            public void fatalError(SAXParseException e) { error(e); }
        };
    }

    /** The file as a namespace-aware DOM, with no DTD allowed; a file that is not well-formed fails the test. */
    static Document parse(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
