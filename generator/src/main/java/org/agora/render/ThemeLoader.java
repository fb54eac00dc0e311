package org.agora.render;

import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.files.SiteFolder;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the site's theme: themes/&lt;name&gt; in the site, else the default theme bundled in the
 * generator, so a site needs no theme folder of its own. Close it to release the jar's file system.
 */
public final class ThemeLoader implements AutoCloseable {

    private static final String BUNDLED = "/agora/themes/";
    private FileSystem jarFileSystem;

    public Optional<Theme> load(SiteConfig config, Diagnostics diagnostics) {
        Path local = config.siteDir().resolve("themes").resolve(config.theme());
        if (Files.isDirectory(local.resolve("templates"))) return inside(new Theme(config.theme(), local, config.siteDir()), false, config, diagnostics);
        Optional<Path> bundled = bundled(config.theme());
        if (bundled.isPresent()) return inside(new Theme(config.theme(), bundled.get(), config.siteDir()), true, config, diagnostics);
        diagnostics.error(SourcePosition.of(config.configFile()), "theme '" + config.theme() + "' not found: no "
                        + config.siteDir().relativize(local) + "/templates folder and no bundled theme of that name",
                "create the theme folder or remove the theme: setting to use the default theme");
        return Optional.empty();
    }

    /**
     * The theme, when none of its files, nor the site's layouts/, i18n/ and assets/, is a link out of the site
     * folder: a template or asset linked to /etc/passwd would otherwise be printed into every page.
     */
    private static Optional<Theme> inside(Theme theme, boolean bundled, SiteConfig config, Diagnostics diagnostics) {
        SiteFolder site = SiteFolder.of(config.siteDir());
        long before = diagnostics.errorCount();
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        dirs.addAll(theme.templateDirs());
        dirs.addAll(theme.i18nDirs());
        dirs.addAll(theme.assetDirs());
        // The bundled theme is Agora's own (in its jar, or its build folder when run from sources).
        if (bundled) dirs.removeIf(d -> d.startsWith(theme.root()));
        else site.readable(theme.root(), diagnostics);
        for (Path dir : dirs) site.files(dir, config.limits().filesInt(), diagnostics);
        return diagnostics.errorCount() > before ? Optional.empty() : Optional.of(theme);
    }

    private Optional<Path> bundled(String name) {
        URL url = ThemeLoader.class.getResource(BUNDLED + name + "/templates");
        if (url == null) return Optional.empty();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                if (jarFileSystem == null) {
                    try {
                        jarFileSystem = FileSystems.newFileSystem(uri, Map.of());
                    } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                        return Optional.of(FileSystems.getFileSystem(uri).provider().getPath(uri).getParent());
                    }
                }
                return Optional.of(jarFileSystem.provider().getPath(uri).getParent());
            }
            return Optional.of(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (jarFileSystem != null) {
            try {
                jarFileSystem.close();
            } catch (IOException ignored) {
                // Closing a read-only jar view cannot lose data.
            }
            jarFileSystem = null;
        }
    }
}
