package org.agora.bench;

import org.agora.testing.Chromium;
import org.openqa.selenium.WebDriverException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long an editor waits for the preview: the time from saving a Markdown file to the reloaded page in
 * the browser. Starts {@code agora serve} through the launcher on a copy of a site, opens a document in
 * headless Chromium, saves a marker paragraph into it and waits until the page shows the marker by itself
 * (the preview's script reloads it; the benchmark never does). The save time is this process's clock just
 * before the write; the page time is the browser's own (navigation timing: DOMContentLoaded of the reloaded
 * page, or the moment the marker entered the page if the preview ever patches a page in place), so the
 * polling here adds nothing. Both clocks are the machine's; their offset is measured before each edit and
 * taken off.
 *
 * <p>Not a test: run by {@code bench/preview-latency.sh}. Arguments: LAUNCHER SITE_DIR [EDITS].
 */
public final class PreviewLatency {

    private static final Duration FIRST_BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** How long an edit may take to show before the run fails; -Dagora.bench.timeout=SECONDS changes it. */
    private static final Duration EDIT_TIMEOUT = Duration.ofSeconds(Long.getLong("agora.bench.timeout", 30));
    /** How long a freshly opened page may take to ask the preview for its state, before the edit goes ahead anyway. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The same documents in the same order on every run of the same site. */
    private static final long SEED = 42;

    private final PrintStream out;
    private final Chromium browser;
    private final URI base;
    private final Path site;
    private final String run;
    private double largestClockOffset;

    private PreviewLatency(PrintStream out, Chromium browser, URI base, Path site, String run) {
        this.out = out;
        this.browser = browser;
        this.base = base;
        this.site = site;
        this.run = run;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PreviewLatency LAUNCHER SITE_DIR [EDITS]   (bench/preview-latency.sh runs it)");
            System.exit(2);
        }
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path original = Path.of(args[1]).toAbsolutePath().normalize();
        int edits = args.length == 3 ? Integer.parseInt(args[2]) : 20;
        if (!Files.isRegularFile(original.resolve("site-config.yml"))) {
            System.err.println("preview-latency: " + original + " has no site-config.yml");
            System.exit(2);
        }
        int code = measure(launcher, original, edits, System.out);
        // Maven's exec plugin answers a failing program with a page of its own stack trace: the script asks
        // for the exit code in a file instead, and gives it back itself.
        String status = System.getProperty("agora.bench.status");
        if (status != null) {
            Files.writeString(Path.of(status), Integer.toString(code));
            System.exit(0);
        }
        System.exit(code);
    }

    /** Runs the benchmark on a copy of {@code original}; the exit code (0, or 1 when an edit never showed). */
    static int measure(Path launcher, Path original, int edits, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("agora-preview-latency-");
        try {
            Path site = work.resolve("site");
            copyTree(original, site);   // the editor's files are never touched
            List<SitePages.Document> documents = SitePages.editOrder(SitePages.documents(site), SEED);
            String loadBefore = loadAverage();
            out.printf("preview-latency: %s (%d documents), %d edits; load average %s%n", original, documents.size(), edits, loadBefore);
            long start = System.nanoTime();
            try (ServeProcess serve = ServeProcess.start(launcher, site, System.err)) {
                URI base = serve.awaitUrl(FIRST_BUILD_TIMEOUT);
                double firstBuild = (System.nanoTime() - start) / 1e6;
                out.printf("agora serve at %s after %s ms (start and first build)%n", base, LatencySummary.ms(firstBuild));
                try (Chromium browser = Chromium.start()) {
                    String run = HexFormat.of().toHexDigits(Instant.now().toEpochMilli()).substring(4);
                    PreviewLatency bench = new PreviewLatency(out, browser, base, site, run);
                    List<Double> timings = bench.edits(documents, edits, serve);
                    if (timings == null) return 1;
                    LatencySummary summary = LatencySummary.of(timings);
                    String loadAfter = loadAverage();
                    out.println(summary.text());
                    out.printf("(browser clock against this process: at most %.1f ms apart, taken off each timing; load average %s)%n",
                            bench.largestClockOffset, loadAfter);
                    Map<String, Object> context = new LinkedHashMap<>();
                    context.put("site", original.toString());
                    context.put("first_build_ms", Math.round(firstBuild));
                    context.put("cores", Runtime.getRuntime().availableProcessors());
                    context.put("load_before", loadBefore);
                    context.put("load_after", loadAfter);
                    out.println(summary.json(context));
                    return 0;
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    /** The timed edits, or null after reporting an edit that never showed. */
    private List<Double> edits(List<SitePages.Document> documents, int edits, ServeProcess serve) throws IOException {
        List<Double> timings = new ArrayList<>();
        Iterator<SitePages.Document> next = documents.iterator();
        while (timings.size() < edits) {
            if (!next.hasNext()) {
                out.printf("preview-latency: the site has only %d documents; asked for %d edits%n", timings.size(), edits);
                return null;
            }
            SitePages.Document document = next.next();
            String relative = site.relativize(document.file()).toString().replace('\\', '/');
            URI page = base.resolve(document.path().substring(1));
            browser.open(page);
            long status = ((Number) browser.driver().executeScript(
                    "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;")).longValue();
            if (status != 200) {   // the server and the generator's plan disagree: a fault worth seeing
                out.printf("preview-latency: %s answered %d, not its page%n", page, status);
                return null;
            }
            awaitConnection();
            MarkerParagraph marker = new MarkerParagraph(run + "-" + (timings.size() + 1));
            arm(marker);
            double offset = clockOffset();
            String edited = marker.applyTo(Files.readString(document.file(), StandardCharsets.UTF_8));
            double saved = epochMillis();
            Files.writeString(document.file(), edited, StandardCharsets.UTF_8);   // a whole-file save, like an editor's
            Shown shown = awaitShown(marker, serve);
            if (shown == null) {
                out.printf("preview-latency: edit %d of %s did not show%s:%n%s%n", timings.size() + 1, relative,
                        serve.isAlive() ? " within " + EDIT_TIMEOUT.toSeconds() + " s" : ": agora serve stopped, " + serve.exitStatus(),
                        serve.lastLines());
                return null;
            }
            double latency = shown.epochMillis() - offset - saved;
            largestClockOffset = Math.max(largestClockOffset, Math.abs(offset));
            timings.add(latency);
            // Where the time went: until the page started reloading (watching, building, telling the page),
            // then loading the page itself.
            String parts = shown.navigationStart() > 0
                    ? "; reload began after " + LatencySummary.ms(shown.navigationStart() - offset - saved) + " ms, page ready "
                      + LatencySummary.ms(shown.epochMillis() - shown.navigationStart()) + " ms later"
                    : "";
            out.printf("%3d  %-70s %7s ms  (%s%s)%n", timings.size(), relative, LatencySummary.ms(latency), shown.how(), parts);
        }
        return timings;
    }

    /**
     * When the page showed the marker, on the browser's clock, and how it came (reload or in place).
     * @param navigationStart when the reload began (the reloaded page's time origin); 0 for a page patched in place
     */
    private record Shown(double epochMillis, double navigationStart, String how) {}

    /** The moment the marker showed, or null when it did not in time or the server stopped. */
    private Shown awaitShown(MarkerParagraph marker, ServeProcess serve) {
        long deadline = System.nanoTime() + EDIT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && serve.isAlive()) {
            try {
                if (browser.driver().executeScript("""
                        const n = performance.getEntriesByType('navigation')[0];
                        return {
                          shown: !!document.body && document.body.textContent.includes(arguments[0]),
                          samePage: window.__agoraBench === arguments[0],
                          seen: window.__agoraBenchSeen || 0,
                          ready: n && n.domContentLoadedEventEnd > 0 ? performance.timeOrigin + n.domContentLoadedEventEnd : 0,
                          start: performance.timeOrigin,
                          type: n ? n.type : ''
                        };""", marker.text()) instanceof Map<?, ?> state && Boolean.TRUE.equals(state.get("shown"))) {
                    if (Boolean.TRUE.equals(state.get("samePage"))) {
                        double seen = ((Number) state.get("seen")).doubleValue();
                        if (seen > 0) return new Shown(seen, 0, "in place");
                    } else {
                        double ready = ((Number) state.get("ready")).doubleValue();
                        if (ready > 0) {
                            return new Shown(ready, ((Number) state.get("start")).doubleValue(), String.valueOf(state.get("type")));
                        }
                    }
                }
            } catch (WebDriverException e) {
                // The page is between two documents: ask again.
            }
            pause(50);
        }
        return null;
    }

    /**
     * Marks the open page, so that a reloaded page is told apart from it, and notes when the marker enters
     * it, for a preview that would update a page without reloading it.
     */
    private void arm(MarkerParagraph marker) {
        browser.driver().executeScript("""
                const text = arguments[0];
                window.__agoraBench = text;
                new MutationObserver((records, observer) => {
                  if (document.body.textContent.includes(text)) {
                    window.__agoraBenchSeen = performance.timeOrigin + performance.now();
                    observer.disconnect();
                  }
                }).observe(document, { subtree: true, childList: true, characterData: true });""", marker.text());
    }

    /**
     * Waits until the page has heard from the preview once, so that it follows the next build. Today's
     * preview asks {@code __agora/state} with a long poll; a preview that follows builds another way only
     * costs this wait.
     */
    private void awaitConnection() {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Object heard = browser.driver().executeScript("""
                    return performance.getEntriesByType('resource')
                        .some((e) => e.name.includes('/__agora/') && !e.name.endsWith('.js') && e.responseEnd > 0);""");
            if (Boolean.TRUE.equals(heard)) return;
            pause(20);
        }
        out.println("     (the page did not ask the preview for its state within " + CONNECT_TIMEOUT.toSeconds() + " s; editing anyway)");
    }

    /**
     * The browser's wall clock minus this process's, from the quickest of a few round trips (the browser's
     * reading is taken as the middle of the trip).
     */
    private double clockOffset() {
        double quickest = Double.MAX_VALUE;
        double offset = 0;
        for (int i = 0; i < 5; i++) {
            double before = epochMillis();
            double browserNow = ((Number) browser.driver().executeScript("return performance.timeOrigin + performance.now();")).doubleValue();
            double after = epochMillis();
            if (after - before < quickest) {
                quickest = after - before;
                offset = browserNow - (before + after) / 2;
            }
        }
        return offset;
    }

    /**
     * The machine's load average (1, 5, 15 minutes) where the system tells it: on a shared machine the
     * timings mean little without it.
     */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double epochMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Copies a site, following links (a benchmark site often links to a shared corpus). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("preview-latency: could not delete " + root + ": " + e.getMessage());
        }
    }
}
