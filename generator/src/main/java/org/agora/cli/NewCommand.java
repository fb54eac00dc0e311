package org.agora.cli;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.config.TermLabels;
import org.agora.config.TermLabelsLoader;
import org.agora.content.ContentScanner;
import org.agora.content.FrontMatterParser;
import org.agora.content.NewDocument;
import org.agora.content.ParsedDocument;
import org.agora.content.SourceFile;
import org.agora.diag.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true, description = {
        "Create a document with the front matter its section expects, as a draft:  agora new news \"Our title\" --lang fr",
        "or a draft translation of an existing one:  agora new --translate content/en/guides/facilitation.md --to fr"})
final class NewCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "DIR", description = "folder with site-config.yml and content/ (default: current folder)")
    Path site = Path.of(".");

    @Option(names = "--lang", paramLabel = "CODE", description = "language of the new document (default: the site's default language)")
    String lang;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the document's date (default: today, UTC)")
    String date;

    @Option(names = "--translate", paramLabel = "PATH", description = "the document to translate (relative to the site, to content/, or to the current folder)")
    Path translate;

    @Option(names = "--to", paramLabel = "CODE", description = "the language of the translation")
    String to;

    @Parameters(paramLabel = "TYPE TITLE", arity = "0..2", description = "the section (news, events, guides, resources...) and the title")
    List<String> words = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean translating = translate != null || to != null;
        if (translating && (translate == null || to == null || !words.isEmpty() || lang != null)) {
            err.println("agora new: a translation takes --translate PATH --to CODE, and no type, title or --lang");
            return ExitCodes.USAGE;
        }
        if (!translating && words.size() != 2) {
            err.println("agora new: give a type and a title, for example: agora new news \"Our new member\"");
            return ExitCodes.USAGE;
        }
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                err.println("agora new: --date takes a day such as 2027-02-10, not '" + date + "'");
                return ExitCodes.USAGE;
            }
        }
        Path siteDir = site.toAbsolutePath().normalize();
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> loaded = new ConfigLoader().load(siteDir, diagnostics);
        if (loaded.isEmpty() || diagnostics.hasErrors()) {
            new Report(out, err, siteDir).problems(diagnostics);
            return ExitCodes.SITE_ERRORS;
        }
        SiteConfig config = loaded.get();
        // The documents' own problems are the build's to report: here they only tell where things are.
        Diagnostics ignored = new Diagnostics();
        FrontMatterParser parser = new FrontMatterParser(config);
        List<ParsedDocument> documents = new ArrayList<>();
        for (SourceFile f : new ContentScanner().scan(config, ignored).markdown()) documents.add(parser.parse(f, ignored));
        TermLabels terms = new TermLabelsLoader().load(siteDir, config.taxonomies(),
                new HashSet<>(config.languageCodes()), ignored);
        NewDocument maker = new NewDocument(config, documents, terms);

        NewDocument.Outcome outcome = translating
                ? maker.translate(SiteOptions.locate(translate, siteDir), to)
                : maker.create(words.get(0), words.get(1), lang != null ? lang : config.defaultLanguage(), day);
        if (!outcome.ok()) {
            err.println("agora new: " + outcome.problem().message());
            if (!outcome.problem().hint().isEmpty()) err.println("    hint: " + outcome.problem().hint());
            return ExitCodes.USAGE;
        }
        NewDocument.Planned planned = outcome.planned();
        Files.createDirectories(planned.file().getParent());
        // CREATE_NEW: a file that appeared since the check is still never overwritten.
        Files.writeString(planned.file(), planned.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        out.println("Created " + planned.relPath());
        out.println(translating
                ? "Next: translate the title, summary and text, remove  draft: true, and preview with  ./agora serve --drafts"
                : "Next: write the summary and text, fill in the lists"
                        + (planned.text().contains("# REQUIRED") ? " and the fields marked REQUIRED (./agora check --drafts lists what is empty)" : "")
                        + ", remove  draft: true, and preview with  ./agora serve --drafts");
        return ExitCodes.OK;
    }
}
