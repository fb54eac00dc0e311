package org.agora.testing;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Function;

/** XML schemas validated offline: their imports resolve to local copies, anything else is refused rather than fetched. */
final class LocalSchemas {

    private LocalSchemas() {}

    /**
     * @param local system id an import names → the local copy's name
     * @param resource a local copy's name → its URL among the test resources
     */
    static LSResourceResolver resolver(Map<String, String> local, Function<String, URL> resource) {
        return (type, namespace, publicId, systemId, baseUri) -> {
            String copy = systemId == null ? null : local.get(systemId);
            if (copy == null) throw new IllegalStateException("the schemas ask for " + systemId + ", which has no local copy");
            return new Input(resource.apply(copy).toExternalForm(), publicId);
        };
    }

    private record Input(String systemId, String publicId) implements LSInput {
        public Reader getCharacterStream() { return null; }
        public void setCharacterStream(Reader r) {}
        public InputStream getByteStream() {
            try {
                return new URL(systemId).openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        public void setByteStream(InputStream s) {}
        public String getStringData() { return null; }
        public void setStringData(String s) {}
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) {}
        public String getPublicId() { return publicId; }
        public void setPublicId(String s) {}
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) {}
        public String getEncoding() { return null; }
        public void setEncoding(String s) {}
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) {}
    }
}
