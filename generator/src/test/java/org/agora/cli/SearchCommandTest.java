package org.agora.cli;

import org.agora.testing.TestPaths;
import org.agora.testing.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.agora.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `agora search`: the cached Lucene index, refreshed by a build when the site changed. */
class SearchCommandTest {

    @TempDir
    Path temp;

    @Test
    void searchesTheCachedIndexAndRebuildsItWhenTheContentChanged() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Run first = run("search", "--site", site.toString(), "--lang", "fr", "atelier");
        assertEquals(ExitCodes.OK, first.code(), first.err());
        assertTrue(first.err().contains("building the site first"), "no index yet: a build makes it");
        assertTrue(first.out().matches("(?s)[1-9]\\d* results? for \"atelier\" in fr.*"), first.out());
        assertTrue(first.out().contains("/fr/"), first.out());

        Run again = run("search", "--site", site.toString(), "--lang", "fr", "atelier");
        assertFalse(again.err().contains("building"), "an up-to-date index is reused: " + again.err());
        assertEquals(first.out(), again.out());

        Path doc = site.resolve("content/fr/guides/facilitation.md");
        Thread.sleep(1100); // file times have a one-second resolution on some file systems
        Files.writeString(doc, Files.readString(doc) + "\nUn mot rare : zygomorphe.\n");
        Run changed = run("search", "--site", site.toString(), "--lang", "fr", "zygomorphe");
        assertTrue(changed.err().contains("building the site first"), changed.err());
        assertTrue(changed.out().startsWith("1 result for \"zygomorphe\" in fr"), changed.out());
        assertTrue(changed.out().contains("[zygomorphe]"), "the excerpt marks the word: " + changed.out());
    }

    @Test
    void aResultFoundInsideAPdfNamesTheAttachmentAndQuotesIt() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Files.writeString(site.resolve("content/en/guides/report.md"), """
                ---
                title: Field report
                attachments:
                  - file: field-report.pdf
                    title: "Field report (PDF)"
                ---
                The report of our visits is attached.
                """);
        TestPdfs.write(site.resolve("content/en/guides/field-report.pdf"), java.util.List.of(java.util.List.of(
                "In March we visited the community radio in Kaolack and its listeners' club.")));
        Run r = run("search", "--site", site.toString(), "Kaolack");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("1 result for \"Kaolack\" in en"), r.out());
        assertTrue(r.out().contains("/sub/path/en/guides/report/"), "the result is the document's page: " + r.out());
        assertTrue(r.out().contains("in: Field report (PDF)  /sub/path/en/guides/field-report.pdf"), r.out());
        assertTrue(r.out().contains("the community radio in [Kaolack] and"), "the excerpt quotes the PDF: " + r.out());
    }

    @Test
    void unknownLanguageOrBadFilterIsAUsageError() {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Run lang = run("search", "--site", site.toString(), "--lang", "de", "x");
        assertEquals(ExitCodes.USAGE, lang.code());
        assertTrue(lang.err().contains("no language 'de'"), lang.err());
        Run filter = run("search", "--site", site.toString(), "--filter", "themes", "x");
        assertEquals(ExitCodes.USAGE, filter.code());
        assertTrue(filter.err().contains("FIELD=VALUE"), filter.err());
    }

    @Test
    void aMisspellingFindsTheClosestWordAndSaysSo() {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Run r = run("search", "--site", site.toString(), "--lang", "fr", "atrlier");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(run("search", "--site", site.toString(), "--lang", "fr", "atelier").out().lines().findFirst()
                .orElseThrow().replace("atelier", "atrlier"), r.out().lines().findFirst().orElseThrow(), "the pages of atelier");
        assertTrue(r.out().contains("No page has: atrlier") && r.out().contains("Did you mean: atelier"), r.out());
        Run none = run("search", "--site", site.toString(), "--lang", "fr", "zzyzxq atelier");
        assertTrue(none.out().contains("No page has all your words: showing pages with 1 of 2"), none.out());
    }
}
