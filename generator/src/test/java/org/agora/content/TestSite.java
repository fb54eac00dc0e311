package org.agora.content;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A site folder written for a test: site-config.yml with en, fr, nl (default en). */
final class TestSite {

    static final String CONFIG = """
            title: Test library
            defaultLanguage: en
            defaultContentLanguageInSubdir: true
            languages:
              en: { label: English, locale: en-GB }
              fr: { label: Français, locale: fr-BE }
              nl: { label: Nederlands, locale: nl-BE }
            """;

    private TestSite() {}

    static SiteConfig config(Path site) {
        write(site, "site-config.yml", CONFIG);
        Diagnostics d = new Diagnostics();
        return new ConfigLoader().load(site, d).orElseThrow(() -> new AssertionError(d.sorted()));
    }

    static Path write(Path site, String rel, String text) {
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
