package org.agora.bench;

/**
 * The edit the preview benchmark makes to a Markdown file: one paragraph at the end that names this edit.
 * A second edit of the same file replaces that paragraph instead of piling up markers, so the file stays
 * the document it was plus one line.
 */
record MarkerParagraph(String token) {

    /** Starts the marker's line; nothing in a real document starts a line with it. */
    static final String PREFIX = "Preview benchmark marker: ";

    MarkerParagraph {
        if (token.isBlank() || token.contains("\n")) throw new IllegalArgumentException("a marker is one word: " + token);
    }

    /** The text as the page shows it, which the benchmark waits for. */
    String text() { return PREFIX + token; }

    /** The whole Markdown file after the edit. */
    String applyTo(String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(PREFIX)) {
                lines[i] = text();
                return String.join("\n", lines);
            }
        }
        return markdown.stripTrailing() + "\n\n" + text() + "\n";
    }
}
