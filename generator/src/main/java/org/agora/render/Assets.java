package org.agora.render;

import org.agora.diag.Diagnostics;
import org.agora.diag.Failures;
import org.agora.diag.SourcePosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme's assets with content-hashed names ("style.3f2a9c1b.css"), so hosts can cache them forever
 * and a changed file is fetched again at once.
 * @param urls asset name → site path of its fingerprinted copy
 * @param files site path (without the leading '/') → content
 */
public record Assets(Map<String, String> urls, Map<String, byte[]> files) {

    public static Assets collect(List<Path> assetDirs) { return collect(assetDirs, new Diagnostics()); }

    /** The assets of these folders; a file that cannot be read is an error naming it. */
    public static Assets collect(List<Path> assetDirs, Diagnostics diagnostics) {
        Map<String, byte[]> byName = new TreeMap<>();
        for (int i = assetDirs.size() - 1; i >= 0; i--) {   // the site's folder comes first and must win
            Path dir = assetDirs.get(i);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        byName.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    } catch (IOException e) {
                        diagnostics.error(SourcePosition.of(p), "cannot read the asset: " + Failures.describe(e),
                                "check that the file exists and that you may read it");
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                diagnostics.error(SourcePosition.of(dir), "cannot read the assets folder: " + Failures.describe(e),
                        "check that the folder exists and that you may read it");
            }
        }
        Map<String, String> urls = new TreeMap<>();
        Map<String, byte[]> files = new TreeMap<>();
        byName.forEach((name, bytes) -> {
            String hashed = "assets/" + fingerprint(name, bytes);
            urls.put(name, "/" + hashed);
            files.put(hashed, bytes);
        });
        return new Assets(Map.copyOf(urls), Map.copyOf(files));
    }

    static String fingerprint(String name, byte[] bytes) {
        String hash = org.agora.files.Digest.shortSha256(bytes);
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }
}
