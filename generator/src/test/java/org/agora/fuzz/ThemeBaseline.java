package org.agora.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the theme itself puts in pages, learnt from a build of valid documents with the same configuration:
 * its scripts, forms, redirects and so on, and its script files. Anything else active in a page came from content.
 * @param items the {@link ActiveContent.Item#key()}s of every page
 * @param scriptFiles SHA-256 of every .js/.mjs file of the output: the theme's assets and the search runtime
 * @param jsonLdPerPage the most JSON-LD scripts a page has
 */
record ThemeBaseline(Set<String> items, Set<String> scriptFiles, int jsonLdPerPage, int pages) {

    static final String BASE_URL = "https://example.org/elibrary/";

    static ThemeBaseline learn(Path workRoot) {
        GeneratedSite site = SiteGenerator.benign(workRoot);
        BuildOutcome outcome = InProcessBuild.run(site.site(), site.out(), Duration.ofMinutes(5));
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("the site of valid documents does not build, so the theme's own scripts cannot be learnt"
                    + " (exit " + outcome.exitCode() + "):\n" + ActiveContent.cut(outcome.err() + outcome.stray()), outcome.thrown());
        }
        Set<String> items = new HashSet<>();
        Set<String> scripts = new HashSet<>();
        int jsonLd = 0;
        int pages = 0;
        for (Path file : files(site.out())) {
            String rel = site.out().relativize(file).toString();
            String name = rel.toLowerCase(Locale.ROOT);
            if (name.endsWith(".html")) {
                ActiveContent.Scan scan = ActiveContent.ofHtml(read(file), pageUrl(rel));
                if (!scan.problems().isEmpty()) throw new IllegalStateException("the theme's own page " + rel + ": " + scan.problems());
                scan.items().forEach(i -> items.add(i.key()));
                jsonLd = Math.max(jsonLd, scan.jsonLdScripts());
                pages++;
            } else if (name.endsWith(".js") || name.endsWith(".mjs")) {
                scripts.add(sha256(file));
            }
        }
        return new ThemeBaseline(Set.copyOf(items), Set.copyOf(scripts), jsonLd, pages);
    }

    /** The address a page is served at, so that relative URLs in it resolve as a browser resolves them. */
    static String pageUrl(String outputRel) {
        String rel = outputRel.replace('\\', '/');
        if (rel.endsWith("index.html")) rel = rel.substring(0, rel.length() - "index.html".length());
        StringBuilder url = new StringBuilder(BASE_URL);
        // Percent-encoded as a server would serve it: a path of markup or spaces must not stop URL resolution.
        for (byte b : rel.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) url.append(c);
            else url.append(String.format("%%%02X", b & 0xFF));
        }
        return url.toString();
    }

    static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.List<Path> files(Path root) {
        try (Stream<Path> s = walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
