package org.agora.testing;

import org.agora.files.FileTrees;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled e-library (the repository's own content/, site-config.yml and theme) built once for the whole test
 * run, for the tests that only read its output; a test that changes the site or its output builds its own copy.
 */
public final class BundledSite {

    /** The build, its output folder and that folder read as a reader's browser would get it. */
    public record Build(BuildResult result, Path out, OutputSite site) {}

    private static Build build;

    private BundledSite() {}

    public static synchronized Build built() {
        if (build == null) {
            Path root;
            try {
                root = Files.createTempDirectory("agora-bundled-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(root)));
            Path out = root.resolve("out");
            BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(TestPaths.repoRoot(), out, false));
            build = new Build(result, out, new OutputSite(out, "/elibrary/"));
        }
        return build;
    }
}
