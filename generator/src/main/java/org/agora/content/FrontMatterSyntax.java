package org.agora.content;

/** The three ways Hugo sites write front matter, each with what an editor needs to fix it. */
public enum FrontMatterSyntax {
    YAML("---", "check the indentation, and quote values that contain ':' or '#' or start with '[' or '{'"),
    TOML("+++", "write one  key = value  per line, text in quotes (title = \"My page\"), dates bare (date = 2026-11-22)"),
    JSON("{", "write one JSON object: keys and text in double quotes, a comma between two fields, none after the last");

    private final String opening;
    private final String hint;

    FrontMatterSyntax(String opening, String hint) {
        this.opening = opening;
        this.hint = hint;
    }

    /** What the front matter starts with: a line of {@code ---} or {@code +++}, or the JSON object's brace. */
    public String opening() { return opening; }

    /** How to fix a syntax error, in this syntax's terms. */
    public String hint() { return hint; }
}
