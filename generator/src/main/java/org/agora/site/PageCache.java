package org.agora.site;

import org.agora.files.CacheFolder;
import org.agora.files.Digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pages as earlier builds wrote them ({@code .agora-cache/pages/}), keyed by the template, the output path
 * and the whole context the template was given, plus the theme's inputs ({@link RenderInputs#theme}). A
 * template sees nothing else (its functions read the UI strings, assets and configuration, which the theme's
 * inputs cover), so the same key is the same page, and a warm build copies it instead of rendering it.
 * Views are records, read value by value ({@link ViewDigest}); a value Agora cannot read the same way from run
 * to run only misses the cache.
 */
final class PageCache {

    private final CacheFolder files;
    private final String themeInputs;
    private final ViewDigest views = new ViewDigest();

    private PageCache(CacheFolder files, String themeInputs) {
        this.files = files;
        this.themeInputs = themeInputs;
    }

    static PageCache in(Path cacheDir, boolean writable, String themeInputs) {
        return new PageCache(new CacheFolder(cacheDir.resolve("pages"), ".html", writable), themeInputs);
    }

    String keyOf(String template, String outputPath, Map<String, Object> context) {
        Digest digest = Digest.start().add("page-1").add(themeInputs).add(template).add(outputPath);
        views.add(digest, new TreeMap<>(context));
        return digest.hex();
    }

    /** The page an earlier build wrote under {@code key}, if it is still there. */
    Optional<Path> kept(String key) {
        Path file = files.fileOf(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    void put(String key, byte[] page) { files.write(key, page); }

    /** Removes the pages no longer written: their content or place changed. */
    void sweep() { files.sweep(); }
}
