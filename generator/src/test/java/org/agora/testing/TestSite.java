package org.agora.testing;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.content.ContentScanner;
import org.agora.content.ContentSet;
import org.agora.content.FrontMatterParser;
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.model.Library;
import org.agora.model.LibraryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A site folder written for a test: its files written one after the other ({@code TestSite.at(dir).write(...).write(...)}),
 * a site-config.yml with the test languages, and the config or the library of what was written, through the real
 * loader, scanner, front matter parser and library builder.
 */
public final class TestSite {

    /** The test languages: English (default), French and Dutch, with their labels and locales. */
    private static final Map<String, String> LANGUAGES = Map.of(
            "en", "{ label: English, locale: en-GB }",
            "fr", "{ label: Français, locale: fr-BE }",
            "nl", "{ label: Nederlands, locale: nl-BE }");

    /** site-config.yml lines for en, fr and nl, English the default and in its own subfolder like the others. */
    public static final String TRILINGUAL = languages("en", "fr", "nl");

    /** The whole site-config.yml of a trilingual test library. */
    public static final String CONFIG = "title: Test library\n" + TRILINGUAL;

    private final Path root;

    private TestSite(Path root) { this.root = root; }

    /** The site in this folder (which need not exist yet). */
    public static TestSite at(Path root) { return new TestSite(root); }

    /**
     * site-config.yml lines for these of the test languages (en, fr, nl), the first the default, every language in
     * its own subfolder.
     */
    public static String languages(String... codes) {
        return "defaultLanguage: " + codes[0] + "\ndefaultContentLanguageInSubdir: true\nlanguages:\n"
                + Arrays.stream(codes).map(c -> "  " + c + ": " + LANGUAGES.get(c) + "\n").collect(Collectors.joining());
    }

    public Path root() { return root; }

    /** A file of the site. */
    public Path path(String rel) { return root.resolve(rel); }

    /** Writes a file of the site, creating its folders, in UTF-8. */
    public TestSite write(String rel, String text) {
        write(root, rel, text);
        return this;
    }

    /** Writes site-config.yml. */
    public TestSite config(String yaml) { return write("site-config.yml", yaml); }

    /** Writes {@link #CONFIG} and these lines after it as site-config.yml. */
    public TestSite trilingual(String moreYaml) { return config(CONFIG + moreYaml); }

    /** The site's config; a config that does not load fails the test with its diagnostics. */
    public SiteConfig loadConfig(Diagnostics d) {
        return new ConfigLoader().load(root, d).orElseThrow(() -> new AssertionError(d.sorted()));
    }

    /** The library of the site as the build makes it: config, scanner, front matter parser, library builder. */
    public Library library(Diagnostics d, boolean drafts) {
        return library(loadConfig(d), d, drafts);
    }

    /** The library of the site with this config. */
    public Library library(SiteConfig config, Diagnostics d, boolean drafts) {
        ContentSet content = new ContentScanner().scan(config, d);
        FrontMatterParser parser = new FrontMatterParser(config);
        List<ParsedDocument> docs = content.markdown().stream().map(s -> parser.parse(s, d)).toList();
        return new LibraryBuilder(config, d).build(docs, content.staticFiles(), drafts);
    }

    /** Writes {@link #CONFIG} in {@code site} and loads it. */
    public static SiteConfig config(Path site) {
        return at(site).config(CONFIG).loadConfig(new Diagnostics());
    }

    /** Writes a file of the site in {@code site}, creating its folders, in UTF-8. */
    public static Path write(Path site, String rel, String text) {
        try {
            Path file = site.resolve(rel);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
