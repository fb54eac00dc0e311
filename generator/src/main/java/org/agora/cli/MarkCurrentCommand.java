package org.agora.cli;

import org.agora.check.GitTimes;
import org.agora.check.TranslationStatus;
import org.agora.content.SourceVersion;
import org.agora.content.TranslationPin;
import org.agora.files.AtomicWrite;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.TranslationGroup;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in each translation named that it translates its source as it is now: after the translation was
 * brought up to date, or when the source's change did not matter to it (a typo fix). Every file is checked
 * before any is written, so a mistake in one name changes nothing.
 */
@Command(name = "mark-current", description = "Record that translations are up to date with their source as it is now "
        + "(writes  translation: { source: <pin> }  into their front matter).",
        footer = {"", "Example:  agora mark-current content/fr/guides/facilitation.md content/nl/guides/facilitation.md"})
final class MarkCurrentCommand extends SiteCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "translations (relative to the site, to content/, or to the current folder)")
    List<Path> files;

    @Override
    int run(Path siteDir, PrintWriter out, PrintWriter err) throws IOException {
        BuildResult result = new SiteBuilder(BuildListener.NONE)
                .build(new BuildOptions(siteDir, siteDir.resolve("public"), true).checkingOnly());
        Library library = result.library();
        if (library == null) {
            new Report(out, err, siteDir).problems(result.diagnostics());
            return ExitCodes.SITE_ERRORS;
        }
        GitTimes git = GitTimes.of(siteDir);
        Map<Path, String> planned = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path given : files) {
            Path file = SiteOptions.locate(given, siteDir);
            Optional<Page> page = library.pages().stream()
                    .filter(p -> p.document() != null && p.document().source().file().toAbsolutePath().normalize().equals(file))
                    .findFirst();
            if (page.isEmpty()) {
                problems.add(given + ": not a Markdown document of this site (give a file under content/)");
                continue;
            }
            TranslationGroup group = library.groupOf(page.get());
            Optional<Page> source = group == null ? Optional.empty() : TranslationStatus.sourceOf(group, library, git);
            if (source.isEmpty() || source.get() == page.get()) {
                List<String> translations = group == null ? List.of() : group.byLanguage().values().stream()
                        .filter(p -> p.document() != null && p != page.get())
                        .map(p -> siteDir.relativize(p.document().source().file().toAbsolutePath().normalize()).toString())
                        .toList();
                problems.add(given + ": is the source its translations are made from" + (translations.isEmpty()
                        ? " and has none" : "; name the translations to mark: " + String.join(" ", translations)));
                continue;
            }
            String pin = SourceVersion.of(source.get().document()).pin();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            TranslationPin.Result written = TranslationPin.write(text, pin);
            if (written.problem() != null) problems.add(given + ": " + written.problem());
            else planned.put(file, written.text());
        }
        if (!problems.isEmpty()) {
            for (String p : problems) err.println("agora mark-current: " + p);
            err.println("Nothing was written.");
            return ExitCodes.USAGE;
        }
        for (Map.Entry<Path, String> e : planned.entrySet()) {
            AtomicWrite.replace(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
            out.println("Marked " + siteDir.relativize(e.getKey()) + " as translating its source as it is now");
        }
        return ExitCodes.OK;
    }
}
