package org.agora.serve;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What open preview pages need to know: a version that grows with every finished build, and the errors
 * of the last one. Pages ask with a long poll (answered at once when they are behind, else when the next
 * build finishes), so a change reaches them as soon as it is built, without a socket per page.
 */
public final class LiveState {

    /** An error as the page shows it: where, what, how to fix it. */
    public record Problem(String where, String message, String hint) {}

    /** @param ok whether the last build succeeded (the pages then show the site as built) */
    public record Snapshot(long version, boolean ok, List<Problem> problems) {
        public Snapshot {
            problems = List.copyOf(problems);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Snapshot current = new Snapshot(0, true, List.of());

    public void publish(boolean ok, List<Problem> problems) {
        lock.lock();
        try {
            current = new Snapshot(current.version() + 1, ok, problems);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Snapshot current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** The state once its version is above {@code seen}, or the current one after {@code millis}. */
    public Snapshot after(long seen, long millis) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (current.version() <= seen && left > 0) left = changed.awaitNanos(left);
            return current;
        } finally {
            lock.unlock();
        }
    }
}
