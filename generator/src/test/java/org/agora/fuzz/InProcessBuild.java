package org.agora.fuzz;

import org.agora.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Runs {@code agora build --site DIR --out DIR} through {@link Main#run} as the launcher does, with the
 * process's own streams and log captured too: the command's writers are what it means to print, anything
 * else that appears was printed behind its back.
 */
final class InProcessBuild {

    /** The build date is fixed so that one seed gives the same pages on any day. */
    static final String BUILD_DATE = "2026-12-03";

    private InProcessBuild() {}

    static BuildOutcome run(Path site, Path out, Duration limit, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("build", "--site", site.toString(), "--out", out.toString(),
                "--build-date", BUILD_DATE));
        args.addAll(List.of(extraArgs));
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream strayStream = new PrintStream(stray, true, StandardCharsets.UTF_8);
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        Handler logCapture = new CapturingHandler(strayStream);
        Logger root = Logger.getLogger("");
        // The build runs on its own thread so that a build that never ends is reported instead of hanging CI.
        FutureTask<Integer> build = new FutureTask<>(() ->
                Main.run(new PrintWriter(outText, true), new PrintWriter(errText, true), args.toArray(String[]::new)));
        Thread thread = new Thread(build, "fuzz-build");
        thread.setDaemon(true);
        long started = System.nanoTime();
        int code = -1;
        Throwable thrown = null;
        boolean finished = true;
        System.setOut(strayStream);
        System.setErr(strayStream);
        root.addHandler(logCapture);
        try {
            thread.start();
            code = build.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            thrown = e.getCause();
        } catch (TimeoutException e) {
            finished = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } finally {
            // Tasks a failed build left in the common pool still print and write: what they do counts as the build's.
            if (finished) java.util.concurrent.ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
            root.removeHandler(logCapture);
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return new BuildOutcome(code, outText.toString(), errText.toString(), stray.toString(StandardCharsets.UTF_8),
                thrown, finished, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A record that reaches the root logger is one the console handler prints for a user. */
    private static final class CapturingHandler extends Handler {
        private final PrintStream to;
        private final SimpleFormatter format = new SimpleFormatter();

        CapturingHandler(PrintStream to) { this.to = to; }

        @Override
        public void publish(LogRecord record) {
            to.print(format.format(record));
        }

        @Override public void flush() { to.flush(); }

        @Override public void close() { flush(); }
    }
}
