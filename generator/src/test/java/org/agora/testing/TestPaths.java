package org.agora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the repository, its bundled site, the fixture sites and the shared corpora are. */
public final class TestPaths {

    private TestPaths() {}

    /** The repository root: the folder with site-config.yml and generator/. */
    public static Path repoRoot() {
        String prop = System.getProperty("agora.repoRoot");
        if (prop != null && isRoot(Path.of(prop))) return Path.of(prop).toAbsolutePath().normalize();
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !isRoot(p)) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        return p;
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve("site-config.yml")) && Files.isDirectory(p.resolve("generator"));
    }

    /** ../shared/corpora/NAME beside the repository. */
    public static Path corpus(String name) {
        return repoRoot().resolveSibling("shared").resolve("corpora").resolve(name);
    }

    /** The osmbe corpus as a site in {@code parent}/osmbe (see {@link RealCorpus#site}). */
    public static Path osmbeSite(Path parent) {
        return RealCorpus.OSMBE.site(parent);
    }

    /** A fixture site from src/test/resources/sites, copied so its output can be written beside it. */
    public static Path fixtureSite(String name, Path into) {
        Path source = repoRoot().resolve("generator/src/test/resources/sites").resolve(name);
        if (!Files.isDirectory(source)) throw new IllegalArgumentException("no fixture site " + source);
        copyTree(source, into);
        return into;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
