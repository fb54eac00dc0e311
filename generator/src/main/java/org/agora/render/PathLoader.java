package org.agora.render;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads templates from the first of several folders that has them, so a site's layouts/ overrides the
 * theme template by template. Works on java.nio paths, so the bundled theme can stay inside the jar.
 */
final class PathLoader implements Loader<String> {

    private final List<Path> dirs;

    PathLoader(List<Path> dirs) { this.dirs = List.copyOf(dirs); }

    Optional<Path> find(String name) {
        if (name.contains("..") || name.startsWith("/") || name.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return Optional.empty();
        }
        for (Path dir : dirs) {
            try {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) return Optional.of(p);
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty(); // a name no file can have: a type from front matter, say
            }
        }
        return Optional.empty();
    }

    @Override
    public Reader getReader(String name) {
        Path p = find(name).orElseThrow(() -> new LoaderException(null, "template '" + name + "' not found in " + dirs));
        try {
            return Files.newBufferedReader(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoaderException(e, "cannot read template " + p);
        }
    }

    @Override public void setCharset(String charset) { }

    @Override public void setPrefix(String prefix) { }

    @Override public void setSuffix(String suffix) { }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) { return relativePath; }

    @Override
    public String createCacheKey(String templateName) { return templateName; }

    @Override
    public boolean resourceExists(String templateName) { return find(templateName).isPresent(); }
}
