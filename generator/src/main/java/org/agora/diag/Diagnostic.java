package org.agora.diag;

import java.nio.file.Path;

/**
 * One problem found in the site's input: where, what, and how to fix it (hint may be empty).
 * @param code a stable machine name of the kind of problem ("link.missing-target"), for CI tools and editors;
 *             {@link #UNCLASSIFIED} where no stage has named it yet
 */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint, String code) {

    /** The code of problems no stage has named yet; their message still says what is wrong. */
    public static final String UNCLASSIFIED = "unclassified";

    public Diagnostic {
        hint = hint == null ? "" : hint;
        code = code == null || code.isEmpty() ? UNCLASSIFIED : code;
    }

    public Diagnostic(Severity severity, SourcePosition position, String message, String hint) {
        this(severity, position, message, hint, UNCLASSIFIED);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** {@code content/fr/guide.md:12:3: error: message (hint)} */
    public String format(Path base) {
        String text = position.describe(base) + ": " + severity.label() + ": " + message;
        return hint.isEmpty() ? text : text + "\n    hint: " + hint;
    }
}
