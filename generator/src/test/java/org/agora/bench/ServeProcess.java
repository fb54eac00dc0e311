package org.agora.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code agora serve} as an editor starts it: the launcher in its own process, on a free port. Its
 * terminal output is read all along (a full pipe would stop the server), copied to {@code log} line by line
 * (the benchmark's standard error: its results stay alone on standard output), and its last lines are kept
 * to explain a failure.
 */
final class ServeProcess implements AutoCloseable {

    /** The announcement names the local address; the first build's report may quote the site's own baseURL. */
    private static final Pattern LOCAL_URL = Pattern.compile("http://(?:127\\.0\\.0\\.1|localhost|\\[::1]):\\d+[^\\s,]*");
    private static final int KEPT_LINES = 40;

    private final Process process;
    private final PrintStream log;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<URI> url = new CompletableFuture<>();

    private ServeProcess(Process process, PrintStream log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "agora-serve-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code launcher serve --site site --port 0}; the output goes to a pipe that this object reads. */
    static ServeProcess start(Path launcher, Path site, PrintStream log) throws IOException {
        Process p = new ProcessBuilder(List.of(launcher.toString(), "serve", "--site", site.toString(), "--port", "0"))
                .redirectErrorStream(true)
                .start();
        return new ServeProcess(p, log);
    }

    /** The address the server announces once its first build is done. */
    URI awaitUrl(Duration timeout) throws IOException, InterruptedException {
        try {
            return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("agora serve stopped before serving:\n" + lastLines(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("agora serve did not announce its address within " + timeout.toSeconds() + " s:\n" + lastLines());
        }
    }

    /** The last lines the server printed, for a failure report. */
    synchronized String lastLines() {
        return lastLines.isEmpty() ? "  (no output)" : "  | " + String.join("\n  | ", lastLines);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                log.println("  serve | " + line);
                synchronized (this) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) lastLines.removeFirst();
                }
                Matcher m = LOCAL_URL.matcher(line);
                if (!url.isDone() && m.find()) url.complete(URI.create(m.group()));
            }
        } catch (IOException e) {
            // The process ended while its output was read: what follows reports it.
        }
        url.completeExceptionally(new IOException("agora serve " + exitStatus()));
    }

    /** How the server ended: its exit code, and the signal that stopped it if one did. */
    String exitStatus() {
        try {
            int code = process.waitFor();
            // 128 + n: stopped by signal n from outside (this benchmark stops it only after the edits).
            return "exit code " + code + (code > 128 ? " (signal " + (code - 128) + ")" : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    boolean isAlive() { return process.isAlive(); }

    /** Stops the server as Ctrl+C would (its shutdown hook deletes the preview folder) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
