package org.agora.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A failing site copied where a person can look at it after the run (generator/target/fuzz-failures/seed-N/):
 * the site with its links as they were, the folder outside it, the output if any, what the build printed,
 * and what each generated file was meant to hold.
 */
final class KeptSite {

    private KeptSite() {}

    static void keep(GeneratedSite site, BuildOutcome outcome, List<Violation> violations, String debugTrace, Path into) {
        SiteFiles.deleteTree(into);
        SiteFiles.copyTree(site.site(), into.resolve("site"));
        SiteFiles.copyTree(site.outside(), into.resolve("outside"));
        if (Files.isDirectory(site.out())) SiteFiles.copyTree(site.out(), into.resolve("out"));
        StringBuilder log = new StringBuilder();
        log.append(site.describe()).append("\nreproduce: ").append(FuzzSettings.reproduce(site.seed(), site.documents()))
                .append("\nexit code: ").append(outcome.exitCode()).append(", took ").append(outcome.took().toMillis()).append(" ms\n");
        if (outcome.thrown() != null) log.append("\nthrown:\n").append(OutputInvariants.stackHead(outcome.thrown()));
        log.append("\n--- violations\n");
        violations.forEach(v -> log.append(v.invariant()).append(" | ").append(v.signature()).append("\n    ").append(v.detail().replace("\n", "\n    ")).append('\n'));
        log.append("\n--- stdout\n").append(outcome.out()).append("\n--- stderr\n").append(outcome.err())
                .append("\n--- printed outside the command's writers\n").append(outcome.stray());
        if (debugTrace != null) log.append("\n--- the same build with --debug\n").append(debugTrace);
        SiteFiles.write(into.resolve("BUILD-LOG.txt"), log.toString());
        StringBuilder notes = new StringBuilder();
        site.notes().forEach((file, n) -> notes.append(file.replace("\n", "\\n")).append(": ").append(String.join(", ", n)).append('\n'));
        SiteFiles.write(into.resolve("GENERATED-FILES.txt"), notes.toString());
    }
}
