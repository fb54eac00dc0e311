package org.agora.testing;

import org.agora.serve.PreviewServer;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A site built into a folder and served by the preview server under its base path, as the browser tests
 * need it; the build must succeed.
 * @param base the served site's address, base path included
 */
public record ServedSite(OutputSite output, PreviewServer server, URI base) implements AutoCloseable {

    public static ServedSite build(Path siteDir, Path out, String basePath) {
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(siteDir, out, false));
        if (!result.success()) throw new AssertionError("the site did not build: " + result.diagnostics().sorted());
        try {
            PreviewServer server = new PreviewServer(out, basePath, 0);
            return new ServedSite(new OutputSite(out, basePath), server, server.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code search.packs} in a copy of the bundled site, whose site-config.yml has a {@code search:} block. */
    public static void setSearchPacks(Path site, String packs) {
        Path config = site.resolve("site-config.yml");
        try {
            String yaml = Files.readString(config);
            if (!yaml.contains("\nsearch:\n")) throw new IllegalStateException("no search: block in " + config);
            Files.writeString(config, yaml.replace("\nsearch:\n", "\nsearch:\n  packs: " + packs + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bundled e-library (configuration, content, data, themes) in {@code into}, to change before building. */
    public static Path copyOfBundled(Path into) {
        Path repo = TestPaths.repoRoot();
        try {
            Files.createDirectories(into);
            Files.copy(repo.resolve("site-config.yml"), into.resolve("site-config.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String folder : new String[] {"content", "data", "themes"}) {
            TestPaths.copyTree(repo.resolve(folder), into.resolve(folder));
        }
        return into;
    }

    @Override
    public void close() { server.close(); }
}
