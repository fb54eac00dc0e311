package org.agora.testing;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.model.Library;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Hugo sites of {@code ../shared/corpora/}, each with the settings of ours that say what its Hugo
 * config says ({@code src/test/resources/corpora/<name>/site-config.yml}, and {@code hugo.toml} for Hugo itself).
 * Their content is copied to a temporary folder at run time, never into the repository.
 *
 * <p>{@link #built()} builds a corpus once per test run (the JVM): the corpus test, the URL parity test and
 * the known-item search test all read the same output, so three corpora cost three builds.
 */
public enum RealCorpus {
    /** OpenStreetMap Belgium: languages by file suffix, ugly URLs, dated permalinks for posts. */
    OSMBE("osmbe-website"),
    /** The Helm docs: a content folder per language, English at the root, /:filename/ for code/. */
    HELM("helm-docs"),
    /** Power On (Docsy): a content folder per language, every language in its subfolder, translated file names. */
    POWERON("poweron-ipa");

    /** The corpus's folder in ../shared/corpora/. */
    private final String folder;

    RealCorpus(String folder) { this.folder = folder; }

    /** Our short name, the constant's in lower case: the folder of its settings under src/test/resources/corpora/. */
    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

    @Override
    public String toString() { return id(); }

    /** The corpus itself: ../shared/corpora/FOLDER, with content/, SOURCE.md and translation-groups.tsv. */
    public Path source() {
        Path corpus = TestPaths.corpus(folder);
        if (!Files.isDirectory(corpus.resolve("content"))) {
            throw new IllegalStateException("the shared corpus must be beside the repository: " + corpus);
        }
        return corpus;
    }

    /** Our settings for it: site-config.yml and hugo.toml. */
    public Path resources() {
        return TestPaths.repoRoot().resolve("generator/src/test/resources/corpora").resolve(id());
    }

    /**
     * The corpus as an Agora site in {@code parent}/ID: our site-config.yml beside a copy of its content (a link
     * would lead out of the site folder, which Agora refuses), the corpus untouched.
     */
    public Path site(Path parent) {
        Path site = parent.resolve(id());
        try {
            Files.createDirectories(site);
            Files.copy(resources().resolve("site-config.yml"), site.resolve("site-config.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPaths.copyTree(source().resolve("content"), site.resolve("content"));
        return site;
    }

    /** The rows of translation-groups.tsv (header first): one file per language column, "" when missing. */
    public List<List<String>> translationGroups() {
        try {
            List<List<String>> rows = new ArrayList<>();
            for (String line : Files.readAllLines(source().resolve("translation-groups.tsv"))) {
                if (!line.isBlank()) rows.add(List.of(line.split("\t", -1)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- one build per test run --------------------------------------------------------------------------

    /**
     * A corpus built by {@link SiteBuilder} as {@code agora build} does.
     * @param failure what the build threw (an internal error: exit code 3), or null
     */
    public record Build(RealCorpus corpus, Path site, Path out, BuildResult result, Throwable failure) {

        /** The output read back as pages; the site is built for a base URL at the root of its host. */
        public OutputSite output() { return new OutputSite(out, "/"); }

        /** The site's settings as Agora read them. */
        public SiteConfig config() {
            return new ConfigLoader().load(site, new Diagnostics()).orElseThrow();
        }

        /** The site's languages, in its order. */
        public List<String> languages() { return config().languageCodes(); }

        /** The library (pages, translation groups) the build made. */
        public Library library() { return result.library(); }

        /** Fails unless the build read the site into a library (even with errors in its content). */
        public Build requireLibrary() {
            if (failure != null) throw new AssertionError(corpus + ": the build failed with an internal error", failure);
            if (result.library() == null) throw new AssertionError(corpus + ": the site's settings could not be read: "
                    + result.diagnostics().sorted().stream().map(d -> d.format(site)).toList());
            return this;
        }

        /** Fails, with what went wrong, unless the build succeeded: for tests that read its output. */
        public Build requireOutput() {
            if (failure != null) throw new AssertionError(corpus + ": the build failed with an internal error", failure);
            if (!result.success()) {
                throw new AssertionError(corpus + ": the build failed, so there is no output to check:\n" + String.join("\n",
                        result.diagnostics().sorted().stream().filter(org.agora.diag.Diagnostic::isError).limit(20)
                                .map(d -> d.format(site)).toList()));
            }
            return this;
        }

        /** The search index folder of a language, in the build cache. */
        public Path searchIndex(String language) {
            return org.agora.site.SiteSearchCache.root(BuildOptions.defaultCache(site)).resolve(language);
        }
    }

    private static final Map<RealCorpus, Build> BUILDS = new EnumMap<>(RealCorpus.class);
    private static Path buildRoot;

    /** This corpus built once for the whole test run, into a temporary folder deleted when the JVM exits. */
    public synchronized Build built() {
        Build build = BUILDS.get(this);
        if (build == null) {
            Path site = site(root());
            Path out = root().resolve(id() + "-out");
            BuildResult result = null;
            Throwable failure = null;
            try {
                result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, out, false));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            build = new Build(this, site, out, result, failure);
            BUILDS.put(this, build);
        }
        return build;
    }

    private static synchronized Path root() {
        if (buildRoot == null) {
            try {
                buildRoot = Files.createTempDirectory("agora-corpora-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path root = buildRoot;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        }
        return buildRoot;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
