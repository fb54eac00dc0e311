package org.agora.serve;

import io.methvin.watcher.DirectoryWatcher;
import org.agora.diag.Diagnostic;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The editor's preview: builds the site, watches its folder (content, theme, layouts, data, config), and
 * builds again after a change; open pages follow through {@link LiveState}. A build with errors leaves the
 * last good site in place and puts its errors on the pages; the next good build clears them.
 */
public final class LivePreview implements AutoCloseable {

    /** Changes closer together than this (an editor saving several files) make one build. */
    private static final long SETTLE_MILLIS = 60;

    private final BuildOptions options;
    private final SiteBuilder builder;
    private final Consumer<BuildResult> report;
    private final LiveState state = new LiveState();
    private final ScheduledExecutorService builds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agora-preview-build");
        t.setDaemon(true);
        return t;
    });
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;

    /** @param report told about every build, as the terminal shows it */
    public LivePreview(BuildOptions options, BuildListener listener, Consumer<BuildResult> report) {
        this.options = options;
        this.builder = new SiteBuilder(listener);
        this.report = report;
    }

    public LiveState state() { return state; }

    /** The first build, then watching; the result of the first build. */
    public BuildResult start() throws IOException {
        BuildResult first = build();
        Path site = options.siteDir().toAbsolutePath().normalize();
        Path out = options.outDir().toAbsolutePath().normalize();
        Path cache = options.cacheDir().toAbsolutePath().normalize();
        watcher = DirectoryWatcher.builder().path(site).fileHashing(false).listener(event -> {
            Path changed = event.path();
            if (changed == null || changed.startsWith(out) || changed.startsWith(cache)
                    || changed.startsWith(site.resolve(".git")) || changed.getFileName().toString().startsWith(".")
                    || changed.getFileName().toString().endsWith("~")) {
                return;   // our own output, the cache, git and editors' swap files
            }
            schedule();
        }).build();
        watcher.watchAsync();
        return first;
    }

    private synchronized void schedule() {
        if (pending != null) pending.cancel(false);
        pending = builds.schedule(this::build, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private BuildResult build() {
        BuildResult result = builder.build(options);
        report.accept(result);
        List<LiveState.Problem> problems = result.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(d -> new LiveState.Problem(where(d), d.message(), d.hint())).toList();
        state.publish(result.success(), problems);
        return result;
    }

    private String where(Diagnostic d) {
        Path file = d.position().file();
        if (file == null) return "";
        Path site = options.siteDir().toAbsolutePath().normalize();
        String name = file.startsWith(site) ? site.relativize(file).toString() : file.toString();
        return d.position().line() > 0 ? name + ":" + d.position().line() : name;
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) watcher.close();
        builds.shutdownNow();
    }
}
