package org.agora.cli;

import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ./agora launcher, run as a user runs it, against fake JDKs (folders with a release file and bin/java). */
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
        fakeJdk("jdk-11", "11.0.2", true, "exit 0");
        // A recent Java without javac is a runtime: it cannot build Agora.
        fakeJdk("jre-25", "25", false, "exit 0");

        Result r = run(TestPaths.repoRoot().resolve("agora"), Map.of("AGORA_JDK_DIRS", jvm()), "build");
        assertEquals(3, r.exit(), r.output());
        assertTrue(r.output().contains("needs a JDK 21 or newer"), r.output());
        // What it found and why each one does not do, so that the user knows exactly what is missing.
        assertTrue(r.output().contains(jvm() + "/jdk-17: Java 17, older than 21"), r.output());
        assertTrue(r.output().contains(jvm() + "/jdk-11: Java 11, older than 21"), r.output());
        assertTrue(r.output().contains(jvm() + "/jre-25: Java 25 without javac"), r.output());
        assertTrue(r.output().contains("Looked at $AGORA_JAVA_HOME, $JAVA_HOME and in " + jvm() + "."), r.output());
    }

    @Test
    void picksTheNewestJdk21OrLater() throws Exception {
        fakeJdk("jdk-17", "17.0.12", true, "exit 0");
        fakeJdk("jdk-21", "21.0.5", true, "exit 0");
        fakeJdk("jdk-25", "25", true, "exit 0");
        fakeJdk("jre-26", "26", false, "exit 0");
        // One without a release file, whose java says its version when asked.
        Path noRelease = temp.resolve("jvm/jdk-22/bin");
        Files.createDirectories(noRelease);
        fakeTool(noRelease.resolve("java"), "echo '    java.specification.version = 22' >&2");
        fakeTool(noRelease.resolve("javac"), "exit 0");
        // And a broken one, which must not stop the search.
        Path broken = temp.resolve("jvm/jdk-broken/bin");
        Files.createDirectories(broken);
        fakeTool(broken.resolve("java"), "echo 'Error: dl failure' >&2; exit 1");
        fakeTool(broken.resolve("javac"), "exit 0");

        Result r = run(TestPaths.repoRoot().resolve("agora"),
                Map.of("AGORA_JDK_DIRS", jvm(), "AGORA_PRINT_JDK", "1"));
        assertEquals(0, r.exit(), r.output());
        assertEquals(jvm() + "/jdk-25", r.output().strip());

        // JAVA_HOME naming an older JDK 21+ does not win over a newer one.
        r = run(TestPaths.repoRoot().resolve("agora"),
                Map.of("AGORA_JDK_DIRS", jvm() + "/none:" + jvm(), "AGORA_PRINT_JDK", "1", "JAVA_HOME", jvm() + "/jdk-21"));
        assertEquals(jvm() + "/jdk-25", r.output().strip());

        // Without the 25, the 22 that has no release file.
        deleteTree(temp.resolve("jvm/jdk-25"));
        r = run(TestPaths.repoRoot().resolve("agora"), Map.of("AGORA_JDK_DIRS", jvm(), "AGORA_PRINT_JDK", "1"));
        assertEquals(jvm() + "/jdk-22", r.output().strip());
    }

    @Test
    void mavenBuildsWithTheJdkTheLauncherFound() throws Exception {
        // A copy of the launcher in a folder without a jar, so that it builds: with the fake mvn below.
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo);
        Files.copy(TestPaths.repoRoot().resolve("agora"), repo.resolve("agora"));
        Path jar = repo.resolve("generator/target/agora.jar");
        Path mavenSaw = temp.resolve("maven-saw");
        Path javaRan = temp.resolve("java-ran");
        Path bin = temp.resolve("bin");
        Files.createDirectories(bin);
        fakeTool(bin.resolve("mvn"), "echo \"$JAVA_HOME\" > '" + mavenSaw + "'\n"
                + "mkdir -p '" + jar.getParent() + "' && echo jar > '" + jar + "'");
        fakeJdk("jdk-21", "21.0.5", true, "exit 0");
        fakeJdk("jdk-25", "25.0.1", true, "echo \"$*\" >> '" + javaRan + "'");

        // A java on PATH (the machine's own, whatever its version) and a JAVA_HOME naming the older JDK: Maven
        // must still get the JDK the launcher chose.
        Result r = run(repo.resolve("agora"), Map.of("AGORA_JDK_DIRS", jvm(), "JAVA_HOME", jvm() + "/jdk-21",
                "PATH", bin + File.pathSeparator + System.getenv("PATH")), "build", "--site", "x y");
        assertEquals(0, r.exit(), r.output());
        assertEquals(jvm() + "/jdk-25", Files.readString(mavenSaw).strip(), r.output());
        List<String> runs = Files.readAllLines(javaRan);
        assertTrue(runs.getLast().endsWith("-jar " + jar + " build --site x y"), runs.toString());
    }

    private record Result(int exit, String output) {}

    /** Runs a launcher without the machine's JAVA_HOME or AGORA_JAVA_HOME, with {@code env} added. */
    private static Result run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("AGORA_JAVA_HOME");
        pb.environment().remove("AGORA_PRINT_JDK");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        return new Result(p.exitValue(), output);
    }

    private String jvm() { return temp.resolve("jvm").toString(); }

    /** A JDK folder as real JDKs have it: a release file saying the version, bin/java and, for a JDK, bin/javac. */
    private void fakeJdk(String name, String version, boolean javac, String javaBody) throws IOException {
        Path home = temp.resolve("jvm").resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        fakeTool(home.resolve("bin/java"), javaBody);
        if (javac) fakeTool(home.resolve("bin/javac"), "exit 0");
    }

    private static void fakeTool(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
