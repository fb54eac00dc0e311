package org.agora.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of a build, from all stages, so that an editor sees all of them in one run.
 * Thread-safe: stages may render documents in parallel.
 */
public final class Diagnostics {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.position().file() == null ? "" : d.position().file().toString())
            .thenComparingInt(d -> d.position().line())
            .thenComparingInt(d -> d.position().column())
            .thenComparing(Diagnostic::message);

    private final List<Diagnostic> all = new ArrayList<>();

    public synchronized void add(Diagnostic d) { all.add(d); }

    /** A collector whose problems nobody reads: for a check whose problem another step already reports. */
    public static Diagnostics discarding() { return new Diagnostics(); }

    public void error(SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.ERROR, at, message, hint));
    }

    public void warning(SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.WARNING, at, message, hint));
    }

    /** An error with a stable {@link Diagnostic#code() code}. */
    public void error(String code, SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.ERROR, at, message, hint, code));
    }

    /** A warning with a stable {@link Diagnostic#code() code}. */
    public void warning(String code, SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.WARNING, at, message, hint, code));
    }

    public synchronized boolean hasErrors() { return all.stream().anyMatch(Diagnostic::isError); }

    public synchronized long errorCount() { return all.stream().filter(Diagnostic::isError).count(); }

    public synchronized long warningCount() { return all.size() - errorCount(); }

    /** All problems, sorted by file and line so output is stable whatever the thread order. */
    public synchronized List<Diagnostic> sorted() {
        return all.stream().distinct().sorted(ORDER).toList();
    }
}
