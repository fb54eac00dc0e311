package org.agora.cite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The styles Agora ships are the CSL project's, byte for byte, at the release the pom names: the styles jar
 * (org.citationstyles:styles, 13 MB) is a test dependency only, so that upgrading it shows which style changed.
 */
class CslStylesTest {

    @Test
    void shippedStylesAreTheCslProjectsOwn() throws IOException {
        for (References.Style style : References.Style.values()) {
            byte[] ours = read(References.STYLES + style.csl + ".csl");
            byte[] theirs = read("/" + style.csl + ".csl"); // the root of the styles jar
            assertNotNull(ours, style.csl + " is missing from " + References.STYLES);
            assertNotNull(theirs, style.csl + " is not in org.citationstyles:styles");
            assertArrayEquals(theirs, ours, style.csl + ".csl differs from the styles jar's: copy it from there into "
                    + "src/main/resources" + References.STYLES);
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = CslStylesTest.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
