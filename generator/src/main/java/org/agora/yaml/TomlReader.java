package org.agora.yaml;

import com.fasterxml.jackson.dataformat.toml.TomlFactory;

/**
 * Reads TOML (Hugo's front matter between {@code +++} lines) into the same {@link YamlNode} tree as YAML, under the
 * same {@link YamlReader.Limits}. Jackson reads TOML into a tree before it hands out tokens, so its tokens have no
 * position: the lines of keys come from the text ({@link TomlKeyLines}), and a syntax error's line from Jackson.
 * Dates (offset and local date-times, local dates) arrive as their text, which {@code PageDate} reads as Hugo does.
 */
public final class TomlReader {

    private final YamlReader.Limits limits;
    private final TomlFactory factory;
    private final TokenTree tree;

    public TomlReader() { this(YamlReader.Limits.DEFAULTS); }

    public TomlReader(YamlReader.Limits limits) {
        this.limits = limits;
        this.tree = new TokenTree("TOML", limits);
        this.factory = TomlFactory.builder().streamReadConstraints(TokenTree.constraints(limits)).build();
    }

    /** @param lineOffset added to every line: the lines of the file before the text's first line */
    public YamlReader.Result read(String text, int lineOffset) {
        // A text over the limit is refused unread, so it is not scanned either.
        TomlKeyLines keyLines = TomlKeyLines.of(text.length() > limits.maxChars() ? "" : text, lineOffset);
        return tree.read(text, lineOffset, factory::createParser, (parser, path) -> keyLines.lineOf(path));
    }
}
