package org.agora.testing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A built site read back as a reader's browser would: every HTML page parsed, every link followed to a file. */
public final class OutputSite {

    /** A link on a page that leads to no file of the output. */
    public record BrokenLink(String page, String attribute, String url) {}

    private final Path root;
    private final String basePath;
    private final Map<String, Document> pages = new TreeMap<>();

    public OutputSite(Path root, String basePath) {
        this.root = root;
        this.basePath = basePath;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                pages.put(root.relativize(p).toString().replace('\\', '/'), Jsoup.parse(p.toFile(), "UTF-8"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output folder. */
    public Path root() { return root; }

    /** Output-relative path → parsed page. */
    public Map<String, Document> pages() { return pages; }

    public Document page(String relPath) {
        Document d = pages.get(relPath);
        if (d == null) throw new AssertionError("no page " + relPath + " in the output");
        return d;
    }

    /** Every href and src of every page that points inside the site but reaches no file. */
    public List<BrokenLink> brokenLinks() {
        List<BrokenLink> broken = new ArrayList<>();
        pages.forEach((rel, doc) -> {
            for (Element e : doc.select("[href], [src]")) {
                String attr = e.hasAttr("href") ? "href" : "src";
                String url = e.attr(attr);
                if (!isInternal(url)) continue;
                if (fileFor(url).isEmpty()) broken.add(new BrokenLink(rel, attr, url));
            }
        });
        return broken;
    }

    public static boolean isInternal(String url) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("//")) return false;
        return !url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("https://example.org/elibrary/");
    }

    /** The output file a root-relative or absolute URL of this site serves, if it exists. */
    public Optional<Path> fileFor(String url) {
        String path = url;
        if (path.matches("^https?://.*")) path = URI.create(path).getRawPath();
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) path = path.substring(0, cut);
        if (!path.startsWith(basePath)) return Optional.empty();
        String rel = URLDecoder.decode(path.substring(basePath.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root)) return Optional.empty();
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The output-relative path of the page a URL serves, if it is an HTML page of this site. */
    public Optional<String> pageFor(String url) {
        return fileFor(url).map(f -> root.relativize(f).toString().replace('\\', '/')).filter(pages::containsKey);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a), j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }
}
