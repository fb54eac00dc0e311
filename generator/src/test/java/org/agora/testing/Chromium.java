package org.agora.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven through its chromedriver, for browser tests: the paths in the environment
 * variables {@code CHROMIUM} and {@code CHROMEDRIVER} when set, else Debian's ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}), else the first of {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} (and {@code chromedriver}) on PATH, else macOS's applications. Both are named by
 * path so that Selenium never runs Selenium Manager, which would try to download a browser or a driver
 * (the build machines have no internet). Starting it takes a second or two: open one per test class.
 */
public final class Chromium implements AutoCloseable {

    static final List<String> BROWSER_PATHS = List.of("/usr/bin/chromium", "chromium", "chromium-browser",
            "google-chrome", "google-chrome-stable", "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    static final List<String> DRIVER_PATHS = List.of("/usr/bin/chromedriver", "chromedriver");
    private static final String INSTALL = "install them (Debian: apt-get install chromium chromium-driver;"
            + " Ubuntu: apt-get install chromium-browser chromium-chromedriver; macOS: brew install --cask chromium"
            + " chromedriver) or name them with CHROMIUM=/path/to/chromium and CHROMEDRIVER=/path/to/chromedriver;"
            + " never a downloaded browser";
    /** Generous: two shared cores may be busy with other tests while a page loads the search index. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;
    /** Held so that their level sticks: java.util.logging forgets loggers nobody references. */
    private final List<Logger> quieted;

    private Chromium(ChromeDriver driver, Path profile, List<Logger> quieted) {
        this.driver = driver;
        this.profile = profile;
        this.quieted = quieted;
    }

    /** A new headless browser with a fresh, empty profile. */
    public static Chromium start() {
        Path browserPath = locate("CHROMIUM", "Chromium", BROWSER_PATHS, System.getenv());
        Path driverPath = locate("CHROMEDRIVER", "chromedriver", DRIVER_PATHS, System.getenv());
        Path profile;
        try {
            profile = Files.createTempDirectory("agora-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Selenium warns on every start that it has no DevTools binding for this Chromium version; the
        // helpers here never need one (CDP commands go through chromedriver).
        List<Logger> quieted = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
                Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));
        quieted.forEach(l -> l.setLevel(Level.SEVERE));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserPath.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                // Containers often have a tiny /dev/shm, where Chromium's renderers then crash.
                "--disable-dev-shm-usage",
                // The same layout and navigator.language on every machine, whatever its locale.
                "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverPath.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().scriptTimeout(TIMEOUT).pageLoadTimeout(TIMEOUT);
            return new Chromium(chrome, profile, quieted);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
    }

    /**
     * The executable that {@code variable} names in {@code env}, else the first of {@code candidates} (an absolute
     * path, or a command looked up on env's PATH) that is executable. Fails saying what was looked for: a variable
     * naming no executable is an error, not a reason to take another browser.
     */
    static Path locate(String variable, String what, List<String> candidates, Map<String, String> env) {
        String named = env.get(variable);
        List<String> path = List.of(env.getOrDefault("PATH", "").split(java.io.File.pathSeparator));
        if (named != null && !named.isEmpty()) {
            // A path, or a command name to find on PATH as the shell would (run-tests checks it so).
            List<Path> places = named.contains("/") ? List.of(Path.of(named))
                    : path.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, named)).toList();
            for (Path p : places) {
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
            }
            throw new IllegalStateException(variable + "=" + named + " is not an executable file: the browser tests"
                    + " need " + what + " there, or " + variable + " unset to look for it in the usual places");
        }
        for (String candidate : candidates) {
            List<Path> places = candidate.startsWith("/") ? List.of(Path.of(candidate))
                    : path.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, candidate)).toList();
            for (Path p : places) {
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
            }
        }
        throw new IllegalStateException("the browser tests need Chromium and its chromedriver, and " + what
                + " was not found (" + variable + " unset; looked at " + String.join(", ", candidates)
                + " on PATH or where named): " + INSTALL);
    }

    /** The driver itself, for what these helpers do not cover (key events, clicks, navigation). */
    public ChromeDriver driver() { return driver; }

    /** Loads a page and waits for its load event. */
    public void open(URI url) { driver.get(url.toString()); }

    public void open(String url) { driver.get(url); }

    public URI currentUrl() { return URI.create(driver.getCurrentUrl()); }

    public WebElement find(String cssSelector) { return driver.findElement(By.cssSelector(cssSelector)); }

    public List<WebElement> findAll(String cssSelector) { return driver.findElements(By.cssSelector(cssSelector)); }

    /**
     * Runs {@code body} as the body of an async function in the page ({@code arguments} are {@code args})
     * and returns what it returns, through JSON. A rejection fails with the page's error and stack.
     */
    public JsonNode run(String body, Object... args) {
        String script = """
                const done = arguments[arguments.length - 1];
                const args = Array.prototype.slice.call(arguments, 0, -1);
                (async function () { %s }).apply(null, args).then(
                  (value) => done({ json: JSON.stringify(value === undefined ? null : value) }),
                  (error) => done({ error: String(error && error.stack || error) }));
                """.formatted(body);
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(script, args);
        if (!(answer instanceof Map<?, ?> map)) throw new AssertionError("no answer from the page: " + answer);
        if (map.get("error") != null) throw new AssertionError("script failed in the page: " + map.get("error"));
        try {
            return JSON.readTree(String.valueOf(map.get("json")));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the page answered with invalid JSON: " + map.get("json"), e);
        }
    }

    /**
     * Waits, inside the page, until the JavaScript expression {@code condition} is truthy and returns its value.
     * Not usable across a navigation (the page that runs the wait goes away): use {@link #waitFor} then.
     */
    public JsonNode await(String description, String condition, Object... args) {
        return run("""
                const deadline = performance.now() + %d;
                for (;;) {
                  const value = await (async function () { return (%s); }).apply(null, args);
                  if (value) return value;
                  if (performance.now() > deadline) throw new Error('timed out waiting for: ' + %s);
                  await new Promise((resolve) => setTimeout(resolve, 25));
                }
                """.formatted(TIMEOUT.toMillis() - 2000, condition, quote(description)), args);
    }

    /** Polls {@code probe} from the test until it gives a non-null value that is not {@code false}. */
    public <T> T waitFor(String description, Supplier<T> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) return value;
            } catch (RuntimeException e) {
                last = e;   // a page between two documents answers with errors for a moment
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + description, e);
            }
        }
        throw new AssertionError("timed out waiting for " + description + " (at " + driver.getCurrentUrl() + ")", last);
    }

    /**
     * Lets a test inject its own tools (axe-core) into pages whose Content-Security-Policy allows only the
     * site's scripts. Only for tests that check something else than that policy.
     */
    public void bypassContentSecurityPolicy() {
        driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
    }

    /**
     * Runs {@code script} at the start of every document this browser loads from now on, before the page's
     * own scripts: the place for traps (window.alert) and recorders.
     */
    public void onEveryDocument(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /**
     * The console errors, uncaught exceptions and failed loads reported since the last call, one line
     * each. Reading them empties the browser's log.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * The page's own errors since the last call: {@link #consoleErrors()} without Chromium's request for
     * /favicon.ico at the host's root, which lies outside a site served under a sub-path.
     */
    public List<String> pageErrors() {
        return consoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList();
    }

    /** Closes the browser, then what it was looking at (a served site), whichever of them were started. */
    public static void closeAll(Chromium browser, AutoCloseable served) {
        try {
            if (browser != null) browser.close();
        } finally {
            if (served != null) {
                try {
                    served.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop the served site", e);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // Chromium may still be writing its profile as it exits; a stale temp folder is harmless.
        }
    }
}
