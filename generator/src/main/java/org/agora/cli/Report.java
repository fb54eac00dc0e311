package org.agora.cli;

import org.agora.diag.Diagnostic;
import org.agora.site.BuildListener;
import org.agora.site.BuildResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a build speaks to a person: progress on a terminal, every problem, and a short summary. */
final class Report {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path siteDir;

    Report(PrintWriter out, PrintWriter err, Path siteDir) {
        this.out = out;
        this.err = err;
        this.siteDir = siteDir.toAbsolutePath().normalize();
    }

    /** Stage-by-stage progress, only when a person watches a terminal. */
    BuildListener progress(boolean interactive) {
        if (!interactive) return BuildListener.NONE;
        return new BuildListener() {
            @Override
            public void stageStarted(String stage) {
                err.print("\r\u001b[2K  " + stage + " …");
                err.flush();
            }

            @Override
            public void stageFinished(String stage, Duration took) {
                err.print("\r\u001b[2K");
                err.flush();
            }
        };
    }

    void problems(BuildResult result) { problems(result.diagnostics()); }

    void problems(org.agora.diag.Diagnostics diagnostics) {
        for (Diagnostic d : diagnostics.sorted()) err.println(d.format(siteDir));
    }

    void summary(BuildResult result) {
        long warnings = result.diagnostics().warningCount();
        String time = seconds(result.total());
        if (result.success()) {
            int total = result.pagesPerLanguage().values().stream().mapToInt(Integer::intValue).sum();
            String perLanguage = result.pagesPerLanguage().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            out.println("Built " + total + " pages (" + perLanguage + ") and " + result.filesWritten()
                    + " other files in " + time + ", " + plural(warnings, "warning") + " → " + display(result.outDir()));
        } else {
            err.println("Build failed: " + plural(result.diagnostics().errorCount(), "error") + ", "
                    + plural(warnings, "warning") + " (" + time + "). The output folder was not changed.");
        }
    }

    /** A change the preview rebuilt in place, or refused for its errors. */
    void update(java.util.Set<Path> changed, BuildResult result) {
        String files = changed.stream().map(this::fileName).sorted().collect(Collectors.joining(", "));
        if (result.success()) {
            out.println(files + ": updated " + plural(result.pagesRendered(), "page") + " in " + millis(result.total())
                    + (result.diagnostics().warningCount() > 0 ? ", " + plural(result.diagnostics().warningCount(), "warning") : ""));
        } else {
            err.println(files + ": not updated, " + plural(result.diagnostics().errorCount(), "error")
                    + ". The preview keeps the last good pages and shows the errors on them.");
        }
    }

    void timings(BuildResult result) {
        result.stages().forEach(s -> out.printf(Locale.ROOT, "  %-20s %8.3f s%n", s.stage(), s.duration().toNanos() / 1e9));
    }

    private String fileName(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(siteDir) ? siteDir.relativize(abs).toString() : abs.toString();
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(siteDir) && !abs.equals(siteDir) ? siteDir.relativize(abs) + "/" : abs.toString();
    }

    private static String millis(Duration d) { return d.toMillis() + " ms"; }

    private static String seconds(Duration d) { return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9); }

    private static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
