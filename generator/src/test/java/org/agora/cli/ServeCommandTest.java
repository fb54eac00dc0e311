package org.agora.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview's command line: where it listens and which names it answers to (the serving itself: PreviewServerTest). */
class ServeCommandTest {

    @TempDir
    Path temp;

    @Test
    void itListensOnLoopbackUnlessToldOtherwise() {
        assertEquals("127.0.0.1", new ServeCommand().bind);
    }

    @Test
    void aMalformedAllowedHostIsAUsageErrorBeforeAnyBuild() {
        for (String bad : new String[]{"http://laptop.local/", "laptop local", "laptop.local:http", ""}) {
            Run r = Run.run("serve", "--site", temp.toString(), "--allow-host", bad);
            assertEquals(ExitCodes.USAGE, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--allow-host '" + bad + "' is not a host name"), r.err());
        }
    }
}
