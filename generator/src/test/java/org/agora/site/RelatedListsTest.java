package org.agora.site;

import org.agora.testing.RealCorpus;
import org.agora.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.agora.testing.TestSite.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The related-documents lists of whole builds: who may be suggested, in which order, and that the cache never shows. */
class RelatedListsTest {

    @TempDir
    Path temp;

    /**
     * The lists hang on every document (idf, average length), so an edit may change lists far from the edited
     * page: a build with the cache of the build before must still write exactly what a build from nothing writes.
     */
    @Test
    void aBuildAfterAnEditWritesTheListsOfABuildFromNothing() throws Exception {
        Path site = RealCorpus.POWERON.site(temp);
        assertTrue(build(site, temp.resolve("before")).success());
        Map<String, List<String>> before = relatedLists(temp.resolve("before"));

        // Words of other documents (they become commoner, so less telling, everywhere), in one document.
        Path edited = site.resolve("content/en/blog/context-spain.md");
        String borrowed = Files.readString(site.resolve("content/en/blog/spyware-eyezy.md")).split("\n---\n", 2)[1]
                + Files.readString(site.resolve("content/en/blog/context-england.md")).split("\n---\n", 2)[1];
        Files.writeString(edited, Files.readString(edited) + "\n\n" + borrowed);
        assertTrue(build(site, temp.resolve("warm")).success());
        org.agora.files.FileTrees.delete(BuildOptions.defaultCache(site));
        assertTrue(build(site, temp.resolve("cold")).success());

        Map<String, List<String>> warm = relatedLists(temp.resolve("warm"));
        Map<String, List<String>> cold = relatedLists(temp.resolve("cold"));
        assertEquals(cold.keySet(), warm.keySet());
        List<String> differ = cold.keySet().stream().filter(p -> !cold.get(p).equals(warm.get(p))).toList();
        assertEquals(List.of(), differ, "lists of the build with a cache that a build from nothing does not give");
        Map<String, String> coldHtml = html(temp.resolve("cold"));
        Map<String, String> warmHtml = html(temp.resolve("warm"));
        assertEquals(coldHtml.keySet(), warmHtml.keySet());
        assertEquals(List.of(), coldHtml.keySet().stream().filter(p -> !coldHtml.get(p).equals(warmHtml.get(p))).toList(),
                "pages not byte for byte the same");
        // The edit reached the lists of other documents, so the comparison above was about something.
        long changedElsewhere = warm.keySet().stream()
                .filter(p -> !p.startsWith("en/blog/context-spain"))
                .filter(p -> !warm.get(p).equals(before.get(p))).count();
        assertTrue(changedElsewhere > 0, "the edit changed no other document's list");
    }

    @Test
    void listsShowTheirLanguageFirstThenFallbacksAndNeverTheDocumentOrItsTranslations() throws Exception {
        Path site = temp.resolve("site");
        write(site, "site-config.yml", """
                title: Wetlands
                baseURL: https://example.org/
                """ + TestSite.languages("en", "fr") + """
                fallback:
                  fr: [en]
                taxonomies: [themes]
                """);
        // Six English documents about rivers, one of them translated; two French ones, one the translation.
        for (int i = 1; i <= 6; i++) {
            write(site, "content/en/docs/river-" + i + ".md", """
                    ---
                    title: River wetlands %d
                    themes: [water]
                    %s---
                    Rivers feed wetlands; villages monitor river water and wetland fish, season %d.
                    """.formatted(i, i == 1 ? "translationKey: river\n" : "", i));
        }
        write(site, "content/fr/docs/riviere.md", """
                ---
                title: Zones humides des rivières
                themes: [water]
                translationKey: river
                ---
                Les rivières nourrissent les zones humides; les villages surveillent l'eau des rivières.
                """);
        write(site, "content/fr/docs/poissons.md", """
                ---
                title: Les poissons des zones humides
                themes: [water]
                ---
                Les villages comptent les poissons des rivières et des zones humides.
                """);
        assertTrue(build(site, temp.resolve("out")).success());
        Map<String, List<String>> lists = relatedLists(temp.resolve("out"));

        List<String> translated = lists.get("fr/docs/riviere/index.html");
        assertEquals("/fr/docs/poissons/", translated.getFirst(), "its own language first: " + translated);
        assertEquals(5, translated.size(), "the fallback language fills the list: " + translated);
        assertFalse(translated.contains("/en/docs/river-1/"), "never its translation: " + translated);
        assertTrue(translated.stream().skip(1).allMatch(u -> u.startsWith("/en/")), translated.toString());
        // Without a translation its own words are read as English ones: the list fills all the same.
        List<String> untranslated = lists.get("fr/docs/poissons/index.html");
        assertEquals("/fr/docs/riviere/", untranslated.getFirst(), untranslated.toString());
        assertEquals(5, untranslated.size(), untranslated.toString());
        for (var e : lists.entrySet()) {
            String self = "/" + e.getKey().replace("index.html", "");
            assertFalse(e.getValue().contains(self), e.getKey() + " suggests itself");
            assertEquals(e.getValue().stream().distinct().toList(), e.getValue(), e.getKey() + " twice the same");
        }
        List<String> english = lists.get("en/docs/river-1/index.html");
        assertFalse(english.contains("/fr/docs/riviere/"), "never its translation: " + english);
        assertTrue(english.stream().allMatch(u -> u.startsWith("/en/")), "English has no fallback: " + english);
    }

    private static BuildResult build(Path site, Path out) {
        return new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, out, false));
    }


    /** Output file → the links of its related section, for every document page. */
    private static Map<String, List<String>> relatedLists(Path out) throws IOException {
        Map<String, List<String>> lists = new TreeMap<>();
        for (Path p : htmlFiles(out)) {
            var doc = Jsoup.parse(p.toFile());
            if (!doc.body().hasClass("kind-page")) continue;
            lists.put(out.relativize(p).toString(), doc.select(".related .item-title a").eachAttr("href"));
        }
        return lists;
    }

    private static Map<String, String> html(Path out) throws IOException {
        Map<String, String> pages = new TreeMap<>();
        for (Path p : htmlFiles(out)) pages.put(out.relativize(p).toString(), Files.readString(p));
        return pages;
    }

    private static List<Path> htmlFiles(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
