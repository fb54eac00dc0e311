package org.agora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility checker, from the npm registry at the version that
 * {@code generator/src/test/js/package-lock.json} pins. {@code npm ci} installs it into
 * {@code generator/target/node/} when it is missing or the lock file changed (./run-tests does the same up
 * front). The test hands its source to the page: no browser ever fetches it from a CDN.
 */
public final class AxeCore {

    private static final String[] MANIFESTS = {"package.json", "package-lock.json"};

    private AxeCore() {}

    /** The source of axe.min.js, installing it first if needed. */
    public static String source() {
        Path from = TestPaths.repoRoot().resolve("generator/src/test/js");
        Path into = TestPaths.repoRoot().resolve("generator/target/node");
        Path script = into.resolve("node_modules/axe-core/axe.min.js");
        try {
            if (!Files.isRegularFile(script) || !sameFile(from.resolve("package-lock.json"), into.resolve("package-lock.json"))) {
                install(from, into);
            }
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        return Files.isRegularFile(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    private static void install(Path from, Path into) throws IOException {
        Files.createDirectories(into);
        for (String name : MANIFESTS) Files.copy(from.resolve(name), into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Path log = into.resolve("npm-ci.log");
        // --ignore-scripts: nothing from the registry runs on this machine; axe-core needs no install step.
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(into.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p;
        try {
            p = npm.start();
        } catch (IOException e) {
            throw new IllegalStateException("npm must be on PATH to install axe-core for the accessibility test: " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within 5 minutes in " + into);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while npm ci ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + into + " (exit " + p.exitValue() + "):\n" + Files.readString(log));
        }
    }
}
