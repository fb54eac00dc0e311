package org.agora.site;

import org.agora.testing.ServedSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview's build after a change ({@link SiteBuilder#rebuildKeeping}) writes what a full build of the
 * changed site writes: after each kind of edit an editor makes, the preview folder equals a fresh build's,
 * file for file, except the search index and the related-documents lists (the background full build
 * refreshes those); it renders only the documents and pages the edit reaches; a change with errors writes
 * nothing. After every edit, a build with the cache of the build before the edits equals one without cache.
 */
class PreviewRebuildTest {

    private static final LocalDate BUILD_DATE = LocalDate.of(2026, 11, 22);

    @TempDir
    Path temp;
    /** A copy of the bundled site, for each test to edit, and the folder its preview builds into. */
    Path site, preview;

    @BeforeEach
    void copyOfTheBundledSite() {
        site = ServedSite.copyOfBundled(temp.resolve("site"));
        preview = temp.resolve("preview");
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("a paragraph added to a guide's body", "content/en/guides/safe-online-spaces.md",
                        (UnaryOperator<String>) s -> s + "\n\nA paragraph added in the preview.\n", 1),
                // its French and Dutch translations pin it: they now tell readers their original changed
                Arguments.of("a paragraph added to a guide that pinned translations translate", "content/en/guides/facilitation.md",
                        (UnaryOperator<String>) s -> s + "\n\nA paragraph added in the preview.\n", 3),
                Arguments.of("a guide's title", "content/en/guides/community-radio-starter.md",
                        (UnaryOperator<String>) s -> s.replace("Starting a community radio: a first-year guide",
                                "Starting a community radio in its first year"), -1),
                Arguments.of("a news item's date, which reorders lists", "content/en/news/gender-data-fellowship.md",
                        (UnaryOperator<String>) s -> s.replace("date: 2026-09-21", "date: 2026-03-02"), -1),
                Arguments.of("a draft, which the site leaves out", "content/en/news/digital-literacy-survey.md",
                        (UnaryOperator<String>) s -> s + "\n\nMore provisional figures.\n", 0),
                Arguments.of("a guide's themes, which changes term pages and counts", "content/en/guides/community-radio-starter.md",
                        (UnaryOperator<String>) s -> s.replace("themes: [community-media, capacity-building]",
                                "themes: [community-media]"), -1),
                Arguments.of("the summary of a French document that Dutch lists show as a fallback",
                        "content/fr/resources/boite-a-outils-climat.md",
                        (UnaryOperator<String>) s -> s.replace("Cinq outils simples", "Six outils simples"), -1),
                Arguments.of("an event's time and place", "content/events/general-assembly-2026.nl.md",
                        (UnaryOperator<String>) s -> s.replace("09:00:00+02:00", "10:30:00+02:00")
                                .replace("Maison de la Culture, Namen", "Citadel, Namen"), -1));
    }

    /** Edits one after the other, each rebuilt on the snapshot the last one left, as the preview does. */
    @Test
    void everyKindOfEditLeavesThePreviewEqualToAFullBuild() throws IOException {
        SiteSnapshot snapshot = keep(site, preview);
        try {
            for (Arguments arguments : edits().toList()) {
                Object[] a = arguments.get();
                String what = (String) a[0];
                Path changed = site.resolve((String) a[1]);
                @SuppressWarnings("unchecked") UnaryOperator<String> edit = (UnaryOperator<String>) a[2];
                int expectedPages = (int) a[3];
                String before = Files.readString(changed);
                Files.writeString(changed, edit.apply(before));
                assertFalse(before.equals(Files.readString(changed)), "the edit changes the file: " + what);

                long mark = markedOld(temp.resolve("cache-preview"));
                SiteBuilder.Kept rebuilt = rebuild(site, preview, snapshot, changed);
                assertTrue(rebuilt.snapshot().orElseThrow().themes() == snapshot.themes(), "the theme stays loaded");
                snapshot = rebuilt.snapshot().orElseThrow();
                long documents = newFiles(temp.resolve("cache-preview/documents"), mark);
                long pages = newFiles(temp.resolve("cache-preview/pages"), mark);
                if (expectedPages >= 0) {
                    // one file edited: at most its own Markdown is rendered again, whatever pages show it
                    assertEquals(Math.min(expectedPages, 1), documents, "documents rendered for " + what);
                    assertEquals(expectedPages, pages, "pages rendered for " + what);
                } else {
                    assertTrue(pages > 1, "the lists showing it were rendered too, for " + what + ": " + pages);
                }

                Path full = temp.resolve("full");
                BuildResult fresh = new SiteBuilder(BuildListener.NONE).build(options(site, full));
                assertTrue(fresh.success(), fresh.diagnostics().sorted().toString());
                assertEquals(comparable(full), comparable(preview), what);
                assertWarmBuildIsTheColdOne(site, what);
                assertTrue(new SiteBuilder(BuildListener.NONE).rebuildKeeping(options(site, preview), snapshot, Set.of(changed)).unchanged(),
                        "nothing changed since: " + what);
            }
        } finally {
            snapshot.close();
        }
    }

    @Test
    void aReplacedAttachmentIsCopiedAndItsDocumentsShowItsNewSize() throws IOException {
        try (SiteSnapshot snapshot = keep(site, preview)) {
            Path pdf = site.resolve("content/files/annual-report-2025.pdf");
            Files.write(pdf, new byte[48 * 1024], java.nio.file.StandardOpenOption.APPEND);
            long mark = markedOld(temp.resolve("cache-preview"));
            rebuild(site, preview, snapshot, pdf);
            assertEquals(3, newFiles(temp.resolve("cache-preview/pages"), mark), "the report's page in each language");
            assertEquals(Files.size(pdf), Files.size(preview.resolve("files/annual-report-2025.pdf")));
            assertTrue(new SiteBuilder(BuildListener.NONE).build(options(site, temp.resolve("full"))).success());
            assertEquals(comparable(temp.resolve("full")), comparable(preview));
            assertWarmBuildIsTheColdOne(site, "a replaced attachment");
        }
    }

    @Test
    void aFileReplacedByALinkOutOfTheSiteIsNeverPublished() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "CANARY-SECRET");
        try (SiteSnapshot snapshot = keep(site, preview)) {
            Path pdf = site.resolve("content/files/annual-report-2025.pdf");
            Files.delete(pdf);
            Files.createSymbolicLink(pdf, secret);
            SiteBuilder.Kept kept = new SiteBuilder(BuildListener.NONE).rebuildKeeping(options(site, preview), snapshot, Set.of(pdf));
            assertFalse(kept.result().success(), "the rebuild reports the link");
            assertTrue(kept.result().diagnostics().sorted().stream().anyMatch(d -> d.isError() && pdf.equals(d.position().file())),
                    kept.result().diagnostics().sorted().toString());
            assertFalse(Files.readString(preview.resolve("files/annual-report-2025.pdf"), StandardCharsets.ISO_8859_1)
                    .contains("CANARY-SECRET"));
        }
    }

    @Test
    void aNewDocumentIsRebuiltWithTheEarlierSearchIndex() throws IOException {
        try (SiteSnapshot snapshot = keep(site, preview)) {
            Map<String, String> searchBefore = files(preview.resolve(org.agora.search.SearchLayout.OUTPUT_FOLDER));
            Path added = site.resolve("content/en/guides/mapping-walks.md");
            Files.writeString(added, "---\ntitle: Mapping walks with residents\ndate: 2026-10-02\nthemes: [digital-inclusion]\n"
                    + "summary: A walk through the neighbourhood to map what is missing.\n---\n\nWalk, look, note.\n");
            rebuild(site, preview, snapshot, added);
            assertTrue(Files.isRegularFile(preview.resolve("en/guides/mapping-walks/index.html")));
            assertEquals(searchBefore, files(preview.resolve(org.agora.search.SearchLayout.OUTPUT_FOLDER)), "the search index is the earlier one, whole");

            assertTrue(new SiteBuilder(BuildListener.NONE).build(options(site, temp.resolve("full"))).success());
            assertEquals(comparable(temp.resolve("full")), comparable(preview), "every page as a full build writes it");
            assertWarmBuildIsTheColdOne(site, "a new document");
        }
    }

    @Test
    void aChangeWithErrorsWritesNothingAndTheFixThenRebuilds() throws IOException {
        try (SiteSnapshot snapshot = keep(site, preview)) {
            Map<String, String> before = files(preview);
            Path doc = site.resolve("content/en/guides/facilitation.md");
            String original = Files.readString(doc);
            Files.writeString(doc, original.replaceFirst("title: \"", "title: [\""));

            SiteBuilder.Kept failed = new SiteBuilder(BuildListener.NONE).rebuildKeeping(options(site, preview), snapshot, Set.of(doc));
            assertFalse(failed.result().success());
            assertTrue(failed.snapshot().isEmpty(), "the last good snapshot stays the one to build on");
            assertTrue(failed.result().diagnostics().sorted().stream()
                    .anyMatch(d -> d.isError() && doc.equals(d.position().file()) && d.position().line() > 0), failed.result().diagnostics().sorted().toString());
            assertEquals(before, files(preview), "the preview keeps the last good pages");

            Files.writeString(doc, original.replace("title: \"", "title: \"Fixed: "));
            rebuild(site, preview, snapshot, doc);
            assertTrue(Files.readString(preview.resolve("en/guides/facilitation/index.html")).contains("Fixed: "));
        }
    }

    /**
     * Changes that reach every page (a section's title in every page's navigation, a moved page, the text of
     * a page the generator makes, the configuration; a new page has its own test) go through the same stages
     * as any other.
     */
    @Test
    void changesThatReachFurtherAreRebuiltTheSameWay() throws IOException {
        SiteSnapshot snapshot = keep(site, preview);
        try {
            Path section = site.resolve("content/en/guides/_index.md");
            Path moved = site.resolve("content/en/guides/facilitation.md");
            Path search = site.resolve("content/en/search.md");
            Path config = site.resolve("site-config.yml");
            List<Map.Entry<String, Runnable>> changes = List.of(
                    Map.entry("a section's title", () -> rewrite(section, s -> s.replace("title: \"Guides\"", "title: \"How-to guides\""))),
                    Map.entry("a new slug moves the page", () -> rewrite(moved, s -> s.replaceFirst("---\n", "---\nslug: facilitating-meetings\n"))),
                    Map.entry("the search page's own text", () -> rewrite(search, s -> "---\ntitle: Search the library\n---\n\nFind guides and reports.\n")),
                    Map.entry("the configuration", () -> rewrite(config, s -> s.replace("pageSize: 20", "pageSize: 5"))));
            Map<String, Path> changed = Map.of("a section's title", section, "a new slug moves the page", moved,
                    "the search page's own text", search, "the configuration", config);
            for (Map.Entry<String, Runnable> change : changes) {
                change.getValue().run();
                SiteBuilder.Kept kept = rebuild(site, preview, snapshot, changed.get(change.getKey()));
                if (kept.snapshot().orElseThrow().themes() != snapshot.themes()) snapshot.close();
                snapshot = kept.snapshot().orElseThrow();
                assertTrue(new SiteBuilder(BuildListener.NONE).build(options(site, temp.resolve("full"))).success());
                assertEquals(comparable(temp.resolve("full")), comparable(preview), change.getKey());
            }
        } finally {
            snapshot.close();
        }
    }

    private static void rewrite(Path file, UnaryOperator<String> edit) {
        try {
            Files.writeString(file, edit.apply(Files.exists(file) ? Files.readString(file) : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preview's build after a change to {@code changed}, which must succeed. */
    private SiteBuilder.Kept rebuild(Path site, Path preview, SiteSnapshot snapshot, Path changed) {
        SiteBuilder.Kept kept = new SiteBuilder(BuildListener.NONE).rebuildKeeping(options(site, preview), snapshot, Set.of(changed));
        assertTrue(kept.result().success(), kept.result().diagnostics().sorted().toString());
        assertFalse(kept.unchanged(), "the change was seen");
        return kept;
    }

    /** Cache files written since {@code since}: what the build rendered instead of reusing. */
    private static long newFiles(Path dir, long since) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toFile().lastModified() >= since).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A build that reuses the cache of the build made before the edits ({@code cache-preview}, copied) writes,
     * file for file, what a build from an empty cache writes: the cache never changes what is published,
     * search index and related documents included.
     */
    private void assertWarmBuildIsTheColdOne(Path site, String what) {
        Path warmCache = temp.resolve("cache-warm");
        org.agora.files.FileTrees.delete(warmCache);
        org.agora.testing.TestPaths.copyTree(temp.resolve("cache-preview"), warmCache);
        long before = markedOld(warmCache);
        BuildResult warm = new SiteBuilder(BuildListener.NONE).build(
                new BuildOptions(site, temp.resolve("warm"), false, warmCache, BUILD_DATE));
        assertTrue(warm.success(), warm.diagnostics().sorted().toString());
        assertTrue(reusedFiles(warmCache.resolve("documents"), before) > 0, "documents were taken from the cache: " + what);
        assertTrue(reusedFiles(warmCache.resolve("pages"), before) > 0, "pages were taken from the cache: " + what);

        Path coldCache = temp.resolve("cache-cold");
        org.agora.files.FileTrees.delete(coldCache);
        BuildResult cold = new SiteBuilder(BuildListener.NONE).build(
                new BuildOptions(site, temp.resolve("cold"), false, coldCache, BUILD_DATE));
        assertTrue(cold.success(), cold.diagnostics().sorted().toString());
        Map<String, String> warmFiles = files(temp.resolve("warm"));
        Map<String, String> coldFiles = files(temp.resolve("cold"));
        assertEquals(coldFiles.keySet(), warmFiles.keySet(), "the same files, warm and cold: " + what);
        coldFiles.forEach((path, text) -> assertEquals(text, warmFiles.get(path), path + ", warm and cold: " + what));
    }

    /** Dates every file of the cache a day back, so that the files a build keeps are told from those it writes. */
    private static long markedOld(Path dir) {
        long old = System.currentTimeMillis() - 86_400_000L;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(old));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return old + 1000;
    }

    /** Cache files a build found already there (dated before {@code since}) and kept. */
    private static long reusedFiles(Path dir, long since) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toFile().lastModified() < since).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The library's data is a file per page of the list: a changed title gives a new entry and a new file
     * for the page that holds the document (a reader's browser fetches those again, and keeps the others);
     * the other pages' files are the same, and the replaced files are gone.
     */
    @Test
    void aChangedTitleRewritesOnlyTheLibraryFilesThatHoldItAndDeletesTheOldOnes() throws IOException {
        Path config = site.resolve("site-config.yml");
        // Four documents a page, so the English library's data is several files and most do not hold the guide.
        rewrite(config, s -> s.replace("pageSize: 20", "pageSize: 4"));
        try (SiteSnapshot snapshot = keep(site, preview)) {
            Map<String, Object> before = libraryFiles(preview, "en");
            assertTrue(before.size() > 4, "an entry, a filters file and several pages: " + before.keySet());
            Path guide = site.resolve("content/en/guides/community-radio-starter.md");
            rewrite(guide, s -> s.replace("Starting a community radio: a first-year guide",
                    "Starting a community radio in its first year"));
            rebuild(site, preview, snapshot, guide);

            Map<String, Object> after = libraryFiles(preview, "en");
            Set<String> added = new java.util.TreeSet<>(after.keySet());
            added.removeAll(before.keySet());
            Set<String> gone = new java.util.TreeSet<>(before.keySet());
            gone.removeAll(after.keySet());
            assertEquals(2, added.size(), "a new entry and the new file of the guide's page: " + added);
            assertTrue(added.stream().anyMatch(p -> p.startsWith("data.")) && added.stream().anyMatch(p -> p.startsWith("data/items.")), added.toString());
            assertEquals(2, gone.size(), "the old entry and the old file of the guide's page: " + gone);
            for (String kept : after.keySet()) {
                if (!added.contains(kept)) assertEquals(before.get(kept), after.get(kept), kept + " is the same");
            }
            assertEquals(after.keySet(), named(preview.resolve("en/library")), "every file left is named by the entry");

            assertTrue(new SiteBuilder(BuildListener.NONE).build(options(site, temp.resolve("full"))).success());
            assertEquals(comparable(temp.resolve("full")), comparable(preview));
        }
    }

    /** A language's library data files, by path in its library folder, each with its content. */
    private static Map<String, Object> libraryFiles(Path out, String language) throws IOException {
        Path folder = out.resolve(language).resolve("library");
        Map<String, Object> identities = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".json")) {
                    identities.put(rel, Files.readString(p));
                }
            }
        }
        return identities;
    }

    /** The entry file of a library folder and the files it names. */
    private static Set<String> named(Path libraryFolder) throws IOException {
        List<Path> entries;
        try (var list = Files.list(libraryFolder)) {
            entries = list.filter(p -> p.getFileName().toString().matches("data\\.[0-9a-f]+\\.json")).toList();
        }
        assertEquals(1, entries.size(), entries.toString());
        var entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(entries.getFirst().toFile());
        Set<String> names = new java.util.TreeSet<>();
        names.add(entries.getFirst().getFileName().toString());
        names.add(entry.get("filters").asText());
        entry.get("pages").forEach(p -> names.add("data/items." + p.asText() + ".json"));
        return names;
    }

    private SiteSnapshot keep(Path site, Path out) {
        SiteBuilder.Kept kept = new SiteBuilder(BuildListener.NONE).buildKeeping(options(site, out));
        assertTrue(kept.result().success(), kept.result().diagnostics().sorted().toString());
        return kept.snapshot().orElseThrow();
    }

    private BuildOptions options(Path site, Path out) {
        return new BuildOptions(site, out, false, temp.resolve("cache-" + out.getFileName()), BUILD_DATE);
    }

    /**
     * Every output file but the search index, by path; pages without their related documents, which only a
     * full build recomputes.
     */
    private static Map<String, String> comparable(Path root) {
        Map<String, String> out = new TreeMap<>();
        files(root).forEach((path, text) -> {
            if (path.startsWith("agora-search/")) return;
            if (path.endsWith(".html")) {
                Document page = Jsoup.parse(new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                page.select("section.related").remove();
                text = page.outerHtml();
            }
            out.put(path, text);
        });
        return out;
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> out = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : all) {
            try {
                out.put(root.relativize(p).toString().replace('\\', '/'), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
