package org.agora.cli;

import org.agora.check.CheckReport;
import org.agora.check.GitTimes;
import org.agora.check.TranslationStatus;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "check", description = "Check the site as the build does, and report translation status, writing nothing. "
        + "Exits non-zero only when there are errors.")
final class CheckCommand extends SiteCommand {

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json", description = "text for people (default), json for tools (docs/check-format.md)")
    Format format = Format.text;

    @Option(names = "--schema", description = "print the JSON Schema of this site's front matter (for editors) instead of checking")
    boolean schema;

    @Option(names = "--dashboard", paramLabel = "DIR", description = "also write the translation dashboard for editors into DIR "
            + "(index.html and translations.json; keep it out of the published site)")
    Path dashboard;

    @Option(names = "--compare", paramLabel = "FILE", description = "with --dashboard: an earlier translations.json; writes DIR/changes.md, "
            + "what changed since, for a pull-request comment")
    Path compare;

    @Override
    int run(Path siteDir, PrintWriter out, PrintWriter err) {
        if (schema) return printSchema(siteDir, out, err);
        BuildResult result = new SiteBuilder(BuildListener.NONE)
                .build(new BuildOptions(siteDir, siteDir.resolve("public"), site.drafts).checkingOnly());
        if (result.library() != null) {
            org.agora.check.EditorChecks.run(result.library(), result.diagnostics());
            org.agora.check.RequiredFields.run(result.library(), result.diagnostics());
            org.agora.check.CitableFields.run(result.library(), result.diagnostics());
        }
        TranslationStatus translations = result.library() == null ? null
                : TranslationStatus.of(result.library(), GitTimes.of(siteDir));
        CheckReport report = new CheckReport(siteDir, result.diagnostics(), translations);
        if (compare != null && dashboard == null) {
            err.println("agora check: --compare goes with --dashboard DIR");
            return ExitCodes.USAGE;
        }
        if (dashboard != null) {
            Path board = dashboard.toAbsolutePath().normalize();
            for (String inside : java.util.List.of("content", "static", "themes")) {
                if (board.startsWith(siteDir.resolve(inside))) {
                    err.println("agora check: the dashboard is for editors, not readers: write it outside "
                            + inside + "/ (for example --dashboard translations-dashboard)");
                    return ExitCodes.USAGE;
                }
            }
        }
        if (dashboard != null && translations != null) {
            try {
                writeDashboard(result.library().config(), translations, err);
            } catch (java.io.IOException | RuntimeException e) {
                err.println("agora check: could not write the dashboard: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        out.print(format == Format.json ? report.json() : report.text());
        return result.diagnostics().hasErrors() ? ExitCodes.SITE_ERRORS : ExitCodes.OK;
    }

    private void writeDashboard(org.agora.config.SiteConfig config, TranslationStatus translations, PrintWriter err) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode before = null;
        if (compare != null) {
            // read first: a wrong file name must leave nothing half written
            try {
                before = new com.fasterxml.jackson.databind.ObjectMapper().readTree(compare.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.IOException(compare + " is not a translations.json: " + e.getMessage(), e);
            }
        }
        String generated = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        org.agora.check.TranslationDashboard board = new org.agora.check.TranslationDashboard(config, translations);
        String json = board.json(generated);
        java.nio.file.Files.createDirectories(dashboard);
        org.agora.files.AtomicWrite.replace(dashboard.resolve("index.html"), board.html(generated).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.agora.files.AtomicWrite.replace(dashboard.resolve("translations.json"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (before != null) {
            String changes = org.agora.check.DashboardChanges.markdown(before, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
            org.agora.files.AtomicWrite.replace(dashboard.resolve("changes.md"), changes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        err.println("Translation dashboard written to " + dashboard.resolve("index.html"));
    }

    /** The schema depends on the site through its taxonomies, which are front-matter fields too, and its types. */
    private int printSchema(Path siteDir, PrintWriter out, PrintWriter err) {
        org.agora.diag.Diagnostics diagnostics = new org.agora.diag.Diagnostics();
        var config = new org.agora.config.ConfigLoader().load(siteDir, diagnostics);
        if (config.isEmpty() || diagnostics.hasErrors()) {
            new Report(out, err, siteDir).problems(diagnostics);
            return ExitCodes.SITE_ERRORS;
        }
        out.print(org.agora.content.FrontMatterSchema.jsonSchema(config.get().taxonomies(), config.get().types()));
        return ExitCodes.OK;
    }
}
