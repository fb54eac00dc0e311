package org.agora.site;

import org.agora.model.Page;
import org.agora.publish.Citable;
import org.agora.publish.OaiRepository;
import org.agora.testing.Harvesting;
import org.agora.testing.RealCorpus;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * What aggregators and feed readers harvest, on sites we did not write for the purpose: the bundled e-library and a
 * real corpus. Every Atom feed they write (site, type, and every term: themes, countries, tags...) is valid against
 * RFC 4287's RELAX NG schema and the RFC's other rules, and oai.xml against the OAI static repository schema.
 */
class HarvestingFilesTest {

    @TempDir
    static Path temp;
    static BuildResult bundled;
    static Path bundledOut;

    @BeforeAll
    static void build() {
        bundledOut = org.agora.testing.BundledSite.built().out();
        bundled = org.agora.testing.BundledSite.built().result();
        assertTrue(bundled.success(), () -> bundled.diagnostics().sorted().toString());
    }

    @Test
    void everyFeedOfTheBundledSiteIsValidAtom() {
        List<Path> feeds = Harvesting.feeds(bundledOut);
        List<String> kinds = feeds.stream().map(p -> bundledOut.relativize(p).toString()).toList();
        for (String kind : List.of("en/feed.xml", "fr/types/", "nl/themas/", "en/countries/", "fr/mots-clés/", "en/organisations/")) {
            assertTrue(kinds.stream().anyMatch(k -> k.startsWith(kind)), "a feed under " + kind + " among " + kinds);
        }
        assertEquals(List.of(), errors(feeds));
    }

    @Test
    void theBundledSitePublishesEachCitableDocumentInEachLanguage() {
        Path oai = bundledOut.resolve("oai.xml");
        assertEquals(List.of(), Harvesting.oaiErrors(oai));
        List<String> expected = bundled.library().pages().stream()
                .filter(p -> Citable.isCitable(p, bundled.library().config()) && p.date() != null)
                .map(p -> OaiRepository.identifier(bundled.library().config(), p)).sorted().toList();
        assertTrue(expected.size() >= 9, "the bundled resources in three languages: " + expected);
        assertEquals(expected, identifiers(oai).stream().sorted().toList());
        assertTrue(identifiers(oai).contains("oai:example.org:fr/ressources/rapport-annuel-2025/"), identifiers(oai).toString());
    }

    /** A real site's feeds, as it is: a corpus we did not write, with its own dates, authors and taxonomies. */
    @Test
    void everyFeedOfARealCorpusIsValidAtom() {
        RealCorpus.Build build = RealCorpus.POWERON.built().requireOutput();
        List<Path> feeds = Harvesting.feeds(build.out());
        assertTrue(feeds.size() >= 3, "the corpus has dated posts in three languages: " + feeds);
        assertEquals(List.of(), errors(feeds));
    }

    /**
     * The same corpus with its blog taken as the library's resources (folders renamed in a copy), since no corpus
     * has a citable type of its own: its posts in three languages become records of a valid oai.xml.
     */
    @Test
    void aRealCorpusWithCitableDocumentsGivesAValidRepository() throws IOException {
        Path site = RealCorpus.POWERON.site(temp.resolve("poweron-citable"));
        try (Stream<Path> langs = Files.list(site.resolve("content"))) {
            for (Path lang : langs.toList()) {
                if (Files.isDirectory(lang.resolve("blog"))) Files.move(lang.resolve("blog"), lang.resolve("resources"));
            }
        }
        Path out = temp.resolve("poweron-citable-out");
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, out, false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        List<Page> documents = OaiRepository.documents(result.library());
        assertTrue(documents.stream().map(Page::language).distinct().count() == 3, "records in every language");
        assertEquals(List.of(), Harvesting.oaiErrors(out.resolve("oai.xml")));
        assertEquals(documents.size(), identifiers(out.resolve("oai.xml")).size());
        assertFalse(Files.readString(out.resolve("oai.xml")).contains("<dc:creator></dc:creator>"));
    }

    private static List<String> errors(List<Path> feeds) {
        List<String> out = new ArrayList<>();
        for (Path feed : feeds) out.addAll(Harvesting.atomErrors(feed));
        return out;
    }

    private static List<String> identifiers(Path oai) {
        var list = Harvesting.parse(oai).getElementsByTagNameNS(Harvesting.OAI, "identifier");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add(list.item(i).getTextContent());
        return out;
    }
}
