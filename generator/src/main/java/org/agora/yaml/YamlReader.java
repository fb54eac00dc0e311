package org.agora.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with line numbers, using Jackson's streaming parser
 * (a data-binding tree would lose the positions editors need in error messages).
 *
 * <p>Front matter, configuration and data files come from anyone who can commit to the site, so the
 * reader is bounded by {@link Limits}: whatever the text, it returns a tree or a {@link YamlProblem} with a
 * line, quickly, and never throws. Aliases ({@code *name}) are refused: Jackson's parser does not expand
 * them (it gives the anchor's name as the value), so they could only ever be read wrongly, and refusing them
 * also rules out "billion laughs" documents.
 */
public final class YamlReader {

    /**
     * How much YAML one text may hold. The defaults are far above any real front matter (a few dozen values,
     * rarely nested more than 5 levels), site configuration or taxonomy file, and keep a hostile text cheap.
     *
     * @param maxChars a longer text is not parsed at all: SnakeYAML's scanner takes time quadratic in the
     *                 length of a single long word, about half a second for a million characters
     * @param maxDepth lists and maps nested deeper are refused (SnakeYAML's own default); this also bounds the
     *                 recursion of {@link #read}
     * @param maxValues values (scalars, lists and maps, keys not counted) one text may hold, which bounds the
     *                  memory of the tree
     */
    public record Limits(int maxChars, int maxDepth, int maxValues) {
        public static final Limits DEFAULTS = new Limits(1_000_000, 50, 100_000);

        public Limits {
            if (maxChars <= 0 || maxDepth <= 0 || maxValues <= 0) {
                throw new IllegalArgumentException("YAML limits must be positive: " + maxChars + " characters, "
                        + maxDepth + " levels, " + maxValues + " values");
            }
        }
    }

    /** Either a tree or the first syntax problem, never both. */
    public record Result(YamlNode node, YamlProblem problem, List<YamlProblem> duplicateKeys) {
        public boolean ok() { return problem == null; }
    }

    private final Limits limits;
    private final YAMLFactory factory;

    public YamlReader() { this(Limits.DEFAULTS); }

    public YamlReader(Limits limits) {
        this.limits = limits;
        // Only the code point limit of SnakeYAML's LoaderOptions applies to the events Jackson reads; its
        // nesting, alias and recursive-key limits belong to SnakeYAML's composer, which Jackson does not use:
        // this class enforces those itself. The text is measured before parsing, so neither this limit nor
        // Jackson's document and string lengths (which its YAML parser does not check today) are reached
        // first; they are set to the same value in case a later version does check them.
        LoaderOptions snakeYaml = new LoaderOptions();
        snakeYaml.setCodePointLimit(limits.maxChars());
        StreamReadConstraints jackson = StreamReadConstraints.builder()
                // One level more than ours, so that ours is met first and says which line to flatten.
                .maxNestingDepth(limits.maxDepth() + 1)
                .maxDocumentLength(limits.maxChars())
                .maxStringLength(limits.maxChars())
                .build();
        this.factory = YAMLFactory.builder()
                .loaderOptions(snakeYaml)
                .streamReadConstraints(jackson)
                // "key:" with nothing after it is null in YAML, not an empty text.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
    }

    /**
     * @param lineOffset added to every line, for YAML embedded in a file (front matter starts on line 2)
     */
    public Result read(String text, int lineOffset) {
        List<YamlProblem> duplicates = new ArrayList<>();
        if (text.length() > limits.maxChars()) {
            int line = lineOffset + 1 + (int) text.chars().limit(limits.maxChars()).filter(c -> c == '\n').count();
            return new Result(null, new YamlProblem(String.format(Locale.ROOT,
                    "the YAML is longer than %,d characters, the most Agora reads of one file or front matter"
                            + " (the limit is reached on this line): keep long text in the page's body, or split the data",
                    limits.maxChars()), line, 0), duplicates);
        }
        JsonParser p = null;
        try {
            p = factory.createParser(text);
            JsonToken first = p.nextToken();
            if (first == null) return new Result(YamlNode.Mapping.empty(lineOffset + 1), null, duplicates);
            YamlNode node = new Reading(p, lineOffset, duplicates).value(1);
            return new Result(node, null, duplicates);
        } catch (LimitReached e) {
            return new Result(null, e.problem, duplicates);
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr() + lineOffset;
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            return new Result(null, new YamlProblem(cleanMessage(e.getOriginalMessage()), line, column), duplicates);
        } catch (IOException | RuntimeException e) {
            // Jackson's constraints (StreamConstraintsException) and whatever SnakeYAML throws past Jackson
            // (YAMLException and other runtime exceptions) carry no position: the parser's is close enough.
            JsonLocation at = p == null ? null : p.currentLocation();
            int line = at == null || at.getLineNr() < 1 ? lineOffset + 1 : at.getLineNr() + lineOffset;
            return new Result(null, new YamlProblem(cleanMessage(e.getMessage()), line, 0), duplicates);
        } finally {
            closeQuietly(p);
        }
    }

    /** One read of a text: the values so far, for the limits, and the duplicate keys found. */
    private final class Reading {
        private final JsonParser p;
        private final int offset;
        private final List<YamlProblem> duplicates;
        private int values;

        Reading(JsonParser p, int offset, List<YamlProblem> duplicates) {
            this.p = p;
            this.offset = offset;
            this.duplicates = duplicates;
        }

        /** The value at the current token, {@code depth} levels down (1 for the whole text). */
        YamlNode value(int depth) throws IOException {
            int line = p.currentTokenLocation().getLineNr() + offset;
            JsonToken t = p.currentToken();
            if (++values > limits.maxValues()) {
                throw new LimitReached(String.format(Locale.ROOT,
                        "the YAML holds more than %,d values (the limit is reached on this line), the most Agora"
                                + " reads of one file or front matter: split the data into several files",
                        limits.maxValues()), line);
            }
            if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > limits.maxDepth()) {
                throw new LimitReached("lists and maps nest deeper than " + limits.maxDepth()
                        + " levels here, the most Agora reads: flatten the structure", line);
            }
            switch (t) {
                case START_OBJECT -> {
                    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        int keyLine = p.currentTokenLocation().getLineNr() + offset;
                        p.nextToken();
                        YamlNode value = value(depth + 1);
                        if (entries.containsKey(key)) {
                            duplicates.add(new YamlProblem("key '" + key + "' appears twice; the first one (line "
                                    + entries.get(key).keyLine() + ") is ignored", keyLine, 0));
                        }
                        entries.put(key, new YamlNode.Entry(key, keyLine, value));
                    }
                    return new YamlNode.Mapping(entries, line);
                }
                case START_ARRAY -> {
                    List<YamlNode> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(depth + 1));
                    }
                    return new YamlNode.Sequence(items, line);
                }
                case VALUE_NULL -> {
                    return new YamlNode.Scalar(null, line);
                }
                default -> {
                    if (((YAMLParser) p).isCurrentAlias()) {
                        String name = p.getText();
                        throw new LimitReached("'*" + name + "' is a YAML alias, which Agora does not expand: write"
                                + " the value out in full; if the value is text that starts with '*' (Markdown"
                                + " emphasis, say), put it in quotes", line);
                    }
                    return new YamlNode.Scalar(p.getText(), line);
                }
            }
        }
    }

    /** Ends a read that went beyond what Agora accepts, from any depth of the recursion. */
    private static final class LimitReached extends RuntimeException {
        final transient YamlProblem problem;

        LimitReached(String message, int line) {
            super(message, null, false, false);
            this.problem = new YamlProblem(message, line, 0);
        }
    }

    private static void closeQuietly(JsonParser p) {
        if (p == null) return;
        try {
            p.close();
        } catch (IOException | RuntimeException ignored) {
            // reading a String: nothing to release
        }
    }

    private static String cleanMessage(String message) {
        if (message == null || message.isBlank()) return "invalid YAML";
        // SnakeYAML messages repeat the position and a caret snippet; keep the first sentence.
        String firstLine = message.strip().lines().findFirst().orElse("invalid YAML");
        return firstLine.replaceAll("\\s+", " ");
    }
}
