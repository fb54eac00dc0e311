package org.agora.site;

import org.agora.files.Digest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which Agora made a cached result: a digest of the generator's own code and resources. The version number
 * does not change with every fix, and a jar's date changes with every Maven package of the same code (a CI
 * runner building Agora afresh); the content of its classes changes exactly when the output may.
 */
final class CodeVersion {

    private CodeVersion() {}

    /** Computed once per process: the code does not change under a running build. */
    static String current() { return Holder.VERSION; }

    private static final class Holder {
        static final String VERSION = compute();
    }

    private static String compute() {
        try {
            Path location = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Digest digest = Digest.start();
            if (Files.isRegularFile(location)) {
                // A jar: the central directory already holds each entry's CRC, so nothing is decompressed.
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    List<? extends ZipEntry> entries = jar.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
                    for (ZipEntry e : entries) digest.add(e.getName()).add(e.getCrc()).add(e.getSize());
                }
            } else {
                // Classes in a folder (tests, the IDE): few enough to hash whole.
                try (Stream<Path> walk = Files.walk(location)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        digest.add(location.relativize(p).toString()).add(Files.readAllBytes(p));
                    }
                }
            }
            return digest.hex();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Code from somewhere Agora cannot read: nothing cached can be vouched for, so nothing is reused.
            return "unknown-" + System.nanoTime();
        }
    }
}
