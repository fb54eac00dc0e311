package org.agora.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.testing.RealCorpus;
import org.agora.testing.ServedSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.agora.cli.Run.run;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The editors' translation dashboard ({@code check --dashboard}): its numbers are check's own, on the bundled
 * site and on every real corpus; each document's row links where an editor needs to go; readers and search
 * engines are kept out; and a pull request's changes come out as a comment.
 */
class TranslationDashboardTest {

    @TempDir
    Path temp;

    private record Checked(JsonNode check, Document html, JsonNode json) {}

    private Checked check(Path site, Path board) throws Exception {
        Run r = run("check", "--site", site.toString(), "--format", "json", "--dashboard", board.toString());
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        JsonNode check = new ObjectMapper().readTree(r.out()).get("translations");
        Document html = Jsoup.parse(board.resolve("index.html").toFile(), "UTF-8");
        JsonNode json = new ObjectMapper().readTree(board.resolve("translations.json").toFile());
        return new Checked(check, html, json);
    }

    /** The table's counts, its JSON's and check's are the same numbers, and add up to the documents. */
    private static void countsAgree(Checked c) {
        JsonNode per = c.check().get("perLanguage");
        assertEquals(per, c.json().get("perLanguage"), "translations.json");
        int documents = c.json().get("documents").size();
        Iterator<Map.Entry<String, JsonNode>> languages = per.fields();
        int languageCount = 0;
        while (languages.hasNext()) {
            Map.Entry<String, JsonNode> l = languages.next();
            languageCount++;
            Element row = c.html().selectFirst("tr[data-language=" + l.getKey() + "]");
            assertNotNull(row, l.getKey());
            int sum = 0;
            for (String count : new String[]{"done", "outdated", "machine", "missing"}) {
                int shown = Integer.parseInt(row.selectFirst("td[data-count=" + count + "]").text());
                assertEquals(l.getValue().get(count).asInt(), shown, l.getKey() + " " + count);
                sum += shown;
                // the per-document table says the same, cell by cell
                int cells = c.html().select("td[data-language=" + l.getKey() + "]").stream()
                        .filter(td -> countOf(td.attr("data-state")).equals(count)).toList().size();
                assertEquals(shown, cells, l.getKey() + " " + count + " cells");
            }
            assertEquals(documents, sum, l.getKey() + ": every document counted once");
        }
        assertEquals(c.check().get("languages").size(), languageCount);
        int missing = 0, outdated = 0;
        for (JsonNode l : per) {
            missing += l.get("missing").asInt();
            outdated += l.get("outdated").asInt();
        }
        assertEquals(c.check().get("missing").asInt(), missing, "check's own total of missing translations");
        assertEquals(c.check().get("outdated").asInt(), outdated, "check's own total of outdated translations");
    }

    private static String countOf(String state) {
        return switch (state) {
            case "source", "done", "minor" -> "done";
            default -> state;
        };
    }

    @Test
    void theBundledSitesDashboardShowsWhatCheckSays() throws Exception {
        Path site = ServedSite.copyOfBundled(temp.resolve("site"));
        Checked c = check(site, temp.resolve("board"));
        countsAgree(c);
        assertEquals("noindex, nofollow", c.html().selectFirst("meta[name=robots]").attr("content"));
        assertTrue(c.html().select("script").isEmpty(), "no script");
        assertEquals(1, c.check().get("perLanguage").get("fr").get("outdated").asInt(), "the drifted French radio guide");

        Element outdated = c.html().selectFirst("td[data-language=fr][data-state=outdated]");
        Element changes = c.html().getElementById(outdated.selectFirst("a[href^=#]").attr("href").substring(1));
        assertNotNull(changes, "its 'what changed' link leads to the diff");
        assertTrue(changes.text().contains("that version is not in the git history, so what changed cannot be shown"),
                "a copy without history says what it cannot show (TranslationDriftTest shows the diff with git): " + changes.text());
        assertTrue(changes.text().contains("./agora mark-current content/fr/guides/community-radio-starter.md"), changes.text());
        assertEquals("https://example.org/elibrary/fr/guides-pratiques/demarrer-une-radio-communautaire/",
                outdated.selectFirst("a[title]").attr("href"));

        Element missing = c.html().selectFirst("tr:has(a:contains(content/en/guides/safe-online-spaces.md)) td[data-language=fr]");
        assertEquals("missing", missing.attr("data-state"));
        assertEquals("./agora new --translate content/en/guides/safe-online-spaces.md --to fr", missing.selectFirst("code").text());
        assertEquals("machine", c.html().selectFirst("tr:has(a:contains(content/en/guides/open-data-publishing.md)) td[data-language=nl]")
                .attr("data-state"), "the unreviewed Dutch machine translation");

        // nothing of it reaches the published site
        Path out = temp.resolve("public");
        assertEquals(0, run("build", "--site", site.toString(), "--out", out.toString()).code());
        try (var files = Files.walk(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().equals("translations.json")));
        }
    }

    @ParameterizedTest
    @EnumSource(RealCorpus.class)
    void everyCorpussDashboardShowsWhatCheckSays(RealCorpus corpus) throws Exception {
        Path site = corpus.site(temp);
        countsAgree(check(site, temp.resolve("board-" + corpus.id())));
    }

    @Test
    void aPullRequestsChangesComeOutAsACommentAndABadCompareFileWritesNothing() throws Exception {
        Path site = ServedSite.copyOfBundled(temp.resolve("site"));
        Path base = temp.resolve("base");
        check(site, base);
        // the pull request translates the safety guide into French and changes the English facilitation guide
        assertEquals(0, run("new", "--site", site.toString(), "--translate", "content/en/guides/safe-online-spaces.md", "--to", "fr").code());
        Path en = site.resolve("content/en/guides/facilitation.md");
        Files.writeString(en, Files.readString(en) + "\nOne more paragraph for the facilitators.\n");
        Path head = temp.resolve("head");
        Run r = run("check", "--site", site.toString(), "--dashboard", head.toString(), "--compare", base.resolve("translations.json").toString(),
                "--drafts");
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(head.resolve("changes.md"));
        assertTrue(md.contains("`content/fr/guides/safe-online-spaces.md`: new → **done**") || md.contains("in fr: missing → **done**"), md);
        assertTrue(md.contains("`content/nl/guides/facilitation.md`: done → **outdated**"), md);
        assertTrue(md.contains("| fr | "), md);

        Run inContent = run("check", "--site", site.toString(), "--dashboard", site.resolve("content/board").toString());
        assertEquals(ExitCodes.USAGE, inContent.code());
        assertTrue(inContent.err().contains("write it outside content/"), inContent.err());
        assertFalse(Files.exists(site.resolve("content/board")), "nothing written into the content");

        Path other = temp.resolve("other");
        Run bad = run("check", "--site", site.toString(), "--dashboard", other.toString(), "--compare", temp.resolve("nothing.json").toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("is not a translations.json"), bad.err());
        assertFalse(Files.exists(other.resolve("index.html")), "nothing half written");
    }
}
