package org.agora.fuzz;

import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: builds of random, mutated and hostile sites keep the build's promises ({@link Invariant}): exit code
 * 0 or 1, no stack trace, every error names a file, nothing written outside the output folder, and no script
 * or event handler in any page that the theme did not put there.
 *
 * <p>Sites are generated and built one at a time, in process as {@code agora build} runs, checked, then deleted,
 * so disk and memory stay bounded however many documents are asked for. Seeded: the same properties give the
 * same sites. A failure prints each site's seed and the command that builds just that site again, and keeps
 * the site in generator/target/fuzz-failures/seed-N/ with what the build printed.
 *
 * <ul>
 *   <li>CI (the default): 2,000 documents (about 21 sites) from seed 20261203: 35 to 60 seconds on two cores.</li>
 *   <li>The long run: {@code ./run-tests -Dtest=FuzzBuildTest -Dagora.fuzz.documents=100000} (about 1,000 sites,
 *       some 40 minutes); add {@code -Dagora.fuzz.seed=N} for other sites than CI's.</li>
 *   <li>One site again: the command printed with it, {@code -Dagora.fuzz.seed=SEED -Dagora.fuzz.documents=ITS_DOCUMENTS}.</li>
 *   <li>{@code -Dagora.fuzz.buildSeconds=S}: the time a single build may take before it counts as hung (120).</li>
 * </ul>
 */
class FuzzBuildTest {

    @Test
    void randomMutatedAndHostileSitesBuildWithoutBreakingAPromise() throws IOException {
        FuzzSettings settings = FuzzSettings.fromSystemProperties();
        Duration limit = Duration.ofSeconds(Long.getLong("agora.fuzz.buildSeconds", 120));
        Path failures = TestPaths.repoRoot().resolve("generator/target/fuzz-failures");
        SiteFiles.deleteTree(failures);
        Path work = Files.createTempDirectory("agora-fuzz-");
        long started = System.nanoTime();
        FailureReport report = new FailureReport(failures);
        try {
            ThemeBaseline theme = ThemeBaseline.learn(work.resolve("theme"));
            SiteFiles.deleteTree(work.resolve("theme"));
            report.theme(theme);
            OutputInvariants invariants = new OutputInvariants(theme);
            int left = settings.documents();
            for (int i = 0; left > 0; i++) {
                long seed = settings.siteSeed(i);
                int documents = SiteGenerator.documentsFor(seed, left);
                Path root = work.resolve("site-" + i);
                GeneratedSite site = SiteGenerator.generate(root, seed, documents);
                TreeSnapshot before = TreeSnapshot.of(root);
                BuildOutcome outcome = InProcessBuild.run(site.site(), site.out(), limit);
                TreeSnapshot after = TreeSnapshot.of(root);
                String debugTrace = outcome.exitCode() == 3 ? debugTrace(site, limit) : null;
                List<Violation> violations = invariants.check(site, outcome, before, after, debugTrace);
                report.add(site, outcome, violations, debugTrace);
                if (!outcome.finished()) break; // its thread still runs: later timings and captures would be unreliable
                SiteFiles.deleteTree(root);
                left -= documents;
            }
        } finally {
            SiteFiles.deleteTree(work);
        }
        String text = report.text(settings, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(text);
        SiteFiles.write(failures.resolve("REPORT.txt"), text + "\nSites:\n" + report.sitesText());
        assertTrue(report.clean(), text);
    }

    /** The stack trace a user would send with a bug report: the same build again with --debug. */
    private static String debugTrace(GeneratedSite site, Duration limit) {
        BuildOutcome again = InProcessBuild.run(site.site(), site.root().resolve("debug-out"), limit, "--debug");
        return again.err().lines().limit(300).reduce("", (a, b) -> a + b + "\n");
    }
}
