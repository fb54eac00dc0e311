package org.agora.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.testing.Git;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.agora.cli.Run.run;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Translations pinned to their source's text: created pinned by {@code agora new --translate}, outdated after a
 * real edit of the source and not after a white-space one, a typo fix told apart, {@code agora mark-current}
 * bringing them back, and git adding the diff's old text, who and when.
 */
class TranslationDriftTest {

    @TempDir
    Path temp;

    private static final String SOURCE = """
            ---
            title: Running a peer-learning workshop
            summary: How members learn from each other's cases.
            ---
            A workshop brings together six to ten people who face similar problems.

            The case holder presents the problem in ten minutes.

            Peers then ask questions before they give any advice.
            """;

    private Path site() throws Exception {
        Path site = temp.resolve("site");
        Files.createDirectories(site.resolve("content/en"));
        Files.writeString(site.resolve("site-config.yml"), """
                title: Drift
                baseURL: https://example.org/
                """ + TestSite.languages("en", "fr"));
        Files.writeString(site.resolve("content/en/workshop.md"), SOURCE);
        Run created = run("new", "--site", site.toString(), "--translate", "content/en/workshop.md", "--to", "fr");
        assertEquals(0, created.code(), created.err());
        Path fr = site.resolve("content/fr/workshop.md");
        assertTrue(Files.readString(fr).contains("translation: { source: \""), "the new translation pins its source");
        // the translator does the work: the French words replace the English ones, draft goes
        Files.writeString(fr, Files.readString(fr).replace("draft: true\n", "")
                .replace("A workshop brings together", "Un atelier réunit"));
        return site;
    }

    private static JsonNode translations(Path site) throws Exception {
        Run r = run("check", "--site", site.toString(), "--format", "json");
        return new ObjectMapper().readTree(r.out()).get("translations");
    }

    private static JsonNode frOutdated(JsonNode t, String list) {
        for (JsonNode g : t.get("groups")) for (JsonNode o : g.get(list)) if (o.get("language").asText().equals("fr")) return o;
        return null;
    }

    private static void editSource(Path site, String from, String to) throws Exception {
        Path en = site.resolve("content/en/workshop.md");
        String text = Files.readString(en);
        assertTrue(text.contains(from), from);
        Files.writeString(en, text.replace(from, to));
    }

    @Test
    void aPinnedTranslationIsCurrentUntilTheSourcesWordsChange() throws Exception {
        Path site = site();
        JsonNode t = translations(site);
        assertEquals(0, t.get("outdated").asInt(), t.toString());
        assertEquals(1, t.get("perLanguage").get("fr").get("done").asInt());

        // re-wrapped, re-indented, trailing spaces: the same words
        editSource(site, "The case holder presents the problem in ten minutes.", "The case holder   presents\nthe problem in ten minutes.   ");
        assertEquals(0, translations(site).get("outdated").asInt(), "white space is no change");

        editSource(site, "Peers then ask questions before they give any advice.",
                "Peers then ask questions before they give any advice.\n\nEach peer gives one piece of advice, no more.");
        t = translations(site);
        assertEquals(1, t.get("outdated").asInt(), t.toString());
        JsonNode fr = frOutdated(t, "outdated");
        assertEquals("source-changed", fr.get("reason").asText());
        assertTrue(fr.get("paragraphs").isNull(), "without git the old text is unknown: " + fr);
        assertEquals(1, t.get("perLanguage").get("fr").get("outdated").asInt());
        String text = run("check", "--site", site.toString()).out();
        assertTrue(text.contains("content/fr/workshop.md (fr) translates an earlier version of its source"), text);

        Run marked = run("mark-current", "--site", site.toString(), "content/fr/workshop.md");
        assertEquals(0, marked.code(), marked.err());
        assertEquals(0, translations(site).get("outdated").asInt(), "marked as current");
        assertTrue(Files.readString(site.resolve("content/fr/workshop.md")).contains("Un atelier réunit"), "the text is kept");
    }

    @Test
    void gitGivesTheParagraphDiffWhoAndWhenAndTellsTyposApart() throws Exception {
        Path site = site();
        Git.run(site, "init", "-q");
        Git.commitAll(site, "Workshop guide and its translation", "Awa Diop");
        editSource(site, "Peers then ask questions before they give any advice.",
                "Peers first ask questions, then give advice.");
        Git.commitAll(site, "Shorter advice round", "Jan Peeters");
        JsonNode fr = frOutdated(translations(site), "outdated");
        assertNotNull(fr);
        assertEquals(1, fr.get("paragraphs").asInt(), fr.toString());
        JsonNode change = fr.get("changes").get(0);
        assertEquals("changed", change.get("kind").asText());
        assertEquals("Peers then ask questions before they give any advice.", change.get("before").asText());
        assertEquals("Peers first ask questions, then give advice.", change.get("after").asText());
        assertEquals(1, fr.get("commits").size());
        assertEquals("Jan Peeters", fr.get("commits").get(0).get("author").asText());
        assertEquals("Shorter advice round", fr.get("commits").get(0).get("subject").asText());
        Path board = temp.resolve("board");
        run("check", "--site", site.toString(), "--dashboard", board.toString());
        var html = org.jsoup.Jsoup.parse(board.resolve("index.html").toFile(), "UTF-8");
        assertEquals("Peers then ask questions before they give any advice.", html.selectFirst(".change del").text());
        assertEquals("Peers first ask questions, then give advice.", html.selectFirst(".change ins").text());
        assertTrue(html.selectFirst(".change").text().contains("Jan Peeters: Shorter advice round"), html.selectFirst(".change").text());

        run("mark-current", "--site", site.toString(), "content/fr/workshop.md");
        Git.commitAll(site, "French workshop guide up to date", "Awa Diop");
        editSource(site, "similar problems", "similar porblems");      // a typo made...
        Git.commitAll(site, "Typo", "Jan Peeters");
        editSource(site, "similar porblems", "similar problems");      // ...and fixed: a net no-change
        assertNull(frOutdated(translations(site), "outdated"));
        editSource(site, "similar problems", "simlar problems");
        JsonNode t = translations(site);
        assertEquals(0, t.get("outdated").asInt(), "a typo fix does not make it outdated: " + t);
        assertEquals(1, t.get("minor").asInt());
        assertNotNull(frOutdated(t, "minor"));

        editSource(site, "in ten minutes", "in fifteen minutes");
        editSource(site, "six to ten people", "six to twelve people");
        assertEquals(1, translations(site).get("outdated").asInt(), "changed words are not a typo");
    }

    @Test
    void aChangedFigureIsNeverATypo() throws Exception {
        Path site = site();
        Git.run(site, "init", "-q");
        Git.commitAll(site, "Workshop guide", "Awa Diop");
        editSource(site, "six to ten people", "six to ten people (8 on average)");
        assertEquals(1, translations(site).get("outdated").asInt());
        editSource(site, "(8 on average)", "(9 on average)");
        run("mark-current", "--site", site.toString(), "content/fr/workshop.md");
        editSource(site, "(9 on average)", "(6 on average)");
        assertEquals(1, translations(site).get("outdated").asInt(), "one character, but a figure");
    }

    @Test
    void markCurrentRefusesASourceAndNamesItsTranslationsWritingNothing() throws Exception {
        Path site = site();
        String before = Files.readString(site.resolve("content/fr/workshop.md"));
        Run r = run("mark-current", "--site", site.toString(), "content/fr/workshop.md", "content/en/workshop.md");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("is the source its translations are made from; name the translations to mark: content/fr/workshop.md"), r.err());
        assertTrue(r.err().contains("Nothing was written."), r.err());
        assertEquals(before, Files.readString(site.resolve("content/fr/workshop.md")));
        Run missing = run("mark-current", "--site", site.toString(), "content/fr/nothing.md");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("not a Markdown document of this site"), missing.err());
    }
}
