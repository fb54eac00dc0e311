package org.agora.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tokens of any of Jackson's streaming parsers (YAML, JSON, TOML) into one {@link YamlNode} tree with
 * lines, under {@link YamlReader.Limits}: the three syntaxes of front matter then give the same typed fields and
 * the same limits. Whatever the text, the result is a tree or a {@link YamlProblem} with a line, never a throw.
 */
final class TokenTree {

    /** Makes a parser over the text; Jackson's factories do, each for its syntax. */
    @FunctionalInterface
    interface Parsers {
        JsonParser over(String text) throws IOException;
    }

    /** The file line of the value at {@code path} (keys and list positions from the top), the parser being on it. */
    @FunctionalInterface
    interface Lines {
        int of(JsonParser parser, List<String> path);

        /** Lines from the parser's own locations, which YAML and JSON parsers give. */
        static Lines fromParser(int lineOffset) {
            return (parser, path) -> parser.currentTokenLocation().getLineNr() + lineOffset;
        }
    }

    private final String syntax;
    private final YamlReader.Limits limits;

    /** @param syntax the name used in messages: "YAML", "TOML", "JSON" */
    TokenTree(String syntax, YamlReader.Limits limits) {
        this.syntax = syntax;
        this.limits = limits;
    }

    /** Jackson's own limits, one level deeper than ours so that ours is met first and says which line to flatten. */
    static StreamReadConstraints constraints(YamlReader.Limits limits) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 1)
                .maxDocumentLength(limits.maxChars())
                .maxStringLength(limits.maxChars())
                .build();
    }

    /** @param lineOffset added to the text's lines: front matter starts on line 2 of its file, or later */
    YamlReader.Result read(String text, int lineOffset, Parsers parsers, Lines lines) {
        List<YamlProblem> duplicates = new ArrayList<>();
        if (text.length() > limits.maxChars()) {
            int line = lineOffset + 1 + (int) text.chars().limit(limits.maxChars()).filter(c -> c == '\n').count();
            return new YamlReader.Result(null, new YamlProblem(String.format(Locale.ROOT,
                    "the %s is longer than %,d characters, the most Agora reads of one file or front matter"
                            + " (the limit is reached on this line): keep long text in the page's body, or split the data",
                    syntax, limits.maxChars()), line, 0), duplicates);
        }
        JsonParser p = null;
        try {
            p = parsers.over(text);
            JsonToken first = p.nextToken();
            if (first == null) return new YamlReader.Result(YamlNode.Mapping.empty(lineOffset + 1), null, duplicates);
            YamlNode node = new Reading(p, lines, duplicates).value(1);
            return new YamlReader.Result(node, null, duplicates);
        } catch (LimitReached e) {
            return new YamlReader.Result(null, e.problem, duplicates);
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? lineOffset + 1 : at.getLineNr() + lineOffset;
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            return new YamlReader.Result(null, new YamlProblem(cleanMessage(e.getOriginalMessage()), line, column), duplicates);
        } catch (StreamConstraintsException e) {
            // TOML's parser builds its whole tree first, so Jackson's depth limit, set one level above ours,
            // is met before ours is: say it the same way.
            int line = currentLine(p, lineOffset);
            String message = e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? "lists and maps nest deeper than " + limits.maxDepth() + " levels, the most Agora reads: flatten the structure"
                    : cleanMessage(e.getMessage());
            return new YamlReader.Result(null, new YamlProblem(message, line, 0), duplicates);
        } catch (IOException | RuntimeException e) {
            // Jackson's constraints (StreamConstraintsException) and whatever a parser throws past Jackson
            // (SnakeYAML's YAMLException, say) carry no position: the parser's is close enough.
            return new YamlReader.Result(null, new YamlProblem(cleanMessage(e.getMessage()), currentLine(p, lineOffset), 0), duplicates);
        } finally {
            closeQuietly(p);
        }
    }

    /** One read of a text: the values so far, for the limits, the path to the current value, and the duplicate keys found. */
    private final class Reading {
        private final JsonParser p;
        private final Lines lines;
        private final List<YamlProblem> duplicates;
        private final List<String> path = new ArrayList<>();
        private int values;

        Reading(JsonParser p, Lines lines, List<YamlProblem> duplicates) {
            this.p = p;
            this.lines = lines;
            this.duplicates = duplicates;
        }

        /** The value at the current token, {@code depth} levels down (1 for the whole text). */
        YamlNode value(int depth) throws IOException {
            int line = lines.of(p, path);
            JsonToken t = p.currentToken();
            if (++values > limits.maxValues()) {
                throw new LimitReached(String.format(Locale.ROOT,
                        "the %s holds more than %,d values (the limit is reached on this line), the most Agora"
                                + " reads of one file or front matter: split the data into several files",
                        syntax, limits.maxValues()), line);
            }
            if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > limits.maxDepth()) {
                throw new LimitReached("lists and maps nest deeper than " + limits.maxDepth()
                        + " levels here, the most Agora reads: flatten the structure", line);
            }
            return switch (t) {
                case START_OBJECT -> mapping(depth, line);
                case START_ARRAY -> sequence(depth, line);
                case VALUE_NULL -> new YamlNode.Scalar(null, line);
                default -> scalar(line);
            };
        }

        private YamlNode mapping(int depth, int line) throws IOException {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                path.add(key);
                int keyLine = lines.of(p, path);
                p.nextToken();
                YamlNode value = value(depth + 1);
                path.removeLast();
                if (entries.containsKey(key)) {
                    duplicates.add(new YamlProblem("key '" + key + "' appears twice; the first one (line "
                            + entries.get(key).keyLine() + ") is ignored", keyLine, 0));
                }
                entries.put(key, new YamlNode.Entry(key, keyLine, value));
            }
            return new YamlNode.Mapping(entries, line);
        }

        private YamlNode sequence(int depth, int line) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                path.add(Integer.toString(items.size()));
                items.add(value(depth + 1));
                path.removeLast();
            }
            return new YamlNode.Sequence(items, line);
        }

        private YamlNode scalar(int line) throws IOException {
            if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new LimitReached("'*" + p.getText() + "' is a YAML alias, which Agora does not expand: write"
                        + " the value out in full; if the value is text that starts with '*' (Markdown"
                        + " emphasis, say), put it in quotes", line);
            }
            return new YamlNode.Scalar(p.getText(), line);
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

    /** Where the parser is, or the text's first line when it cannot say (TOML's parser never can). */
    private static int currentLine(JsonParser p, int lineOffset) {
        JsonLocation at = p == null ? null : p.currentLocation();
        return at == null || at.getLineNr() < 1 ? lineOffset + 1 : at.getLineNr() + lineOffset;
    }

    private static void closeQuietly(JsonParser p) {
        if (p == null) return;
        try {
            p.close();
        } catch (IOException | RuntimeException ignored) {
            // reading a String: nothing to release
        }
    }

    private String cleanMessage(String message) {
        if (message == null || message.isBlank()) return "invalid " + syntax;
        // SnakeYAML's and Jackson's messages repeat the position and a snippet; keep the first sentence.
        String firstLine = message.strip().lines().findFirst().orElse("invalid " + syntax);
        return firstLine.replaceAll("\\s+", " ");
    }
}
