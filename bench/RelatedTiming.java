import org.agora.search.RelatedDocuments;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The related-documents computation alone, over the indexes a build left in its cache, without the merge
 * that settles them (a build's cache holds them merged already): reading each index into memory, then one
 * list per document, in parallel as a build does. Themes and visibility are left out (every document
 * visible, no theme field), which is the benchmark's configuration. Best of three runs, so JIT warm-up is
 * left out. Walls and the process's CPU time are printed.
 *
 *   java -cp generator/target/agora.jar bench/RelatedTiming.java SITE/.agora-cache/search [LANG…]
 */
public class RelatedTiming {
    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        List<String> languages = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("en", "fr", "nl");
        for (int run = 1; run <= 3; run++) {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long read = 0, lists = 0;
            int documents = 0;
            for (String lang : languages) {
                long t0 = System.nanoTime();
                DirectoryReader reader = DirectoryReader.open(FSDirectory.open(cache.resolve(lang)));
                List<String> paths = new ArrayList<>();
                for (var leaf : reader.leaves()) {
                    SortedDocValues p = leaf.reader().getSortedDocValues("path");
                    for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) paths.add(p.lookupOrd(p.ordValue()).utf8ToString());
                }
                try (RelatedDocuments related = new RelatedDocuments(lang, reader, null)) {
                    long t1 = System.nanoTime();
                    boolean[] all = related.docsAmong(paths);
                    long count = paths.parallelStream()
                            .mapToInt(path -> related.like(related.profile(path, List.of()), all, Set.of(path), 5).size()).sum();
                    long t2 = System.nanoTime();
                    read += t1 - t0;
                    lists += t2 - t1;
                    documents += paths.size();
                    if (count == 0) throw new IllegalStateException("no related documents in " + lang);
                }
            }
            // CPU time says more than the walls on a shared machine: other processes' load does not add to it.
            System.out.printf("run %d: %d documents, read %d ms, lists %d ms (wall); %d ms CPU in all%n", run, documents,
                    read / 1_000_000, lists / 1_000_000, (os.getProcessCpuTime() - cpu0) / 1_000_000);
        }
    }
}
