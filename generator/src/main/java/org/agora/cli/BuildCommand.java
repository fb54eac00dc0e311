package org.agora.cli;

import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "build", description = "Build the site into the output folder (replaced only when the build succeeds).")
final class BuildCommand extends SiteCommand {

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: public/ inside the site)")
    Path out;

    @Mixin
    BuildDateOption buildDate;

    @Option(names = "--timings", description = "print how long each stage took")
    boolean timings;

    @Override
    int run(Path siteDir, PrintWriter stdout, PrintWriter stderr) {
        java.time.LocalDate date = buildDate.resolve(spec.commandLine());
        Path outDir = out != null ? out.toAbsolutePath().normalize() : siteDir.resolve("public");
        Report report = new Report(stdout, stderr, siteDir);
        BuildResult result = new SiteBuilder(report.progress(System.console() != null))
                .build(new BuildOptions(siteDir, outDir, site.drafts, BuildOptions.defaultCache(siteDir), date));
        report.problems(result);
        report.summary(result);
        if (timings) report.timings(result);
        return result.success() ? ExitCodes.OK : ExitCodes.SITE_ERRORS;
    }
}
