package org.agora.diag;

import java.nio.file.Path;

/** One problem found in the site's input: where, what, and how to fix it (hint may be empty). */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint) {

    public Diagnostic {
        hint = hint == null ? "" : hint;
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** {@code content/fr/guide.md:12:3: error: message (hint)} */
    public String format(Path base) {
        String text = position.describe(base) + ": " + severity.label() + ": " + message;
        return hint.isEmpty() ? text : text + "\n    hint: " + hint;
    }
}
