package org.agora.yaml;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Reads JSON (Hugo's third syntax of front matter) into the same {@link YamlNode} tree as YAML, with the line of
 * every key and value and under the same {@link YamlReader.Limits}. Strict JSON, as Hugo reads it: no comments,
 * no trailing commas, keys in double quotes.
 */
public final class JsonReader {

    private final JsonFactory factory;
    private final TokenTree tree;

    public JsonReader() { this(YamlReader.Limits.DEFAULTS); }

    public JsonReader(YamlReader.Limits limits) {
        this.tree = new TokenTree("JSON", limits);
        this.factory = JsonFactory.builder().streamReadConstraints(TokenTree.constraints(limits)).build();
    }

    /** @param lineOffset added to every line: the lines of the file before the text's first line */
    public YamlReader.Result read(String text, int lineOffset) {
        return tree.read(text, lineOffset, factory::createParser, TokenTree.Lines.fromParser(lineOffset));
    }
}
