package org.agora.testing;

import org.agora.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A site of src/test/resources/sites/hostile: the shared base plus one case's files, built the way an editor
 * or CI builds it (the command line, in this process), with what it printed and the markup in its pages that a
 * browser would run.
 */
public final class HostileSite {

    private static final Path FIXTURES = TestPaths.repoRoot().resolve("generator/src/test/resources/sites/hostile");

    private final Path site;
    private final Path out;

    private HostileSite(Path site, Path out) {
        this.site = site;
        this.out = out;
    }

    /** The base site with the case's files over it, in {@code temp}/site; the output will be {@code temp}/out. */
    public static HostileSite of(String caseName, Path temp) {
        Path site = temp.resolve("site");
        TestPaths.copyTree(FIXTURES.resolve("_base"), site);
        if (!caseName.isEmpty()) copyOver(FIXTURES.resolve(caseName), site);
        return new HostileSite(site, temp.resolve("out"));
    }

    /**
     * A whole fixture site of src/test/resources/sites ({@code "hugo/urls-ugly"}), copied into {@code temp}/site;
     * the output will be {@code temp}/out.
     */
    public static HostileSite fixture(String name, Path temp) {
        Path site = temp.resolve("site");
        TestPaths.copyTree(TestPaths.repoRoot().resolve("generator/src/test/resources/sites").resolve(name), site);
        return new HostileSite(site, temp.resolve("out"));
    }

    private static void copyOver(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path site() { return site; }

    public Path out() { return out; }

    /** Writes a file of the site (creating its folders). */
    public HostileSite write(String relPath, String text) {
        TestSite.write(site, relPath, text);
        return this;
    }

    /** Adds lines to site-config.yml. */
    public HostileSite config(String yaml) {
        try {
            Files.writeString(site.resolve("site-config.yml"), "\n" + yaml + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one build printed and how it ended. */
    public record Build(int code, String out, String err) {
        public String printed() { return out + err; }

        /** Lines of the report that are errors, "file:line: error: message". */
        public List<String> errors() {
            return printed().lines().filter(l -> l.contains(": error: ")).toList();
        }

        /** The error lines naming this file (relative to the site) that contain these words. */
        public List<String> errors(String file, String words) {
            return errors().stream().filter(l -> l.startsWith(file + ":") && l.contains(words)).toList();
        }

        /** Something printed that only a crash prints. */
        public boolean printedAStackTrace() {
            return printed().lines().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception in thread")
                    || l.contains("internal error") || l.matches(".*\\b(java|org|com)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*"));
        }
    }

    /** Runs {@code agora build --site SITE --out OUT} in this process. */
    public Build build() { return built(site, out); }

    /** Runs {@code agora build} on any site folder, in this process. */
    public static Build built(Path site, Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), "build", "--site", site.toString(), "--out", out.toString());
        return new Build(code, o.toString(), e.toString());
    }

    /** The HTML page at this output path, parsed. */
    public Document page(String relPath) {
        try {
            return Jsoup.parse(out.resolve(relPath).toFile(), "UTF-8", "https://example.org/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every HTML page of the output, by path. */
    public List<Path> pages() {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Markup in this page that a browser would run, other than the theme's own files: an inline script that is
     * not JSON data, a script from elsewhere than the theme's assets, an event handler, a script address, a
     * frame, plugin, base or refresh, or JSON-LD whose text a browser would end early.
     */
    public static List<String> activeMarkup(Document page) {
        List<String> found = new ArrayList<>();
        for (Element script : page.select("script")) {
            String type = script.attr("type").toLowerCase(Locale.ROOT);
            if (type.equals("application/ld+json")) {
                if (script.data().toLowerCase(Locale.ROOT).contains("<")) found.add("JSON-LD with markup: " + script.outerHtml());
                continue;
            }
            boolean theme = !script.attr("src").isEmpty() && script.attr("src").contains("/assets/") && script.data().isBlank();
            if (!theme) found.add(script.outerHtml());
        }
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) found.add("handler " + name + " on <" + e.tagName() + ">");
                if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html")) {
                    found.add("script address in " + name + " of <" + e.tagName() + ">");
                }
                if (name.equals("srcdoc")) found.add("srcdoc on <" + e.tagName() + ">");
            }
            if (List.of("iframe", "object", "embed", "base", "frame", "applet").contains(e.tagName())) {
                found.add("<" + e.tagName() + ">");
            }
            boolean refresh = e.tagName().equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh");
            if (refresh && e.attr("content").replaceAll("\\s", "").toLowerCase(Locale.ROOT).contains("javascript:")) {
                found.add("meta refresh to a script");
            }
        }
        return found;
    }
}
