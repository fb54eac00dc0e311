import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.agora.markdown.QuickAutolinkExtension;
import org.agora.search.Analyzers;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The floor of each expensive stage of a build: the same work done alone, on both cores, on the same corpus.
 *   java -cp generator/target/agora.jar bench/Floors.java CORPUS_CONTENT_DIR BUILT_SITE_DIR
 * 1. flexmark: parse and render every document's Markdown with Agora's extensions (no shortcodes, no cleaning);
 * 2. Lucene: index every document's body (the rendered HTML's text is close to the Markdown's) in its language
 *    with Agora's analysers, one index per language, as the build does;
 * 3. files: write every HTML file of a built site again, byte for byte, into a fresh folder.
 * Each floor is run three times and the fastest is printed, so the JIT's warm-up stays out of it.
 */
public final class Floors {

    record Doc(String language, String path, String markdown) {}

    /** Folders the floors wrote, deleted after the timings: deleting is no part of a build. */
    private static final List<Path> LEFTOVERS = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        Path built = Path.of(args[1]);
        List<Doc> docs;
        try (Stream<Path> walk = Files.walk(content)) {
            docs = walk.filter(p -> p.toString().endsWith(".md")).map(p -> read(content, p)).toList();
        }
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(built)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        System.out.printf("%d documents, %d HTML files%n", docs.size(), pages.size());
        System.out.printf("flexmark alone:        %6.2f s%n", best(() -> flexmark(docs)));
        System.out.printf("Lucene indexing alone: %6.2f s%n", best(() -> lucene(docs)));
        System.out.printf("writing the files:     %6.2f s%n", best(() -> write(built, pages)));
        for (Path dir : LEFTOVERS) deleteTree(dir);
    }

    private static Doc read(Path content, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String body = text.startsWith("---") ? text.substring(Math.max(3, text.indexOf("\n---", 3) + 4)) : text;
            String rel = content.relativize(file).toString();
            return new Doc(rel.substring(0, rel.indexOf('/')), rel, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double best(Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void flexmark(List<Doc> docs) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), QuickAutolinkExtension.create(), TaskListExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        AtomicLong chars = new AtomicLong();
        docs.parallelStream().forEach(d -> chars.addAndGet(renderer.render(parser.parse(d.markdown())).length()));
    }

    private static void lucene(List<Doc> docs) {
        Map<String, List<Doc>> byLanguage = docs.stream().collect(Collectors.groupingBy(Doc::language));
        byLanguage.entrySet().parallelStream().forEach(e -> {
            try {
                Path dir = Files.createTempDirectory("floor-lucene-");
                try (IndexWriter w = new IndexWriter(FSDirectory.open(dir),
                        new IndexWriterConfig(Analyzers.forLanguage(e.getKey(), Analyzers.Mode.FULL)))) {
                    for (Doc d : e.getValue()) {
                        Document doc = new Document();
                        doc.add(new StringField("path", d.path(), Field.Store.YES));
                        doc.add(new TextField("body", d.markdown(), Field.Store.NO));
                        w.addDocument(doc);
                    }
                    w.forceMerge(1);
                }
                LEFTOVERS.add(dir);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private static void write(Path built, List<Path> pages) {
        try {
            Path out = Files.createTempDirectory("floor-write-");
            pages.parallelStream().forEach(p -> {
                try {
                    Path target = out.resolve(built.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.write(target, Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            LEFTOVERS.add(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
