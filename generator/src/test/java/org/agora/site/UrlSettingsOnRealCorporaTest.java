package org.agora.site;

import org.agora.testing.HostileSite;
import org.agora.testing.HostileSite.Build;
import org.agora.testing.OutputSite;
import org.agora.testing.TestPaths;
import org.agora.testing.Translations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three real corpora under URL settings their own sites do not use (every language under its code with
 * uglyURLs, permalinks with every kind of token, one host per language): a real site with any Hugo settings
 * builds without an internal error, and its translations still reach each other.
 */
class UrlSettingsOnRealCorporaTest {

    @TempDir
    Path temp;

    static Stream<Arguments> corporaAndSettings() {
        List<Arguments> out = new ArrayList<>();
        for (String corpus : List.of("osmbe-website", "helm-docs", "poweron-ipa")) {
            out.add(Arguments.of(corpus, "subdir-ugly", "defaultContentLanguageInSubdir: true\nuglyURLs: true\n"));
            out.add(Arguments.of(corpus, "permalinks", """
                    permalinks:
                      posts: /:year/:month/:day/:slug/
                      blog: /:section/:yearday/:title/
                      docs: /:sections/:filename/
                      projects: /p/:slugorfilename/
                    frontmatter: { date: [":filename", ":default"] }
                    """));
            out.add(Arguments.of(corpus, "multihost", null));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("corporaAndSettings")
    void buildsWithoutAnInternalErrorAndTranslationsReachEachOther(String corpus, String name, String settings)
            throws IOException {
        Path site = temp.resolve("site");
        TestPaths.copyTree(TestPaths.corpus(corpus).resolve("content"), site.resolve("content"));
        List<String> languages = corpus.equals("helm-docs") ? List.of("en", "fr") : List.of("en", "fr", "nl");
        StringBuilder config = new StringBuilder("title: Corpus\nbaseURL: https://example.org/\nbrokenLinks: warning\n"
                + "taxonomies: [tags, categories]\nlanguages:\n");
        for (String lang : languages) {
            config.append("  ").append(lang).append(": { label: ").append(lang)
                    .append(settings == null ? ", baseURL: \"https://" + lang + ".example.org/\"" : "").append(" }\n");
        }
        if (settings != null) config.append(settings);
        Files.writeString(site.resolve("site-config.yml"), config.toString());

        Build b = HostileSite.built(site, temp.resolve("out"));
        assertEquals(0, b.code(), () -> b.errors().toString());
        assertFalse(b.printedAStackTrace(), b::printed);
        if (settings != null) {
            assertEquals(List.of(), Translations.problems(new OutputSite(temp.resolve("out"), "/")));
        } else {
            for (String lang : languages) {
                assertTrue(Files.isRegularFile(temp.resolve("out").resolve(lang).resolve("index.html")), lang + " home");
            }
        }
    }
}
