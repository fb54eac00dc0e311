package org.agora.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with line numbers, using Jackson's streaming parser
 * (a data-binding tree would lose the positions editors need in error messages).
 */
public final class YamlReader {

    /** Either a tree or the first syntax problem, never both. */
    public record Result(YamlNode node, YamlProblem problem, List<YamlProblem> duplicateKeys) {
        public boolean ok() { return problem == null; }
    }

    /** "key:" with nothing after it is null in YAML, not an empty text. */
    private final YAMLFactory factory = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    /**
     * @param lineOffset added to every line, for YAML embedded in a file (front matter starts on line 2)
     */
    public Result read(String text, int lineOffset) {
        List<YamlProblem> duplicates = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new Result(YamlNode.Mapping.empty(lineOffset + 1), null, duplicates);
            YamlNode node = readValue(p, lineOffset, duplicates);
            return new Result(node, null, duplicates);
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr() + lineOffset;
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            return new Result(null, new YamlProblem(cleanMessage(e.getOriginalMessage()), line, column), duplicates);
        } catch (IOException e) {
            return new Result(null, new YamlProblem(e.getMessage(), lineOffset + 1, 0), duplicates);
        }
    }

    private YamlNode readValue(JsonParser p, int offset, List<YamlProblem> duplicates) throws IOException {
        int line = p.currentTokenLocation().getLineNr() + offset;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr() + offset;
                    p.nextToken();
                    YamlNode value = readValue(p, offset, duplicates);
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
                    items.add(readValue(p, offset, duplicates));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, line);
            }
            default -> {
                return new YamlNode.Scalar(p.getText(), line);
            }
        }
    }

    private static String cleanMessage(String message) {
        if (message == null) return "invalid YAML";
        // SnakeYAML messages repeat the position and a caret snippet; keep the first sentence.
        String firstLine = message.strip().lines().findFirst().orElse("invalid YAML");
        return firstLine.replaceAll("\\s+", " ");
    }
}
