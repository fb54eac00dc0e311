package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.content.ContentScanner;
import org.agora.content.ContentSet;
import org.agora.content.FrontMatterParser;
import org.agora.content.ParsedDocument;
import org.agora.content.SourceFile;
import org.agora.content.StaticFile;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.markdown.LinkChecker;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.LibraryBuilder;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;
import org.agora.publish.Staging;
import org.agora.render.Views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live preview's rebuild after an editor saved documents: only the files that changed are read again,
 * and only the pages that show something of them are written, straight into the preview's folder.
 * <p>
 * The library is linked again from every parsed document (it is all in memory and quick), then compared
 * with the last one. A document whose body changed is written again alone. When what lists show of it
 * changed (its title, dates, summary or excerpt, type, terms, front matter), every page that lists it is
 * written too: sections, term and taxonomy pages, home, library (and its data), the pages whose related
 * documents include it, the feeds and the sitemap. Anything larger, such as a page added, removed or moved,
 * a section's own page, the theme or the configuration, needs a full build, which this says.
 * <p>
 * Related documents and the search index stay as the last full build made them; the preview refreshes them
 * with a full build in the background once the editor pauses.
 */
public final class ChangeBuilder {

    /** What became of a change. */
    public sealed interface Outcome {
        /** The pages the change affects were written; {@code snapshot} replaces the one given. */
        record Rebuilt(BuildResult result, SiteSnapshot snapshot) implements Outcome {}

        /** The change has errors: nothing was written, the given snapshot still holds. */
        record Failed(BuildResult result) implements Outcome {}

        /** No file's content changed (a save without edits, a file touched). */
        record Unchanged() implements Outcome {}

        /** The change reaches further than a few pages; the reason is for the terminal. */
        record NeedsFullBuild(String reason) implements Outcome {}
    }

    /**
     * Rebuilds what the changes since {@code before} affect.
     * @param changed the paths the watcher reported; only their folders matter (content/ or static/)
     */
    public Outcome rebuild(SiteSnapshot before, Set<Path> changed) {
        long started = System.nanoTime();
        Laps laps = new Laps();
        BuildOptions options = before.options();
        SiteConfig config = before.config();
        Path contentDir = config.contentDir();
        Path staticDir = config.siteDir().resolve("static");
        for (Path path : changed) {
            if (!path.startsWith(contentDir) && !path.startsWith(staticDir)) {
                return new Outcome.NeedsFullBuild(config.siteDir().relativize(path) + " changed");
            }
        }
        Diagnostics diagnostics = new Diagnostics();
        // The files the watcher named, when the snapshot knows them all and they are still there (an editor
        // saving documents); otherwise every file, found by a new scan, which must find the same files.
        Candidates candidates = Candidates.named(before, changed);
        if (candidates == null) {
            ContentSet content = new ContentScanner().scan(config, diagnostics);
            if (diagnostics.hasErrors() || !sameFiles(before, content)) {
                return new Outcome.NeedsFullBuild("files were added, removed or renamed");
            }
            candidates = new Candidates(content.markdown(), content.staticFiles());
        }
        laps.lap("find changed files");

        Map<String, SiteSnapshot.Source> sources = new LinkedHashMap<>(before.sources());   // the scanner's order
        Map<String, FileStamp> staticStamps = new HashMap<>(before.staticFiles());
        Map<SourceFile, FileStamp> reread = new LinkedHashMap<>();
        // A file saved as a symbolic link keeps its name: only the full build's scan may decide about it.
        org.agora.files.SiteFolder site = org.agora.files.SiteFolder.of(config.siteDir());
        for (SourceFile source : candidates.markdown()) {
            Optional<FileStamp> stamp = FileStamp.of(source.file());
            if (stamp.isEmpty()) return new Outcome.NeedsFullBuild(source.relPath() + " cannot be read");
            if (stamp.get().equals(before.sources().get(source.relPath()).stamp())) continue;
            if (!site.readable(source.file(), Diagnostics.discarding())) {
                return new Outcome.NeedsFullBuild(source.relPath() + " now leads out of the site");
            }
            if (source.isSectionIndex()) {
                return new Outcome.NeedsFullBuild(source.relPath() + " is a section's page, shown in every page's navigation");
            }
            // Stamped before it is read: a save in between is seen again next time, never missed.
            reread.put(source, stamp.get());
        }
        List<StaticFile> recopied = new ArrayList<>();
        for (StaticFile file : candidates.statics()) {
            Optional<FileStamp> stamp = FileStamp.of(file.file());
            if (stamp.isEmpty()) return new Outcome.NeedsFullBuild(file.relPath() + " cannot be read");
            if (stamp.get().equals(before.staticFiles().get(file.relPath()))) continue;
            if (!site.readable(file.file(), Diagnostics.discarding())) {
                return new Outcome.NeedsFullBuild(file.relPath() + " now leads out of the site");
            }
            // An attachment's size shows on its document's page: which one is found below, by the library.
            staticStamps.put(file.relPath(), stamp.get());
            recopied.add(file);
        }
        if (reread.isEmpty() && recopied.isEmpty()) return new Outcome.Unchanged();

        FrontMatterParser parser = new FrontMatterParser(config);
        Set<Path> rereadFiles = new HashSet<>();
        boolean textOnly = recopied.isEmpty();
        for (Map.Entry<SourceFile, FileStamp> entry : reread.entrySet()) {
            SourceFile source = entry.getKey();
            ParsedDocument parsed = parser.parse(source, diagnostics);
            SiteSnapshot.Source old = sources.put(source.relPath(), new SiteSnapshot.Source(entry.getValue(), parsed));
            textOnly &= parsed.frontMatter().equals(old.document().frontMatter());
            rereadFiles.add(source.file());
        }
        laps.lap("parse front matter");
        if (diagnostics.hasErrors()) return failed(diagnostics, rereadFiles, started, options, before.library());

        Library library;
        Map<String, List<Views.AttachmentView>> attachments;
        Set<String> recopiedPaths = new HashSet<>();
        recopied.forEach(f -> recopiedPaths.add(f.relPath()));
        Set<String> attachedToRecopied = new HashSet<>();
        EventSchedule schedule = new EventSchedule(options.buildDate());
        Rendering rendering = before.rendering();
        if (textOnly) {
            // Only texts changed: the pages, their places, lists and links are those of the last build.
            library = withTexts(before.library(), sources);
            attachments = before.attachments();
            laps.lap("link translations (texts only)");
        } else {
            List<ParsedDocument> documents = new ArrayList<>();
            for (SiteSnapshot.Source source : sources.values()) documents.add(source.document());
            library = new LibraryBuilder(config, diagnostics).build(documents, before.library().staticFiles(),
                    options.includeDrafts());
            laps.lap("link translations");
            if (diagnostics.hasErrors()) return failed(diagnostics, rereadFiles, started, options, library);
            if (!samePages(before.library(), library)) {
                return new Outcome.NeedsFullBuild("the change adds, removes or moves pages");
            }
            OutputPlan plan = new OutputPlan(library, rendering.assets(), schedule);
            if (!plan.outputs().equals(before.outputs())) {
                return new Outcome.NeedsFullBuild("the change adds or removes pages of a list");
            }
            Attachments files = new Attachments(library, SiteUrls.of(config));
            attachments = files.resolve(diagnostics);
            for (Page p : library.pages()) {
                if (files.found(p.path()).stream().anyMatch(a -> recopiedPaths.contains(a.file().relPath()))) {
                    attachedToRecopied.add(p.path());
                }
            }
            laps.lap("plan pages");
        }
        PageMemory memory = before.memory().copy();
        for (Page p : library.pages()) {
            if (p.kind() != PageKind.PAGE && p.document() != null && rereadFiles.contains(p.document().source().file())) {
                // A search.md or library.md: the text of a generated page, which a full build renders.
                return new Outcome.NeedsFullBuild(p.document().source().relPath() + " is the text of a list page");
            }
        }
        List<Page> edited = library.pages().stream().filter(p -> p.kind() == PageKind.PAGE && (
                p.document() != null && rereadFiles.contains(p.document().source().file())
                        || attachedToRecopied.contains(p.path()))).toList();

        laps.lap("find edited pages");
        try (Staging staging = Staging.inPlace(options.outDir())) {
            PageWriter writer = new PageWriter(library, rendering, rendering.markdown(library), attachments, schedule,
                    staging, memory, () -> {});
            Map<String, RenderedMarkdown> bodies = new ConcurrentHashMap<>();
            edited.parallelStream().forEach(p -> bodies.put(p.path(), writer.renderDocument(p, diagnostics)));
            // The links of what changed; links elsewhere into it (its anchors) only ever give warnings, which
            // belong to their own files and come back with the background full build.
            new LinkChecker(before.outputs(), writer.headingIdsByOutput(), config.brokenLinks(),
                    LinkChecker.redirectsOf(library))
                    .check(bodies.values().stream().flatMap(b -> b.links().stream()).toList(), diagnostics);
            laps.lap("render and check links");
            if (diagnostics.hasErrors()) return failed(diagnostics, rereadFiles, started, options, library);

            Set<String> relisted = new HashSet<>();
            for (Page page : edited) {
                Page old = before.library().byPath().get(page.path());
                if (!Card.of(old, before.memory()).equals(Card.of(page, memory))) relisted.add(page.path());
            }
            Map<String, Page> documentsToWrite = new LinkedHashMap<>();
            edited.forEach(p -> documentsToWrite.put(p.path(), p));
            for (Page page : library.pages()) {
                if (page.kind() == PageKind.PAGE && memory.related().getOrDefault(page.path(), List.of()).stream()
                        .anyMatch(relisted::contains)) {
                    documentsToWrite.putIfAbsent(page.path(), page);
                }
            }
            List<Page> lists = library.pages().stream().filter(p -> p.kind() != PageKind.PAGE
                    && listChanged(before.library(), library, p, relisted)).toList();
            Set<String> listPaths = new HashSet<>();
            lists.forEach(p -> listPaths.add(p.path()));
            List<Page> listsToWrite = new ArrayList<>(lists);
            laps.lap("find affected pages");
            if (!lists.isEmpty()) {
                Set<String> newData = writer.writeLibraryData(p -> listPaths.contains(p.path()));
                laps.lap("library data");
                for (Page page : library.pages()) {
                    if (page.kind() == PageKind.LIBRARY && newData.contains(page.language()) && !listPaths.contains(page.path())) {
                        listsToWrite.add(page);
                    }
                }
                boolean datesChanged = false;
                for (String path : relisted) {
                    Page was = before.library().byPath().get(path);
                    Page now = library.byPath().get(path);
                    datesChanged |= !Objects.equals(was.date(), now.date()) || !Objects.equals(was.lastmod(), now.lastmod());
                }
                // A feed lists the newest documents: a new date may move one into or out of any feed.
                boolean everything = datesChanged || relisted.isEmpty();
                writer.writeDiscoveryFiles(feed -> everything
                        || feed.entries().stream().anyMatch(e -> relisted.contains(e.path())), everything);
                laps.lap("feeds and sitemap");
            }
            documentsToWrite.values().parallelStream().forEach(page -> {
                RenderedMarkdown body = bodies.containsKey(page.path()) ? bodies.get(page.path())
                        : writer.renderDocument(page, new Diagnostics());   // its warnings were reported by its own build
                writer.writeDocument(page, body, diagnostics);
            });
            laps.lap("write documents");
            listsToWrite.parallelStream().forEach(page -> writer.writeList(page, diagnostics));
            recopied.forEach(writer::copyStaticFile);
            laps.lap("write lists");
            if (diagnostics.hasErrors()) return failed(diagnostics, rereadFiles, started, options, library);

            SiteSnapshot after = new SiteSnapshot(options, config, before.themes(), rendering,
                    java.util.Collections.unmodifiableMap(sources),
                    Map.copyOf(staticStamps), library, memory, before.outputs(), attachments);
            BuildResult result = new BuildResult(true, own(diagnostics, rereadFiles),
                    SiteBuilder.languageOrder(config, writer.pagesPerLanguage()), writer.filesWritten(), laps.timings(),
                    Duration.ofNanos(System.nanoTime() - started), options.outDir().toAbsolutePath().normalize(), library);
            return new Outcome.Rebuilt(result, after);
        }
    }

    /** Times the steps of a rebuild, for {@code agora serve --timings}. */
    private static final class Laps {
        private final List<StageTiming> timings = new ArrayList<>();
        private long last = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            timings.add(new StageTiming(step, Duration.ofNanos(now - last)));
            last = now;
        }

        List<StageTiming> timings() { return List.copyOf(timings); }
    }

    /** The Markdown and other files of the site to compare with the snapshot. */
    private record Candidates(List<SourceFile> markdown, List<StaticFile> statics) {

        /** The files named, or null when one is new, gone or not a file of the site. */
        static Candidates named(SiteSnapshot before, Set<Path> changed) {
            Map<Path, SourceFile> sources = new HashMap<>();
            before.sources().values().forEach(s -> sources.put(s.document().source().file(), s.document().source()));
            Map<Path, StaticFile> statics = new HashMap<>();
            before.library().staticFiles().forEach(f -> statics.put(f.file(), f));
            List<SourceFile> markdown = new ArrayList<>();
            List<StaticFile> others = new ArrayList<>();
            for (Path path : changed) {
                boolean known = sources.containsKey(path) || statics.containsKey(path);
                boolean exists = Files.isRegularFile(path);
                // Gone before it was seen, and never part of the site: an editor's temporary file.
                if (!known && !Files.exists(path)) continue;
                if (!known || !exists) return null;
                if (sources.containsKey(path)) markdown.add(sources.get(path));
                else others.add(statics.get(path));
            }
            return new Candidates(markdown, others);
        }
    }

    /** The library with the documents' new texts: the same pages, each holding its document as last read. */
    private static Library withTexts(Library library, Map<String, SiteSnapshot.Source> sources) {
        List<Page> pages = new ArrayList<>(library.pages().size());
        Map<String, Page> byPath = new HashMap<>();
        for (Page p : library.pages()) {
            Page now = p;
            if (p.document() != null) {
                SiteSnapshot.Source source = sources.get(p.document().source().relPath());
                if (source != null && source.document() != p.document()) now = p.withDocument(source.document());
            }
            pages.add(now);
            byPath.put(now.path(), now);
        }
        return new Library(library.config(), List.copyOf(pages), Map.copyOf(byPath), library.groups(), library.listings(),
                library.termCounts(), library.terms(), library.aliases(), library.staticFiles(), library.sourceGroups(),
                library.pathKeyGroups(), library.unpublished());
    }

    /**
     * What other pages show of a document: the page as linked (without its source), its front matter and
     * the excerpt lists fall back on. Equal cards mean only the document's own page changed.
     */
    private record Card(Page page, Object frontMatter, String excerpt) {
        static Card of(Page page, PageMemory memory) {
            RenderedMarkdown text = memory.texts().get(page.path());
            Page linked = new Page(page.kind(), page.language(), page.groupKey(), page.path(), page.title(), page.date(),
                    page.lastmod(), page.type(), page.sectionKey(), page.weight(), page.summary(), page.terms(), null,
                    page.taxonomy(), page.term());
            return new Card(linked, page.document() == null ? null : page.document().frontMatter(),
                    text == null ? null : text.excerpt());
        }
    }

    /** A list page must be written again when what it lists, their order, its counts, or a listed card changed. */
    private static boolean listChanged(Library before, Library after, Page list, Set<String> relisted) {
        Page old = before.byPath().get(list.path());
        List<String> was = paths(before.listing(old));
        List<String> now = paths(after.listing(list));
        if (!was.equals(now) || !before.termCounts(old).equals(after.termCounts(list))) return true;
        return now.stream().anyMatch(relisted::contains);
    }

    private static List<String> paths(List<Page> pages) { return pages.stream().map(Page::path).toList(); }

    private static boolean sameFiles(SiteSnapshot before, ContentSet content) {
        if (content.markdown().size() != before.sources().size() || content.staticFiles().size() != before.staticFiles().size()) {
            return false;
        }
        return content.markdown().stream().allMatch(s -> before.sources().containsKey(s.relPath()))
                && content.staticFiles().stream().allMatch(f -> before.staticFiles().containsKey(f.relPath()));
    }

    /** The same pages at the same places, in the same translation groups, with the same aliases. */
    private static boolean samePages(Library before, Library after) {
        if (before.pages().size() != after.pages().size()) return false;
        for (int i = 0; i < before.pages().size(); i++) {
            Page a = before.pages().get(i);
            Page b = after.pages().get(i);
            if (!a.path().equals(b.path()) || a.kind() != b.kind() || !a.groupKey().equals(b.groupKey())
                    || !a.language().equals(b.language())) {
                return false;
            }
        }
        return aliases(before).equals(aliases(after)) && before.unpublished().equals(after.unpublished());
    }

    private static List<String> aliases(Library library) {
        return library.aliases().stream().map(a -> a.path() + " " + a.target().path() + " " + a.line()).toList();
    }

    private static Outcome failed(Diagnostics diagnostics, Set<Path> reread, long started, BuildOptions options,
                                  Library library) {
        return new Outcome.Failed(new BuildResult(false, own(diagnostics, reread), Map.of(), 0, List.of(),
                Duration.ofNanos(System.nanoTime() - started), options.outDir().toAbsolutePath().normalize(), library));
    }

    /**
     * The problems to show for this change: every error, and the warnings of the files read again. Linking
     * the library again repeats the other files' warnings, which the terminal already showed.
     */
    private static Diagnostics own(Diagnostics all, Set<Path> reread) {
        Diagnostics out = new Diagnostics();
        for (Diagnostic d : all.sorted()) {
            if (d.isError() || d.position().file() == null || reread.contains(d.position().file())) out.add(d);
        }
        return out;
    }
}
