package org.agora.cli;

import org.agora.check.CheckReport;
import org.agora.check.GitTimes;
import org.agora.check.TranslationStatus;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", description = "Check the site as the build does, and report translation status, writing nothing. "
        + "Exits non-zero only when there are errors.")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    SiteOptions site;

    @Option(names = "--format", paramLabel = "text|json", description = "text for people (default), json for tools (docs/check-format.md)")
    Format format = Format.text;

    @Option(names = "--schema", description = "print the JSON Schema of this site's front matter (for editors) instead of checking")
    boolean schema;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path siteDir = site.site.toAbsolutePath().normalize();
        if (schema) return printSchema(siteDir);
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
        spec.commandLine().getOut().print(format == Format.json ? report.json() : report.text());
        return result.diagnostics().hasErrors() ? ExitCodes.SITE_ERRORS : ExitCodes.OK;
    }

    /** The schema depends on the site through its taxonomies, which are front-matter fields too, and its types. */
    private int printSchema(Path siteDir) {
        org.agora.diag.Diagnostics diagnostics = new org.agora.diag.Diagnostics();
        var config = new org.agora.config.ConfigLoader().load(siteDir, diagnostics);
        if (config.isEmpty() || diagnostics.hasErrors()) {
            new Report(spec.commandLine().getOut(), spec.commandLine().getErr(), siteDir).problems(diagnostics);
            return ExitCodes.SITE_ERRORS;
        }
        spec.commandLine().getOut().print(org.agora.content.FrontMatterSchema.jsonSchema(config.get().taxonomies(), config.get().types()));
        return ExitCodes.OK;
    }
}
