package org.agora.cli;

import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.agora.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a script or CI sees it: exit codes, the report, the summary. */
class MainTest {

    @TempDir
    Path temp;

    @Test
    void buildPrintsASummaryAndExitsZero() {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Path out = temp.resolve("elsewhere/site");
        Run r = run("build", "--site", site.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().matches("(?s)Built \\d+ pages \\(en \\d+, fr \\d+, nl \\d+\\).*1 warning.*\\n"), r.out());
        assertTrue(r.err().contains("content/en/guides/facilitation.md:19: warning: shortcode 'gallery'"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("en/index.html")));
    }

    /**
     * A site too large for the memory Java may use: a real build in a Java given 8 MB, which runs out while
     * building the bundled site. The editor reads what happened and what to do, not a stack trace, and no
     * output folder is left behind.
     */
    @Test
    void runningOutOfMemorySaysHowToGiveMoreAndWritesNothing() throws Exception {
        Path out = temp.resolve("out");
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        // 16 MB: enough for Java and the command line to start, far too little for the build (8 MB no longer
        // starts the commands at all, which is the JVM's failure, not a site's size)
        Process p = new ProcessBuilder(javaBinary, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                "org.agora.cli.Main", "build", "--site", TestPaths.repoRoot().toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(ExitCodes.INTERNAL, p.exitValue(), output);
        assertTrue(output.contains("agora: out of memory") && output.contains("AGORA_JAVA_OPTS=-Xmx"), output);
        assertFalse(output.contains("internal error") || output.contains("\tat "), output);
        assertFalse(Files.exists(out), "no output folder");
    }

    @Test
    void brokenSiteExitsNonZeroWithEveryProblemAndNoStackTrace() {
        Path site = TestPaths.fixtureSite("broken", temp.resolve("broken"));
        Run r = run("build", "--site", site.toString());
        assertEquals(ExitCodes.SITE_ERRORS, r.code());
        assertTrue(r.err().contains("content/en/links.md:6: error: link target 'missing-page.md' does not exist"), r.err());
        assertTrue(r.err().contains("Build failed: 5 errors"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(site.resolve("public")));
    }

    @Test
    void misspelledConfigKeysAreErrorsWithASuggestion() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Files.writeString(site.resolve("site-config.yml"),
                Files.readString(site.resolve("site-config.yml")).replace("defaultLanguage:", "defaultLanguge:"));
        Run r = run("build", "--site", site.toString());
        assertEquals(ExitCodes.SITE_ERRORS, r.code());
        assertTrue(r.err().contains("site-config.yml:3: error: unknown key 'defaultLanguge'"), r.err());
        assertTrue(r.err().contains("did you mean 'defaultLanguage'?"), r.err());
    }

    @Test
    void missingSiteIsAClearError() {
        Run r = run("build", "--site", temp.resolve("nothing-here").toString());
        assertEquals(ExitCodes.SITE_ERRORS, r.code());
        assertTrue(r.err().contains("no site-config.yml"), r.err());
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        Run r = run("build", "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }
}
