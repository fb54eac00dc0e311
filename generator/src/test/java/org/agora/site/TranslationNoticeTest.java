package org.agora.site;

import org.agora.testing.OutputSite;
import org.agora.testing.ServedSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers are told, in their language, when a page is a machine's translation, and led to the original: the
 * bundled site's Dutch open-data guide (translation: machine, by DeepL) and French facilitation guide
 * (machine-reviewed by Awa Diop); a human translation and an original carry no notice.
 */
class TranslationNoticeTest {

    @TempDir
    static Path temp;
    static OutputSite site;

    @BeforeAll
    static void build() throws IOException {
        Path dir = ServedSite.copyOfBundled(temp.resolve("site"));
        Path out = temp.resolve("out");
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, out, false, temp.resolve("cache")));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        site = new OutputSite(out, "/elibrary/");
    }

    static Element notice(String page) {
        Document doc = site.page(page);
        return doc.selectFirst("article.doc aside.translation-notice");
    }

    @Test
    void aMachineTranslationSaysSoAndLinksToTheOriginal() {
        Element nl = notice("nl/praktijkgidsen/open-data-publiceren/index.html");
        assertNotNull(nl, "the Dutch guide is a machine translation");
        assertEquals("Machinevertaling door DeepL. Lees het origineel (English)", nl.text());
        Element link = nl.selectFirst("a");
        assertEquals("en", link.attr("hreflang"));
        assertTrue(site.pageFor(link.attr("href")).isPresent(), link.attr("href"));
        assertEquals("/elibrary/en/guides/open-data-publishing/", link.attr("href"));
    }

    @Test
    void aReviewedOneNamesItsReviewerInTheReadersLanguage() {
        Element fr = notice("fr/guides-pratiques/animer-un-atelier/index.html");
        assertNotNull(fr);
        assertTrue(fr.text().startsWith("Traduction automatique relue par DeepL, relue par Awa Diop."), fr.text());
        assertEquals("/elibrary/en/guides/facilitation/", fr.selectFirst("a").attr("href"));
    }

    @Test
    void listsMarkMachineTranslations() {
        Document guides = site.page("nl/praktijkgidsen/index.html");
        Element item = guides.selectFirst("li.item:has(a[href=/elibrary/nl/praktijkgidsen/open-data-publiceren/])");
        assertNotNull(item, guides.select("li.item a").eachAttr("href").toString());
        assertEquals("Machinevertaling", item.selectFirst(".badge.machine").text());
        assertEquals(1, guides.select(".badge.machine").size(), "the other Dutch guides were written by people");
        assertEquals("Traduction automatique relue",
                site.page("fr/guides-pratiques/index.html").selectFirst(".badge.machine").text());
    }

    @Test
    void originalsAndHumanTranslationsCarryNone() {
        assertNull(notice("en/guides/open-data-publishing/index.html"));
        assertNull(notice("fr/guides-pratiques/publier-des-donnees-ouvertes/index.html"));
    }

    @Test
    void theSitesDefaultCoversTranslationsThatDoNotSay(@TempDir Path other) throws IOException {
        Path dir = ServedSite.copyOfBundled(other.resolve("site"));
        Files.writeString(dir.resolve("site-config.yml"), "\ntranslation: { default: machine }\n", java.nio.file.StandardOpenOption.APPEND);
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, other.resolve("out"), false, other.resolve("cache")));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        OutputSite machine = new OutputSite(other.resolve("out"), "/elibrary/");
        Element unsaid = machine.page("fr/guides-pratiques/publier-des-donnees-ouvertes/index.html")
                .selectFirst("aside.translation-notice");
        assertNotNull(unsaid, "a French version that does not say is the site's default: machine");
        assertEquals("/elibrary/en/guides/open-data-publishing/", unsaid.selectFirst("a").attr("href"));
        assertNull(machine.page("en/guides/open-data-publishing/index.html").selectFirst("aside.translation-notice"),
                "an original is no translation");
    }

    @Test
    void aTranslationWhoseOriginalChangedSinceItsPinSaysSo() {
        // the bundled French radio guide pins the English one as it was before its "Paying for music" section
        Element fr = notice("fr/guides-pratiques/demarrer-une-radio-communautaire/index.html");
        assertNotNull(fr, "the French radio guide is behind its original");
        assertEquals("L’original a changé depuis cette traduction. Ce texte n’est peut-être plus à jour. Lire l’original (English)",
                fr.text());
        assertEquals("/elibrary/en/guides/community-radio-starter/", fr.selectFirst("a").attr("href"));
        assertNull(notice("nl/praktijkgidsen/een-workshop-begeleiden/index.html"),
                "the Dutch facilitation guide pins its original as it is");
    }

    @Test
    void anEditOfTheOriginalShowsTheNoticeInEveryLanguageAndWhiteSpaceDoesNot(@TempDir Path other) throws IOException {
        Path dir = ServedSite.copyOfBundled(other.resolve("site"));
        Path en = dir.resolve("content/en/guides/facilitation.md");
        String text = Files.readString(en);
        Files.writeString(en, text.replace("\n\n", "\n   \n").replace(". ", ".  "));
        OutputSite spaced = build(dir, other.resolve("spaced"));
        assertNull(spaced.page("fr/guides-pratiques/animer-un-atelier/index.html").selectFirst("aside .source-changed"),
                "white space is no change");

        Files.writeString(en, text + "\nA new closing paragraph that the translations do not have yet.\n");
        // an English machine translation of the French-only toolkit, so every language has a notice to show
        Files.writeString(dir.resolve("content/en/resources/boite-a-outils-climat.md"),
                "---\ntitle: Toolkit\ntranslation: { method: machine, by: DeepL }\n---\nFive simple tools.\n");
        OutputSite changed = build(dir, other.resolve("changed"));
        Element fr = changed.page("fr/guides-pratiques/animer-un-atelier/index.html").selectFirst("aside.translation-notice");
        assertTrue(fr.text().startsWith("Traduction automatique relue par DeepL, relue par Awa Diop."), fr.text());
        assertEquals("L’original a changé depuis cette traduction.", fr.selectFirst(".source-changed strong").text());
        Element nl = changed.page("nl/praktijkgidsen/een-workshop-begeleiden/index.html").selectFirst("aside.translation-notice");
        assertNotNull(nl, "the Dutch human translation pins its original too");
        assertEquals("Het origineel is gewijzigd sinds deze vertaling werd gemaakt. Deze tekst is mogelijk niet meer actueel. "
                + "Lees het origineel (English)", nl.text());
        assertEquals("/elibrary/en/guides/facilitation/", nl.selectFirst("a").attr("href"));
        Element toolkit = changed.page("en/resources/boite-a-outils-climat/index.html").selectFirst("aside.translation-notice");
        assertNotNull(toolkit, "an English machine translation");
        assertEquals("Machine translation by DeepL. Read the original in Français", toolkit.text());
        assertEquals("fr", toolkit.selectFirst("a").attr("hreflang"));
        assertTrue(changed.pageFor(toolkit.selectFirst("a").attr("href")).isPresent());
    }

    private static OutputSite build(Path dir, Path out) {
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, out, false, out.resolveSibling(out.getFileName() + "-cache")));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        return new OutputSite(out, "/elibrary/");
    }
}
