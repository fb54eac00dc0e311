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
import org.agora.markdown.MarkdownRenderer;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
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
import java.util.function.Supplier;

/**
 * The build, as a list of named and timed stages:
 * load config → scan content → parse front matter → link translations → load theme → render section texts →
 * render documents (Markdown and search index) → check links → find related documents → write documents → render lists →
 * build search index (export for the browser) → write output.
 * Every stage reports into one {@link Diagnostics}; stages go on past errors where they can, so one run
 * shows every problem, and the output folder is replaced only when no error was found.
 * With {@link BuildOptions#checkOnly()} the same stages run, pages included, but nothing is written: no staging
 * folder, no search index and no related documents (they only order links and cannot be wrong).
 */
public final class SiteBuilder {

    /** Related documents shown on a document's page, at most. */
    static final int RELATED_PER_DOCUMENT = 5;

    private final BuildListener listener;

    public SiteBuilder(BuildListener listener) { this.listener = listener; }

    public BuildResult build(BuildOptions options) {
        long started = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        List<StageTiming> timings = new ArrayList<>();
        Stages stages = new Stages(timings);
        Path siteDir = options.siteDir().toAbsolutePath().normalize();
        Path outDir = options.outDir().toAbsolutePath().normalize();

        Optional<SiteConfig> loaded = stages.run("load config", () -> new ConfigLoader().load(siteDir, diagnostics));
        if (loaded.isEmpty() || diagnostics.hasErrors()
                || (!options.checkOnly() && !outputFolderIsSafe(siteDir, outDir, diagnostics))) {
            return failed(diagnostics, timings, started, outDir, null);
        }
        SiteConfig config = loaded.get();
        ContentSet content = stages.run("scan content", () -> new ContentScanner().scan(config, diagnostics));
        FrontMatterParser frontMatter = new FrontMatterParser(config);
        List<ParsedDocument> documents = stages.run("parse front matter", () ->
                content.markdown().parallelStream().map(s -> frontMatter.parse(s, diagnostics)).toList());
        Library library = stages.run("link translations", () ->
                new LibraryBuilder(config, diagnostics).build(documents, content.staticFiles(), options.includeDrafts()));

        try (ThemeLoader themes = new ThemeLoader()) {
            Optional<Theme> theme = stages.run("load theme", () -> themes.load(config, diagnostics));
            if (theme.isEmpty()) return failed(diagnostics, timings, started, outDir, library);
            Messages messages = new MessagesLoader().load(config, theme.get().i18nDirs(), diagnostics);
            Assets assets = Assets.collect(theme.get().assetDirs());
            Map<String, LocaleFormats> formats = new HashMap<>();
            for (LanguageConfig l : config.languages()) formats.put(l.code(), new LocaleFormats(l));

            MarkdownRenderer markdown = new MarkdownRenderer(new LinkTargets(library), config.trustRawHtml(),
                    (pageLang, targetLang) -> messages.t(pageLang, "fallbackMarker",
                            Map.of("language", formats.get(pageLang).languageName(targetLang))),
                    new ThemeShortcodes(new TemplateRenderer(theme.get(), messages, assets, SiteUrls.of(config), formats)));
            Attachments files = new Attachments(library, SiteUrls.of(config));
            Map<String, List<Views.AttachmentView>> attachments = files.resolve(diagnostics);
            EventSchedule schedule = new EventSchedule(options.buildDate());
            PagePlan plan = new PagePlan(library, assets, schedule);

            // Documents are rendered and indexed, then written once related documents are known; in between only
            // their HTML waits, deflated, so a build of 25,000 documents stays within a few hundred MB. Nothing
            // reaches the output folder before the last check passed: it all goes to staging first.
            boolean writing = !options.checkOnly();
            try (Staging staging = writing ? Staging.open(outDir) : Staging.discarding();
                 SearchStage search = writing ? new SearchStage(library, messages, formats,
                         new AttachmentTexts(files, diagnostics), options.cacheDir().toAbsolutePath()) : null) {
                PageWriter writer = new PageWriter(library, theme.get(), messages, assets, formats, markdown, attachments, schedule, staging);
                stages.run("render section texts", () -> writer.renderListTexts(diagnostics));
                stages.run("render documents", () -> writer.renderDocuments(diagnostics,
                        writing ? search::add : (page, body) -> {}));
                stages.run("check links", () -> {
                    new LinkChecker(plan.outputs(), writer.headingIdsByOutput()).check(writer.links(), diagnostics);
                    return null;
                });
                if (diagnostics.hasErrors()) return failed(diagnostics, timings, started, outDir, library);
                if (writing) stages.run("find related documents", () -> {
                    try {
                        writer.useRelated(search.related(RELATED_PER_DOCUMENT));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                stages.run("write documents", () -> writer.writeDocuments(diagnostics));
                stages.run("render lists", () -> writer.writeLists(diagnostics));
                if (diagnostics.hasErrors()) return failed(diagnostics, timings, started, outDir, library);
                if (writing) stages.run("build search index", () -> {
                    try {
                        search.export(staging.dir());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                reportMissingStrings(messages, theme.get(), diagnostics);
                if (writing) stages.run("write output", () -> {
                    writer.writeFilesAndRedirects();
                    try {
                        staging.commit();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                Map<String, Integer> perLanguage = writer.pagesPerLanguage();
                Map<String, Integer> ordered = new LinkedHashMap<>();
                config.languageCodes().forEach(code -> ordered.put(code, perLanguage.getOrDefault(code, 0)));
                return new BuildResult(true, diagnostics, ordered, writer.filesWritten(), List.copyOf(timings),
                        Duration.ofNanos(System.nanoTime() - started), outDir, library);
            } catch (IOException | UncheckedIOException e) {
                diagnostics.error(SourcePosition.of(outDir), "cannot write the output: " + e.getMessage(),
                        "check that the folder is writable and the disk is not full");
                return failed(diagnostics, timings, started, outDir, library);
            }
        }
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

    /** Runs a stage, timing it and telling the listener. */
    private final class Stages {
        private final List<StageTiming> timings;

        Stages(List<StageTiming> timings) { this.timings = timings; }

        <T> T run(String name, Supplier<T> stage) {
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
