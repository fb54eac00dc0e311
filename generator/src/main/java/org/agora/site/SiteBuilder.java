package org.agora.site;

import org.agora.config.ConfigLoader;
import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.content.ContentScanner;
import org.agora.content.ContentSet;
import org.agora.content.FrontMatterParser;
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.i18n.MessagesLoader;
import org.agora.markdown.LinkChecker;
import org.agora.markdown.LinkTargets;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.GeneratedPaths;
import org.agora.model.LibraryBuilder;
import org.agora.model.SiteUrls;
import org.agora.publish.Staging;
import org.agora.render.Assets;
import org.agora.render.Theme;
import org.agora.render.TemplateRenderer;
import org.agora.render.ThemeShortcodes;
import org.agora.render.ThemeLoader;
import org.agora.render.Views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The build, as a list of named and timed stages:
 * load config → scan content → parse front matter → link translations → load theme → render section texts →
 * render documents (Markdown and search index) → check links → find related documents → write documents → render lists →
 * build search index (export for the browser) → write output.
 * Every stage reports into one {@link Diagnostics}; stages go on past errors where they can, so one run
 * shows every problem, and the output folder is replaced only when no error was found.
 * <p>
 * The same stages make every build: from the command line, the preview's first build, and its build after each
 * save ({@link #rebuildKeeping}). What did not change is not done again: documents and pages come from the
 * build cache ({@link DocumentCache}, {@link PageCache}) when everything they depend on is the same, the search
 * index analyses only documents whose text changed, and after a save the preview's build also keeps the
 * configuration, theme and parsed documents it already has ({@link SiteSnapshot}).
 * With {@link BuildOptions#checkOnly()} the same stages run, pages included, but nothing is written: no staging
 * folder, no search index and no related documents (they only order links and cannot be wrong).
 */
public final class SiteBuilder {

    /** Related documents shown on a document's page, at most. */
    static final int RELATED_PER_DOCUMENT = 5;

    private final BuildListener listener;
    private final java.util.function.BooleanSupplier cancelled;
    private final java.util.concurrent.locks.Lock outputLock;

    public SiteBuilder(BuildListener listener) {
        this(listener, () -> false, new java.util.concurrent.locks.ReentrantLock());
    }

    /**
     * @param cancelled asked between stages, documents and pages, and last just before the output is replaced;
     *                  a build it stops writes nothing and fails
     * @param outputLock held while the output folder is replaced, so that whoever else writes into it never
     *                   interleaves with the swap
     */
    public SiteBuilder(BuildListener listener, java.util.function.BooleanSupplier cancelled,
                       java.util.concurrent.locks.Lock outputLock) {
        this.listener = listener;
        this.cancelled = cancelled;
        this.outputLock = outputLock;
    }

    /**
     * A build as the live preview runs it: the result, and the state it keeps when the build succeeded.
     * @param unchanged no file the build reads changed since the snapshot it was given: nothing was done
     */
    public record Kept(BuildResult result, Optional<SiteSnapshot> snapshot, boolean wasCancelled, boolean unchanged) {
        Kept(BuildResult result, Optional<SiteSnapshot> snapshot, boolean wasCancelled) {
            this(result, snapshot, wasCancelled, false);
        }
    }

    /**
     * What a build takes from the last one the preview kept.
     * @param snapshot the last good build
     * @param sameTheme whether only content/ and static/ changed since: the configuration, the theme ready to
     *                  render and the unchanged documents' front matter are the snapshot's
     */
    private record Earlier(SiteSnapshot snapshot, boolean sameTheme) {}

    public BuildResult build(BuildOptions options) { return run(options, false, null).result(); }

    /** A build whose state is kept for the next one ({@link #rebuildKeeping}); the caller closes the snapshot. */
    public Kept buildKeeping(BuildOptions options) { return run(options, true, null); }

    /**
     * The preview's build after a change: the same stages as any build, with the search index and related
     * documents of the last build ({@code earlier}) as they were (they take most of a build's time; a full
     * build afterwards brings them up to date). When only files in content/ or static/ changed, the
     * configuration, the theme and the documents whose files kept their stamps are taken from
     * {@code earlier} too; when none of those files changed, nothing is done ({@link Kept#unchanged()}).
     * @param changed the paths the watcher reported: only whether they lie in content/ or static/ matters,
     *                since every file's stamp is compared
     */
    public Kept rebuildKeeping(BuildOptions options, SiteSnapshot earlier, Set<Path> changed) {
        Path contentDir = earlier.config().contentDir();
        Path staticDir = earlier.config().siteDir().resolve("static");
        boolean sameTheme = changed.stream().allMatch(p -> p.startsWith(contentDir) || p.startsWith(staticDir));
        return run(options, true, new Earlier(earlier, sameTheme));
    }

    /** {@link #rebuildKeeping} after a change outside content/ and static/: everything is read again but search. */
    public Kept buildPagesKeeping(BuildOptions options, SiteSnapshot earlier) {
        return run(options, true, new Earlier(earlier, false));
    }

    private Kept run(BuildOptions options, boolean keep, Earlier earlier) {
        long started = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        List<StageTiming> timings = new ArrayList<>();
        Stages stages = new Stages(timings);
        Path siteDir = options.siteDir().toAbsolutePath().normalize();
        Path outDir = options.outDir().toAbsolutePath().normalize();
        try {
            return stages(options, keep, earlier, started, diagnostics, timings, stages, siteDir, outDir);
        } catch (Cancelled c) {
            return new Kept(failed(diagnostics, timings, started, outDir, null), Optional.empty(), true);
        }
    }

    private Kept stages(BuildOptions options, boolean keep, Earlier earlier, long started, Diagnostics diagnostics,
                        List<StageTiming> timings, Stages stages, Path siteDir, Path outDir) {
        boolean sameTheme = earlier != null && earlier.sameTheme();
        Optional<SiteConfig> loaded = sameTheme ? Optional.of(earlier.snapshot().config())
                : stages.run("load config", () -> new ConfigLoader().load(siteDir, diagnostics));
        // A config that loads with errors (a broken data/taxonomies.yml) still lets the content be checked: one
        // run reports everything, and nothing is written since the build fails at its end.
        if (loaded.isEmpty() || (!options.checkOnly() && !outputFolderIsSafe(siteDir, outDir, diagnostics))) {
            return lost(failed(diagnostics, timings, started, outDir, null));
        }
        SiteConfig config = loaded.get();
        ContentSet content = stages.run("scan content", () -> new ContentScanner().scan(config, diagnostics));
        Map<String, SiteSnapshot.Source> kept = sameTheme ? earlier.snapshot().sources() : Map.of();
        FrontMatterParser frontMatter = new FrontMatterParser(config);
        Map<String, FileStamp> sourceStamps = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
        List<ParsedDocument> documents = stages.run("parse front matter", () ->
                content.markdown().parallelStream().map(s -> {
                    // Stamped before reading: a save while this build runs is seen as a change by the next one.
                    Optional<FileStamp> stamp = keep ? FileStamp.of(s.file()) : Optional.empty();
                    stamp.ifPresent(st -> sourceStamps.put(s.relPath(), st));
                    SiteSnapshot.Source before = kept.get(s.relPath());
                    if (before != null && stamp.isPresent() && before.stamp().equals(stamp.get())
                            && before.document().source().equals(s)) {
                        return before.document();
                    }
                    parsed.incrementAndGet();
                    return frontMatter.parse(s, diagnostics);
                }).toList());
        // In the scanner's order, which the library's linking follows.
        Map<String, SiteSnapshot.Source> sources = new LinkedHashMap<>();
        for (ParsedDocument d : documents) {
            FileStamp stamp = sourceStamps.get(d.source().relPath());
            if (stamp != null) sources.put(d.source().relPath(), new SiteSnapshot.Source(stamp, d));
        }
        Map<String, FileStamp> staticStamps = new java.util.HashMap<>();
        if (keep) content.staticFiles().forEach(f -> FileStamp.of(f.file()).ifPresent(st -> staticStamps.put(f.relPath(), st)));
        if (sameTheme && parsed.get() == 0 && !diagnostics.hasErrors() && sources.keySet().equals(kept.keySet())
                && staticStamps.equals(earlier.snapshot().staticFiles())) {
            // A save without edits, a file touched: the site is the one the snapshot built.
            return new Kept(new BuildResult(true, diagnostics, Map.of(), 0, List.copyOf(timings),
                    Duration.ofNanos(System.nanoTime() - started), outDir, earlier.snapshot().library()),
                    Optional.of(earlier.snapshot()), false, true);
        }
        ThemeLoader themes = sameTheme ? earlier.snapshot().themes() : new ThemeLoader();
        boolean keptTheme = false;
        try {
            // The theme before the library: its strings name the folders of the pages Agora makes (/fr/recherche/).
            Optional<Rendering> ready = sameTheme ? Optional.of(earlier.snapshot().rendering())
                    : stages.run("load theme", () -> themes.load(config, diagnostics)).map(theme -> rendering(config, theme, diagnostics));
            GeneratedPaths generated = ready.map(r -> ThemeSlugs.of(config, r.messages(), r.theme(), diagnostics))
                    .orElseGet(() -> GeneratedPaths.of(config));
            Library library = stages.run("link translations", () -> new LibraryBuilder(config, generated, diagnostics)
                    .build(documents, content.staticFiles(), options.includeDrafts()));
            if (ready.isEmpty()) return lost(failed(diagnostics, timings, started, outDir, library));
            Rendering rendering = ready.get();
            Attachments files = new Attachments(library, SiteUrls.of(config));
            Map<String, List<Views.AttachmentView>> attachments = files.resolve(diagnostics);
            EventSchedule schedule = new EventSchedule(options.buildDate());
            OutputPlan plan = new OutputPlan(library, rendering.assets(), schedule);
            plan.reportCollisions(library, diagnostics);

            // Documents are rendered and indexed, then written once related documents are known; in between only
            // their HTML waits, deflated, so a build of 25,000 documents stays within a few hundred MB. Nothing
            // reaches the output folder before the last check passed: it all goes to staging first.
            boolean writing = !options.checkOnly();
            boolean indexing = writing && earlier == null;
            // The preview's build after a save writes into the folder the last build left, only what differs.
            Optional<SiteSnapshot.Output> inPlace = earlier == null || !writing ? Optional.empty() : earlier.snapshot().output();
            try (Staging staging = !writing ? Staging.discarding() : inPlace.isPresent() ? Staging.inPlace(outDir) : Staging.open(outDir);
                 SearchStage search = indexing ? new SearchStage(library, rendering.messages(), rendering.formats(),
                         new AttachmentTexts(files, config.limits(), diagnostics), options.cacheDir().toAbsolutePath()) : null) {
                Path cacheDir = options.cacheDir().toAbsolutePath();
                String themeInputs = RenderInputs.theme(config, rendering.theme(), rendering.assets());
                DocumentCache documentCache = DocumentCache.in(cacheDir, writing, RenderInputs.markdown(config, themeInputs, library),
                        RenderInputs.cards(library));
                // A check leaves the site as it found it: it reads what builds kept, and keeps nothing itself.
                PageCache pageCache = PageCache.in(cacheDir, writing, themeInputs);
                DocumentRenderer renderer = new DocumentRenderer(library, rendering.markdown(library), documentCache,
                        stages::checkCancelled, indexing, earlier == null ? Map.of() : earlier.snapshot().documents(), keep);
                Map<String, RenderedMarkdown> listTexts = stages.run("render section texts", () ->
                        renderer.renderListTexts(diagnostics, (page, body) -> {
                            if (indexing) search.add(page, body);
                        }));
                RenderedPages rendered = renderAndCheckLinks(stages, renderer, listTexts, plan, config, library, diagnostics,
                        (page, body) -> {
                            if (indexing) search.add(page, body);
                        });
                if (diagnostics.hasErrors()) return lost(failed(diagnostics, timings, started, outDir, library));
                Map<String, List<String>> related = !writing ? Map.of()
                        : !indexing ? stillThere(earlier.snapshot().related(), library)
                        : stages.run("find related documents", () -> {
                            try {
                                return search.related(RELATED_PER_DOCUMENT);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                PageWriter writer = new PageWriter(library, rendering, attachments, schedule, plan.movedListPages(), staging, rendered, related,
                        stages::checkCancelled, pageCache, inPlace.map(SiteSnapshot.Output::pageKeys).orElse(Map.of()));
                stages.run("write documents", () -> writer.writeDocuments(diagnostics));
                stages.run("render lists", () -> writer.writeLists(diagnostics));
                if (diagnostics.hasErrors()) return lost(failed(diagnostics, timings, started, outDir, library));
                if (writing && inPlace.isEmpty()) stages.run(indexing ? "build search index" : "copy search index", () -> {
                    try {
                        if (indexing) search.export(staging.dir(), plan.outputs().size());
                        else staging.keepTree(SEARCH_FOLDER, outDir.resolve(SEARCH_FOLDER));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                reportMissingStrings(rendering.messages(), rendering.theme(), diagnostics);
                if (writing) stages.run("write output", () -> {
                    writer.writeFilesAndRedirects(diagnostics);
                    if (diagnostics.hasErrors()) return null;
                    outputLock.lock();
                    try {
                        stages.checkCancelled();
                        inPlace.ifPresent(last -> staging.removeAllBut(last.files()));
                        staging.commit();
                        // A build with every input sweeps what no page needs any more; the preview's builds
                        // after a save leave that to its next full build.
                        if (earlier == null) {
                            documentCache.sweep();
                            pageCache.sweep();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        outputLock.unlock();
                    }
                    return null;
                });
                if (diagnostics.hasErrors()) return lost(failed(diagnostics, timings, started, outDir, library));
                BuildResult result = new BuildResult(true, diagnostics, languageOrder(config, writer.pagesPerLanguage()),
                        writer.filesWritten(), List.copyOf(timings), Duration.ofNanos(System.nanoTime() - started),
                        outDir, library, writer.pagesRendered());
                if (!keep) return lost(result);
                keptTheme = true;
                return new Kept(result, Optional.of(new SiteSnapshot(options, config, themes, rendering, sources,
                        staticStamps, library, related, Optional.of(new SiteSnapshot.Output(writer.pageKeys(), staging.present())),
                        renderer.remembered())), false);
            } catch (IOException | UncheckedIOException e) {
                diagnostics.error(SourcePosition.of(outDir), "cannot write the output: " + e.getMessage(),
                        "check that the folder is writable and the disk is not full");
                return lost(failed(diagnostics, timings, started, outDir, library));
            }
        } finally {
            // The snapshot's theme stays open while the snapshot does: only a theme loaded here is this build's to close.
            if (!keptTheme && !sameTheme) themes.close();
        }
    }

    /**
     * The "render documents" and "check links" stages. What the link check needs (every document's links
     * and anchors) does not outlive this method: the result is without them.
     */
    private static RenderedPages renderAndCheckLinks(Stages stages, DocumentRenderer renderer,
                                                     Map<String, RenderedMarkdown> listTexts, OutputPlan plan,
                                                     SiteConfig config, Library library, Diagnostics diagnostics,
                                                     java.util.function.BiConsumer<org.agora.model.Page, org.agora.search.DocumentText.Text> indexer) {
        RenderedPages withLinks = stages.run("render documents", () -> renderer.renderDocuments(listTexts, diagnostics, indexer));
        stages.run("check links", () -> {
            new LinkChecker(plan.outputs(), withLinks.headingIdsByOutput(), config.brokenLinks(),
                    LinkChecker.redirectsOf(library)).check(withLinks.links(), diagnostics);
            return null;
        });
        return withLinks.afterLinkCheck();
    }

    /** The theme made ready to render: UI strings, fingerprinted assets, each language's formats, templates. */
    private static Rendering rendering(SiteConfig config, Theme theme, Diagnostics diagnostics) {
        Messages messages = new MessagesLoader().load(config, theme.i18nDirs(), diagnostics);
        Assets assets = Assets.collect(theme.assetDirs(), diagnostics);
        Map<String, LocaleFormats> formats = new HashMap<>();
        for (LanguageConfig l : config.languages()) formats.put(l.code(), new LocaleFormats(l));
        return new Rendering(theme, messages, assets, formats,
                new TemplateRenderer(theme, messages, assets, SiteUrls.of(config), formats, config.trustRawHtml()));
    }

    /** The output folder of the browser's search files. */
    private static final String SEARCH_FOLDER = org.agora.search.SearchLayout.OUTPUT_FOLDER;

    /** Related documents kept from an earlier build, without those that are gone. */
    private static Map<String, List<String>> stillThere(Map<String, List<String>> related, Library library) {
        Map<String, List<String>> out = new HashMap<>();
        related.forEach((path, paths) -> {
            if (library.byPath().containsKey(path)) {
                out.put(path, paths.stream().filter(library.byPath()::containsKey).toList());
            }
        });
        return out;
    }

    private static Kept lost(BuildResult result) { return new Kept(result, Optional.empty(), false); }

    /** Pages per language in the site's order of languages. */
    static Map<String, Integer> languageOrder(SiteConfig config, Map<String, Integer> perLanguage) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        config.languageCodes().forEach(code -> ordered.put(code, perLanguage.getOrDefault(code, 0)));
        return ordered;
    }

    private static void reportMissingStrings(Messages messages, Theme theme, Diagnostics diagnostics) {
        for (String missing : messages.missingKeys().stream().sorted().toList()) {
            int colon = missing.indexOf(':');
            String lang = missing.substring(0, colon);
            diagnostics.warning(SourcePosition.of(theme.root().resolve("i18n").resolve(lang + ".yml")),
                    "UI string '" + missing.substring(colon + 1) + "' is missing in " + lang,
                    "add it to i18n/" + lang + ".yml of the theme or of the site");
        }
    }

    /**
     * The output folder is replaced as a whole, so it must not hold the site's sources, and an existing
     * folder is replaced only when an earlier Agora build made it.
     */
    private static boolean outputFolderIsSafe(Path siteDir, Path outDir, Diagnostics diagnostics) {
        SourcePosition at = SourcePosition.of(outDir);
        if (siteDir.startsWith(outDir) || outDir.startsWith(siteDir.resolve("content"))
                || outDir.startsWith(siteDir.resolve("themes"))) {
            diagnostics.error(at, "the output folder " + outDir + " would overwrite the site's own files",
                    "choose another --out folder, such as public/");
            return false;
        }
        if (Files.isDirectory(outDir)) {
            try (var entries = Files.list(outDir)) {
                if (entries.findAny().isEmpty()) return true;
            } catch (IOException e) {
                diagnostics.error(at, "cannot read the output folder: " + e.getMessage(), "");
                return false;
            }
            Path index = outDir.resolve("index.html");
            boolean ours;
            try {
                ours = Files.isRegularFile(index) && Files.readString(index).contains("<meta name=\"generator\" content=\"Agora\"");
            } catch (IOException | UncheckedIOException e) {
                ours = false;
            }
            if (!ours) {
                diagnostics.error(at, "the output folder " + outDir + " exists and was not made by Agora; it is left alone",
                        "choose an empty or new --out folder, or delete this one yourself");
                return false;
            }
        } else if (Files.exists(outDir)) {
            diagnostics.error(at, "the output path " + outDir + " is a file", "choose a folder for --out");
            return false;
        }
        return true;
    }

    private static BuildResult failed(Diagnostics diagnostics, List<StageTiming> timings, long started, Path outDir,
                                      Library library) {
        return new BuildResult(false, diagnostics, Map.of(), 0, List.copyOf(timings),
                Duration.ofNanos(System.nanoTime() - started), outDir, library);
    }

    /** Thrown out of a build that was cancelled; staging is thrown away on the way out. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() { super("build cancelled", null, false, false); }
    }

    /** Runs a stage, timing it and telling the listener. */
    private final class Stages {
        private final List<StageTiming> timings;

        Stages(List<StageTiming> timings) { this.timings = timings; }

        void checkCancelled() {
            if (cancelled.getAsBoolean()) throw new Cancelled();
        }

        <T> T run(String name, Supplier<T> stage) {
            checkCancelled();
            listener.stageStarted(name);
            long t0 = System.nanoTime();
            T result = stage.get();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            timings.add(new StageTiming(name, took));
            listener.stageFinished(name, took);
            return result;
        }
    }
}
