package org.agora.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every broken promise of a run, grouped by invariant and then by signature, so that a bug hit by a hundred
 * sites reads as one entry with its first examples: the seed, how to build just that site again, and where
 * its files were kept. Memory stays bounded however long the run: only counts grow past the examples.
 */
final class FailureReport {

    static final int EXAMPLES_PER_SIGNATURE = 3;
    static final int KEPT_SITES = 60;

    record Example(long seed, int documents, String site, String detail, Path kept) {}

    private static final class Entry {
        int sites;
        final List<Example> examples = new ArrayList<>();
    }

    private final Path keepIn;
    private final Map<Invariant, Map<String, Entry>> byInvariant = new EnumMap<>(Invariant.class);
    private final Map<String, int[]> outcomes = new TreeMap<>();
    /** The errors builds reported, by the start of their message: what made sites fail, meant or not. */
    private final Map<String, int[]> errorKinds = new TreeMap<>();
    private final Set<Long> failingSeeds = new LinkedHashSet<>();
    /** One line per site, for the report file (a long run writes only the first thousand). */
    private final List<String> siteLines = new ArrayList<>();
    private String theme = "";
    private int sites;
    private int documents;
    private int kept;

    FailureReport(Path keepIn) { this.keepIn = keepIn; }

    /** Records one site's build; keeps the site's folder when it is an example of a signature. */
    void add(GeneratedSite site, BuildOutcome outcome, List<Violation> violations, String debugTrace) {
        sites++;
        documents += site.documents();
        String outcomeKey = site.profile() + " exit " + (outcome.thrown() != null ? "thrown" : !outcome.finished() ? "unfinished" : outcome.exitCode());
        outcomes.computeIfAbsent(outcomeKey, k -> new int[1])[0]++;
        outcome.allPrinted().lines().filter(l -> l.contains(": error: ")).forEach(l -> {
            String message = l.substring(l.indexOf(": error: ") + 9).replaceAll("'[^']*'|\\d+", "…");
            errorKinds.computeIfAbsent(message.length() > 70 ? message.substring(0, 70) : message, k -> new int[1])[0]++;
        });
        if (siteLines.size() < 1000) {
            String firstError = outcome.allPrinted().lines().filter(l -> l.contains(": error: ")).findFirst().orElse("");
            siteLines.add(site.describe() + " → " + outcomeKey.substring(outcomeKey.indexOf(" exit ") + 1) + " in " + outcome.took().toMillis()
                    + " ms" + (violations.isEmpty() ? "" : ", " + violations.size() + " violations")
                    + (firstError.isEmpty() ? "" : "\n    first error: " + ActiveContent.cut(firstError, 300)));
        }
        if (violations.isEmpty()) return;
        failingSeeds.add(site.seed());
        Path keptAt = null;
        Set<String> counted = new LinkedHashSet<>();
        for (Violation v : violations) {
            Entry e = byInvariant.computeIfAbsent(v.invariant(), k -> new LinkedHashMap<>()).computeIfAbsent(v.signature(), k -> new Entry());
            if (counted.add(v.invariant() + v.signature())) e.sites++;
            boolean newSite = e.examples.stream().noneMatch(x -> x.seed() == site.seed());
            if (newSite && e.examples.size() < EXAMPLES_PER_SIGNATURE) {
                if (keptAt == null && kept < KEPT_SITES) {
                    keptAt = keepIn.resolve("seed-" + site.seed());
                    KeptSite.keep(site, outcome, violations, debugTrace, keptAt);
                    kept++;
                }
                String detail = v.detail();
                e.examples.add(new Example(site.seed(), site.documents(), site.describe(), detail, keptAt));
            }
        }
    }

    void theme(ThemeBaseline baseline) {
        theme = "The theme's own active content, from " + baseline.pages() + " pages of valid documents: " + baseline.items().size()
                + " items, " + baseline.scriptFiles().size() + " script files.\n";
    }

    boolean clean() { return byInvariant.isEmpty(); }

    String text(FuzzSettings settings, java.time.Duration took) {
        StringBuilder s = new StringBuilder();
        s.append("Fuzzed ").append(sites).append(" sites, ").append(documents).append(" documents, base seed ").append(settings.seed())
                .append(", in ").append(took.toSeconds()).append(" s.\n").append(theme).append("Outcomes: ");
        outcomes.forEach((k, v) -> s.append(k).append(" ×").append(v[0]).append("; "));
        s.append('\n').append("Errors reported, by kind:\n");
        errorKinds.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(40)
                .forEach(e -> s.append("  ").append(e.getValue()[0]).append(" × ").append(e.getKey()).append('\n'));
        if (clean()) return s.append("Every promise held.\n").toString();
        s.append(failingSeeds.size()).append(" sites broke a promise. By invariant, then by kind of failure (sites):\n");
        byInvariant.forEach((invariant, entries) -> {
            s.append("\n== ").append(invariant).append(": ").append(invariant.promise()).append('\n');
            entries.entrySet().stream().sorted((a, b) -> b.getValue().sites - a.getValue().sites).forEach(e -> {
                s.append("  * ").append(e.getKey()).append("  (").append(e.getValue().sites).append(" sites)\n");
                for (Example x : e.getValue().examples) {
                    s.append("      - ").append(x.site()).append('\n')
                            .append("        reproduce: ").append(FuzzSettings.reproduce(x.seed(), x.documents())).append('\n');
                    if (x.kept() != null) s.append("        kept in: ").append(x.kept()).append('\n');
                    s.append(indent(indent(indent(ActiveContent.cut(x.detail(), 2000))))).append('\n');
                }
            });
        });
        s.append("\nFailing seeds: ").append(failingSeeds.stream().limit(50).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""))
                .append(failingSeeds.size() > 50 ? " …" : "").append('\n');
        return s.toString();
    }

    /** Every site of the run with its outcome, for the report file. */
    String sitesText() { return String.join("\n", siteLines) + "\n"; }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
