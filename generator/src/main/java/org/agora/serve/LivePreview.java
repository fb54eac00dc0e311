package org.agora.serve;

import io.methvin.watcher.DirectoryWatcher;
import org.agora.diag.Diagnostic;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.site.SiteSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The editor's preview: builds the site, watches its folder (content, theme, layouts, data, config), and
 * after a change rebuilds what it affects; open pages follow through {@link LiveState}.
 * <p>
 * Every build is the same pipeline ({@link SiteBuilder}). After a save in content/ or static/, the build keeps
 * what the last one had in memory (configuration, theme, the front matter of unchanged files) and takes
 * documents and pages whose inputs did not change from the build cache, so it renders the saved document and
 * the pages that show it. A change elsewhere (the configuration, the theme, data/) reads everything again.
 * Either way the search index and related documents, which depend on every document, are the last build's
 * ({@link SiteBuilder#rebuildKeeping}), and a full build on a thread of its own brings them up to date once
 * the editor pauses: a new save does not wait for it but cancels it (it checks between pages, and last under
 * the output lock before it swaps its folder in, so it never replaces pages a later save wrote). A build with errors leaves the
 * last good site in place and puts its errors on the pages; the next good build clears them.
 */
public final class LivePreview implements AutoCloseable {

    /** Changes closer together than this (an editor saving several files) make one build. */
    private static final long SETTLE_MILLIS = 30;
    /** Quiet time after a partial rebuild before the background full build refreshes search and related lists. */
    private static final long CATCH_UP_MILLIS = 3_000;

    /** What the terminal shows of the preview's builds. */
    public interface Listener {
        /** A full build finished (the first one, or after a change that needed it). */
        void built(BuildResult result);

        /** A change was rebuilt in place, or was refused for its errors ({@code result.success()} false). */
        void updated(Set<Path> changed, BuildResult result);

        /** A change needs a full build, for this reason. */
        default void rebuildingAll(String reason) {}

        /** The background full build after partial rebuilds succeeded: search and related lists are current. */
        default void caughtUp(BuildResult result) {}
    }

    private final BuildOptions options;
    private final SiteBuilder builder;
    private final SiteBuilder background;
    private final Listener listener;
    private final LiveState state = new LiveState();
    private final AtomicBoolean changedSinceCatchUp = new AtomicBoolean();
    private final ScheduledExecutorService builds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agora-preview-build");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService catchUps = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agora-preview-catch-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** Held by whoever writes into the preview folder: a partial rebuild, or a full build swapping it in. */
    private final java.util.concurrent.locks.ReentrantLock output = new java.util.concurrent.locks.ReentrantLock();
    /** Changed paths not built yet; guarded by this. */
    private final Set<Path> pendingPaths = new LinkedHashSet<>();
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> catchUp;
    /** The last good build, under the output lock; null until one succeeded. */
    private SiteSnapshot snapshot;
    /** Whether the pages show errors now; under the output lock. */
    private boolean showingErrors;
    private final AtomicBoolean closed = new AtomicBoolean();

    public LivePreview(BuildOptions options, BuildListener progress, Listener listener) {
        this.options = options;
        this.builder = new SiteBuilder(progress, () -> false, output);
        this.background = new SiteBuilder(BuildListener.NONE, changedSinceCatchUp::get, output);
        this.listener = listener;
    }

    public LiveState state() { return state; }

    /** The first build, then watching; the result of the first build. */
    public BuildResult start() throws IOException {
        BuildResult first;
        try {
            first = builds.submit(() -> fullBuild(false)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the first build", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the first build failed: " + e.getCause(), e.getCause());
        }
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
            changed(changed.toAbsolutePath().normalize());
        }).build();
        watcher.watchAsync();
        return first;
    }

    private synchronized void changed(Path path) {
        pendingPaths.add(path);
        changedSinceCatchUp.set(true);   // a background full build running now stops at its next step
        if (catchUp != null) catchUp.cancel(false);
        if (pending != null) pending.cancel(false);
        pending = builds.schedule(this::buildChanges, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized Set<Path> takeChanges() {
        Set<Path> taken = Set.copyOf(pendingPaths);
        pendingPaths.clear();
        return taken;
    }

    private synchronized void scheduleCatchUp() {
        if (catchUp != null) catchUp.cancel(false);
        catchUp = catchUps.schedule(this::catchUp, CATCH_UP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void buildChanges() {
        Set<Path> changed = takeChanges();
        if (changed.isEmpty()) return;
        output.lock();
        try {
            rebuild(changed);
        } catch (RuntimeException e) {
            // A fault of ours must not leave the preview silently behind the files: build it all instead.
            listener.rebuildingAll("the partial rebuild failed (" + e + ")");
            fullBuild(false);
        } finally {
            output.unlock();
        }
    }

    private void rebuild(Set<Path> changed) {
        if (snapshot == null) {
            fullBuild(false);
            return;
        }
        Path site = options.siteDir().toAbsolutePath().normalize();
        Path content = snapshot.config().contentDir();
        Path statics = site.resolve("static");
        java.util.Optional<Path> further = changed.stream().filter(p -> !p.startsWith(content) && !p.startsWith(statics)).findFirst();
        if (further.isPresent()) {
            listener.rebuildingAll(site.relativize(further.get()) + " changed");
            fullBuild(true);
            return;
        }
        SiteBuilder.Kept kept = builder.rebuildKeeping(options, snapshot, changed);
        if (kept.unchanged()) {
            // An edit undone: the last good pages are the ones served, so any errors shown are over.
            if (showingErrors) publish(true, List.of());
            return;
        }
        kept.snapshot().ifPresent(this::keep);
        // A build that failed while writing in place may have left some new pages: the next one writes them all.
        if (!kept.result().success() && !kept.wasCancelled()) snapshot = snapshot.outputUnknown();
        listener.updated(changed, kept.result());
        publish(kept.result());
        if (kept.result().success()) scheduleCatchUp();
    }

    /** The background full build: pages only reload when it found errors the partial rebuilds did not. */
    private void catchUp() {
        changedSinceCatchUp.set(false);
        SiteBuilder.Kept kept = background.buildKeeping(options);
        output.lock();
        try {
            // Its folder is in place only when no save came before the swap; a save after it is rebuilt on
            // this build's snapshot, whose stamps are older, so nothing is lost.
            if (kept.wasCancelled()) return;
            kept.snapshot().ifPresent(this::keep);
            if (!kept.result().success() || showingErrors) {
                listener.built(kept.result());
                publish(kept.result());
            } else {
                listener.caughtUp(kept.result());
            }
        } finally {
            output.unlock();
        }
    }

    /**
     * Every page again. {@code pagesFirst}: with the search index and related documents of the last good
     * build, which the background build then brings up to date (they take most of a full build's time).
     */
    private BuildResult fullBuild(boolean pagesFirst) {
        boolean reusing = pagesFirst && snapshot != null;
        SiteBuilder.Kept kept = reusing ? builder.buildPagesKeeping(options, snapshot) : builder.buildKeeping(options);
        kept.snapshot().ifPresent(this::keep);
        if (reusing && !kept.result().success() && !kept.wasCancelled()) snapshot = snapshot.outputUnknown();
        listener.built(kept.result());
        publish(kept.result());
        if (reusing && kept.result().success()) scheduleCatchUp();
        return kept.result();
    }

    /** The snapshot to build the next change on; the one it replaces lets its theme go unless it is shared. */
    private void keep(SiteSnapshot next) {
        if (snapshot != null && snapshot.themes() != next.themes()) snapshot.close();
        snapshot = next;
    }

    private void publish(BuildResult result) {
        List<LiveState.Problem> problems = result.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(d -> new LiveState.Problem(where(d), d.message(), d.hint())).toList();
        publish(result.success(), problems);
    }

    private void publish(boolean ok, List<LiveState.Problem> problems) {
        showingErrors = !ok;
        state.publish(ok, problems);
    }

    private String where(Diagnostic d) {
        Path file = d.position().file();
        if (file == null) return "";
        Path site = options.siteDir().toAbsolutePath().normalize();
        String name = file.startsWith(site) ? site.relativize(file).toString() : file.toString();
        return d.position().line() > 0 ? name + ":" + d.position().line() : name;
    }

    /** Closed by the server's shutdown hook as well as by its owner: the second time does nothing. */
    @Override
    public void close() throws IOException {
        if (closed.getAndSet(true)) return;
        if (watcher != null) watcher.close();
        changedSinceCatchUp.set(true);   // a background build stops at its next page
        builds.shutdownNow();
        catchUps.shutdownNow();
        try {
            builds.awaitTermination(10, TimeUnit.SECONDS);
            catchUps.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (snapshot != null) snapshot.close();
    }
}
