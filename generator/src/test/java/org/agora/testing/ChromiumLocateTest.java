package org.agora.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the browser tests find Chromium and chromedriver: CHROMIUM/CHROMEDRIVER, fixed paths, then PATH. */
class ChromiumLocateTest {

    @TempDir
    Path temp;

    @Test
    void theVariableWinsThenTheFixedPathsThenPath() throws IOException {
        Path fixed = tool("fixed/chromium");
        Path onPath = tool("bin/google-chrome");
        Path named = tool("named/my-chromium");
        List<String> candidates = List.of(temp.resolve("missing/chromium").toString(), "chromium", "google-chrome",
                fixed.toString());
        String path = temp.resolve("empty") + File.pathSeparator + onPath.getParent();

        assertEquals(named, Chromium.locate("CHROMIUM", "Chromium", candidates, Map.of("CHROMIUM", named.toString(),
                "PATH", path)));
        assertEquals(onPath, Chromium.locate("CHROMIUM", "Chromium", candidates, Map.of("CHROMIUM", "google-chrome",
                "PATH", path)));
        // Unset or empty: the first candidate found, an absolute path or a command on PATH, in the given order.
        assertEquals(onPath, Chromium.locate("CHROMIUM", "Chromium", candidates, Map.of("PATH", path)));
        assertEquals(onPath, Chromium.locate("CHROMIUM", "Chromium", candidates, Map.of("CHROMIUM", "", "PATH", path)));
        assertEquals(fixed, Chromium.locate("CHROMIUM", "Chromium", candidates, Map.of("PATH", temp.resolve("empty").toString())));
    }

    @Test
    void whatIsMissingIsSaid() throws IOException {
        Path notExecutable = temp.resolve("chromium");
        Files.writeString(notExecutable, "");
        // A variable naming no executable fails, rather than silently testing another browser.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chromium.locate("CHROMIUM",
                "Chromium", List.of(tool("other/chromium").toString()), Map.of("CHROMIUM", notExecutable.toString())));
        assertTrue(e.getMessage().startsWith("CHROMIUM=" + notExecutable + " is not an executable file"), e.getMessage());

        e = assertThrows(IllegalStateException.class, () -> Chromium.locate("CHROMEDRIVER", "chromedriver",
                List.of("/nonexistent/chromedriver", "chromedriver"), Map.of("PATH", temp.toString())));
        assertTrue(e.getMessage().contains("chromedriver was not found (CHROMEDRIVER unset; looked at"
                + " /nonexistent/chromedriver, chromedriver on PATH"), e.getMessage());
    }

    private Path tool(String name) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
