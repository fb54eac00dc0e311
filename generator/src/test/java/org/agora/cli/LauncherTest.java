package org.agora.cli;

import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ./agora launcher, run as a user runs it. */
class LauncherTest {

    @TempDir
    Path temp;

    @Test
    void withoutAJdk21ItSaysSoAndStops() throws Exception {
        // A JDK folder holding only an old Java: the launcher must not pick it.
        Path old = temp.resolve("jvm/jdk-17/bin");
        Files.createDirectories(old);
        fakeTool(old.resolve("java"), "echo '    java.specification.version = 17' >&2");
        fakeTool(old.resolve("javac"), "exit 0");
        // And one that says its version in a release file, as real JDKs do.
        Path older = temp.resolve("jvm/jdk-11/bin");
        Files.createDirectories(older);
        fakeTool(older.resolve("java"), "exit 0");
        fakeTool(older.resolve("javac"), "exit 0");
        Files.writeString(temp.resolve("jvm/jdk-11/release"), "JAVA_VERSION=\"11.0.2\"\n");

        ProcessBuilder pb = new ProcessBuilder(TestPaths.repoRoot().resolve("agora").toString(), "build")
                .redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("AGORA_JAVA_HOME");
        pb.environment().put("AGORA_JDK_DIRS", temp.resolve("jvm").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), output);
        assertTrue(output.contains("needs a JDK 21 or newer"), output);
    }

    private static void fakeTool(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
