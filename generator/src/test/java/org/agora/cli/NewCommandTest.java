package org.agora.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.testing.OutputSite;
import org.agora.testing.ServedSite;
import org.agora.testing.TestPaths;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.agora.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** agora new: documents and translation stubs that the next build accepts, groups, and keeps unpublished. */
class NewCommandTest {

    @TempDir
    Path temp;

    private static BuildResult build(Path site, Path out, boolean drafts) {
        BuildResult r = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, out, drafts, out.resolveSibling(out.getFileName() + "-cache")));
        assertTrue(r.success(), () -> r.diagnostics().sorted().toString());
        return r;
    }

    private static String alternate(Document page, String lang) {
        Element link = page.selectFirst("link[rel=alternate][hreflang=" + lang + "]");
        return link == null ? null : link.attr("href");
    }

    /** Runs {@code agora new --site SITE ARGS}, which must succeed. */
    private static Run created(Path site, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("new", "--site", site.toString()));
        all.addAll(List.of(args));
        Run r = run(all.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        return r;
    }

    @Test
    void newDocumentInTheMiniSiteFollowsItsLayoutAndStaysADraft() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        long warningsBefore = build(site, temp.resolve("before"), true).diagnostics().warningCount();

        Run guide = created(site, "guides", "Budget & planning: \"first\" steps", "--lang", "fr", "--date", "2026-11-01");
        assertTrue(guide.out().startsWith("Created content/fr/guides/budget-planning-first-steps.md\nNext: "), guide.out());
        String text = Files.readString(site.resolve("content/fr/guides/budget-planning-first-steps.md"));
        assertTrue(text.startsWith("---\ntitle: \"Budget & planning: \\\"first\\\" steps\"\ndate: 2026-11-01\ndraft: true "), text);
        assertTrue(text.contains("\nsummary: \""), text);
        assertTrue(text.contains("\ntags: []"), text);
        assertFalse(text.contains("event:"), text);

        // The events section of the mini site keeps its default-language files without a suffix.
        created(site, "events", "Open house", "--date", "2026-12-01");
        String ev = Files.readString(site.resolve("content/events/open-house.md"));
        assertTrue(ev.contains("\nevent:\n  start: 2026-12-01 "), ev);
        assertTrue(ev.contains("\n  end: 2026-12-01\n  location: \""), ev);

        BuildResult published = build(site, temp.resolve("public"), false);
        assertEquals(warningsBefore, published.diagnostics().warningCount(), () -> published.diagnostics().sorted().toString());
        OutputSite out = new OutputSite(temp.resolve("public"), "/sub/path/");
        assertFalse(out.pages().keySet().stream().anyMatch(p -> p.contains("budget-planning") || p.contains("open-house")),
                "drafts are not published without --drafts");

        BuildResult withDrafts = build(site, temp.resolve("drafts"), true);
        assertEquals(warningsBefore, withDrafts.diagnostics().warningCount(), () -> withDrafts.diagnostics().sorted().toString());
        OutputSite drafts = new OutputSite(temp.resolve("drafts"), "/sub/path/");
        assertTrue(drafts.pages().containsKey("fr/guides-pratiques/budget-planning-first-steps/index.html"), drafts.pages().keySet().toString());
        assertNotNull(drafts.page("en/events/open-house/index.html").selectFirst("main"));
    }

    @Test
    void translationStubsJoinTheirSourcesGroupInTheMiniSite() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        long warningsBefore = build(site, temp.resolve("before"), true).diagnostics().warningCount();

        // Folder layout, no translationKey: the same path in the nl folder groups them; no key is added.
        Run guide = created(site, "--translate", "content/en/guides/checklist.md", "--to", "nl");
        assertTrue(guide.out().startsWith("Created content/nl/guides/checklist.md\n"), guide.out());
        String checklist = Files.readString(site.resolve("content/nl/guides/checklist.md"));
        assertTrue(checklist.startsWith("---\n# TO TRANSLATE from English (content/en/guides/checklist.md)"), checklist);
        assertTrue(checklist.contains("\ntitle: \"Checklist\"\ndate: 2026-10-01\ndraft: true\n"), checklist);
        assertFalse(checklist.contains("translationKey"), checklist);
        assertTrue(checklist.endsWith("\n---\n## The list\n\n- [ ] book a room\n"), "the body as it was: " + checklist);
        String pin = org.agora.content.SourceVersion.of("Checklist", null, "## The list\n\n- [ ] book a room\n").pin();
        assertTrue(checklist.contains("\ntranslation: { source: \"" + pin + "\" }\n"), "pinned to its source as it is: " + checklist);

        // Suffix layout with a translationKey and an event: both kept.
        created(site, "--translate", "events/assembly.md", "--to", "nl");
        String nl = Files.readString(site.resolve("content/events/assembly.nl.md"));
        assertTrue(nl.contains("\ntranslationKey: \"assembly-2026\"\n"), nl);
        assertTrue(nl.contains("\nevent:\n  start: 2026-04-18T09:30+02:00\n  end: 2026-04-18T17:00+02:00\n  location: \"Namur\"\n"), nl);
        assertTrue(nl.endsWith("---\nThe assembly.\n"), nl);

        BuildResult published = build(site, temp.resolve("public"), false);
        assertEquals(warningsBefore, published.diagnostics().warningCount(), () -> published.diagnostics().sorted().toString());
        OutputSite out = new OutputSite(temp.resolve("public"), "/sub/path/");
        assertEquals(null, alternate(out.page("en/guides/checklist/index.html"), "nl"), "a draft translation is not published");

        BuildResult withDrafts = build(site, temp.resolve("drafts"), true);
        assertEquals(warningsBefore, withDrafts.diagnostics().warningCount(), () -> withDrafts.diagnostics().sorted().toString());
        OutputSite drafts = new OutputSite(temp.resolve("drafts"), "/sub/path/");
        assertEquals("https://example.org/sub/path/nl/gidsen/checklist/", alternate(drafts.page("en/guides/checklist/index.html"), "nl"));
        assertEquals("https://example.org/sub/path/nl/events/assembly/", alternate(drafts.page("en/events/assembly/index.html"), "nl"));
        assertEquals("https://example.org/sub/path/fr/events/assemblee/", alternate(drafts.page("nl/events/assembly/index.html"), "fr"));
    }

    @Test
    void filesBesideTheSourceStayReachableFromTheTranslationsFolder() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        created(site, "--translate", "content/en/guides/facilitation.md", "--to", "nl");
        String nl = Files.readString(site.resolve("content/nl/guides/facilitation.md"));
        assertTrue(nl.contains("![diagram](/en/files/diagram.png)"), nl);
        assertTrue(nl.contains("[English-only checklist](checklist.md#the-list)"), "links to documents find their group: " + nl);
        assertTrue(nl.contains("(../../events/assembly.en.md)"), nl);
        assertTrue(nl.contains("\ntags: [\"facilitation\", \"Peer Learning\"]   # free words"), nl);
        assertTrue(nl.contains("\ncountries: [\"BE\", \"SN\"]\n"), nl);
        assertFalse(nl.contains("aliases"), "old URLs belong to the source: " + nl);

        BuildResult withDrafts = build(site, temp.resolve("drafts"), true);
        // Whatever the build says about the stub it says about its source too (the body is the same text).
        var stub = messagesAbout(withDrafts, "nl/guides/facilitation.md");
        assertTrue(messagesAbout(withDrafts, "en/guides/facilitation.md").containsAll(stub), stub.toString());
        OutputSite drafts = new OutputSite(temp.resolve("drafts"), "/sub/path/");
        assertNotNull(drafts.page("nl/gidsen/facilitation/index.html").selectFirst("main img[src=/sub/path/en/files/diagram.png]"));
        assertNotNull(alternate(drafts.page("en/guides/facilitation/index.html"), "nl"));
        assertEquals(java.util.List.of(), drafts.brokenLinks());
    }

    private static java.util.List<String> messagesAbout(BuildResult r, String file) {
        return r.diagnostics().sorted().stream().filter(d -> d.position().file().toString().replace('\\', '/').endsWith(file))
                .map(d -> d.severity() + ": " + d.message()).toList();
    }

    @Test
    void bundledSiteTranslationsAndNewDocumentsInBothLayouts() throws IOException {
        Path site = ServedSite.copyOfBundled(temp.resolve("bundled"));

        created(site, "--translate", "content/en/guides/safe-online-spaces.md", "--to", "fr");
        String fr = Files.readString(site.resolve("content/fr/guides/safe-online-spaces.md"));
        assertTrue(fr.contains("# TO TRANSLATE from English"), fr);
        assertTrue(fr.contains("\nthemes: [\""), fr);
        Run event = created(site, "--translate", "content/events/open-data-day-kinshasa.en.md", "--to", "nl");
        assertTrue(event.out().startsWith("Created content/events/open-data-day-kinshasa.nl.md\n"), event.out());
        created(site, "resources", "Toolkit for radio hosts", "--lang", "nl");
        String toolkit = Files.readString(site.resolve("content/nl/resources/toolkit-for-radio-hosts.md"));
        assertTrue(toolkit.contains("\nattachments: []"), toolkit);
        assertTrue(toolkit.contains("\nauthors: []   "), "resources are citable: " + toolkit);
        // A translation cites the same work: its authors come along.
        created(site, "--translate", "content/fr/resources/boite-a-outils-climat.md", "--to", "en");
        String translated = Files.readString(site.resolve("content/en/resources/boite-a-outils-climat.md"));
        assertTrue(translated.contains("\nauthors:\n  - \"Faso Climat\"\n  - \"Sahel Eau Vive\"\n"), translated);
        // The bundled site-config.yml requires themes of resources: the placeholder says so.
        assertTrue(toolkit.contains("\nthemes: []   # REQUIRED: keys from data/taxonomies.yml: capacity-building, climate-adaptation,"), toolkit);
        Run news = created(site, "events", "Radio day", "--lang", "fr");
        assertTrue(news.out().startsWith("Created content/events/radio-day.fr.md\n"), news.out());

        BuildResult published = build(site, temp.resolve("public"), false);
        assertEquals(0, published.diagnostics().warningCount(), () -> published.diagnostics().sorted().toString());
        BuildResult withDrafts = build(site, temp.resolve("drafts"), true);
        assertEquals(0, withDrafts.diagnostics().warningCount(), () -> withDrafts.diagnostics().sorted().toString());
        OutputSite drafts = new OutputSite(temp.resolve("drafts"), "/elibrary/");
        Document en = drafts.page("en/guides/safe-online-spaces/index.html");
        assertNotNull(alternate(en, "fr"), "the French stub joins the English guide's group");
        assertNotNull(alternate(drafts.page("en/events/open-data-day-kinshasa/index.html"), "nl"));
        assertEquals(java.util.List.of(), drafts.brokenLinks());
    }

    @Test
    void problemsAreExplainedAndNothingIsOverwritten() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        String s = site.toString();
        assertEquals(ExitCodes.OK, run("new", "--site", s, "guides", "Twice").code());
        Path twice = site.resolve("content/en/guides/twice.md");
        Files.writeString(twice, "edited by hand");
        Run again = run("new", "--site", s, "guides", "Twice");
        assertEquals(ExitCodes.USAGE, again.code());
        assertTrue(again.err().contains("content/en/guides/twice.md already exists"), again.err());
        assertEquals("edited by hand", Files.readString(twice));

        Run type = run("new", "--site", s, "guide", "Something");
        assertEquals(ExitCodes.USAGE, type.code());
        assertTrue(type.err().contains("no section 'guide'; did you mean 'guides'?"), type.err());
        assertTrue(type.err().contains("events, guides"), type.err());

        Run lang = run("new", "--site", s, "guides", "Something", "--lang", "de");
        assertEquals(ExitCodes.USAGE, lang.code());
        assertTrue(lang.err().contains("no language 'de'") && lang.err().contains("en, fr, nl"), lang.err());

        Run exists = run("new", "--site", s, "--translate", "content/en/guides/facilitation.md", "--to", "fr");
        assertEquals(ExitCodes.USAGE, exists.code());
        assertTrue(exists.err().contains("the 'fr' version already exists: content/fr/guides/facilitation.md"), exists.err());
        Run keyed = run("new", "--site", s, "--translate", "content/events/assembly.md", "--to", "fr");
        assertTrue(keyed.err().contains("the 'fr' version already exists: content/events/assemblee.fr.md"), keyed.err());

        Run missing = run("new", "--site", s, "--translate", "content/en/guides/nothing.md", "--to", "fr");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("is not a Markdown document of this site"), missing.err());
        Run fromContent = run("new", "--site", s, "--translate", "en/guides/third.md", "--to", "fr");
        assertEquals(ExitCodes.OK, fromContent.code(), "a path from content/ is found too: " + fromContent.err());
        assertTrue(Files.isRegularFile(site.resolve("content/fr/guides/third.md")));
        Run help = run("new", "--help");
        assertEquals(ExitCodes.OK, help.code());
        assertTrue(help.out().contains("--translate=PATH"), help.out());
        assertEquals(ExitCodes.USAGE, run("new", "--site", s, "guides").code());
        assertEquals(ExitCodes.USAGE, run("new", "--site", s, "--translate", "content/en/guides/checklist.md").code());
        assertEquals(ExitCodes.USAGE, run("new", "--site", s, "guides", "X", "--date", "tomorrow").code());
        assertEquals(ExitCodes.SITE_ERRORS, run("new", "--site", temp.resolve("nowhere").toString(), "guides", "X").code());
    }

    @Test
    void theTypesRequiredFieldsArePlaceholdersThatCheckRemindsOf() throws IOException {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Path config = site.resolve("site-config.yml");
        Files.writeString(config, Files.readString(config)
                + "types:\n  guides: { required: [summary, tags, author, weight, cover.image] }\n");
        Run r = created(site, "guides", "Budget", "--date", "2026-11-01");
        assertTrue(r.out().contains(" and the fields marked REQUIRED (./agora check --drafts lists what is empty)"), r.out());
        Path file = site.resolve("content/en/guides/budget.md");
        String text = Files.readString(file);
        assertTrue(text.contains("\nsummary: \"One or two sentences"), text);
        assertTrue(text.contains("\ntags: []   # REQUIRED: one or more words\n"), text);
        assertTrue(text.contains("\nauthor: \"\"   # REQUIRED for guides\n"), text);
        assertTrue(text.contains("\nweight: 10   # REQUIRED for guides"), text);
        assertTrue(text.contains("\ncover:   # REQUIRED for guides\n  image: \"\"\n"), text);

        // What is still empty is a warning while the document is a draft (the fixture's other guides lack
        // tags and author too, and are errors)...
        Run draft = run("check", "--site", site.toString(), "--drafts", "--format", "json");
        assertEquals(List.of("warning 'author'", "warning 'cover.image'", "warning 'tags'"), missing(draft, "content/en/guides/budget.md"));
        // ...and an error once it is published.
        Files.writeString(file, text.replace("\ndraft: true ", "\n# was a draft "));
        Run published = run("check", "--site", site.toString(), "--format", "json");
        assertEquals(ExitCodes.SITE_ERRORS, published.code(), published.out());
        assertEquals(List.of("error 'author'", "error 'cover.image'", "error 'tags'"), missing(published, "content/en/guides/budget.md"));
    }

    /** "severity 'field'" of each missing required field check reports in one file. */
    private static List<String> missing(Run check, String file) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode p : new ObjectMapper().readTree(check.out()).get("problems")) {
            if (!p.get("file").asText().equals(file)) continue;
            assertEquals("frontmatter.missing-required", p.get("code").asText(), p.toString());
            String message = p.get("message").asText();
            out.add(p.get("severity").asText() + " " + message.substring(0, message.indexOf(" is ")));
        }
        return out.stream().sorted().toList();
    }
}
