package org.agora.fuzz;

import org.agora.testing.TestPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Documents of real sites nobody here wrote (../shared/corpora: Helm's docs, OpenStreetMap Belgium, Power On),
 * as mutation seeds: Hugo front matter in TOML and YAML, Hugo's shortcodes, real tables, lists and links, which
 * no generator here invents. Read once, in path order, so a seed picks the same documents on every machine
 * that has the same corpora.
 */
final class CorpusDocuments {

    private static volatile List<Path> all;

    private CorpusDocuments() {}

    static List<Path> all() {
        if (all == null) {
            Path corpora = TestPaths.corpus("x").getParent();
            try (Stream<Path> walk = Files.exists(corpora) ? Files.walk(corpora) : Stream.empty()) {
                all = walk.filter(p -> p.toString().endsWith(".md") && p.toString().contains("/content/")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** A real document's bytes, or empty when the corpora are not beside the repository. */
    static byte[] pick(SplittableRandom r) {
        List<Path> docs = all();
        if (docs.isEmpty()) return new byte[0];
        try {
            return Files.readAllBytes(docs.get(r.nextInt(docs.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
