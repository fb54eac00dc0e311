package org.agora.yaml;

import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.diag.Suggestions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of YAML values that report a wrong shape as a diagnostic at the value's line
 * instead of throwing, so one run shows every problem of a file.
 */
public final class YamlFields {

    private final Path file;
    private final Diagnostics diagnostics;

    public YamlFields(Path file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    public SourcePosition at(YamlNode node) { return SourcePosition.of(file, node.line()); }

    public SourcePosition atLine(int line) { return SourcePosition.of(file, line); }

    public void error(int line, String message, String hint) { diagnostics.error(atLine(line), message, hint); }

    public void warning(int line, String message, String hint) { diagnostics.warning(atLine(line), message, hint); }

    public void error(String code, int line, String message, String hint) { diagnostics.error(code, atLine(line), message, hint); }

    public void warning(String code, int line, String message, String hint) { diagnostics.warning(code, atLine(line), message, hint); }

    /** Reports keys outside {@code known}, with the nearest known key as a hint. */
    public void rejectUnknownKeys(YamlNode.Mapping map, Set<String> known, String where) {
        for (YamlNode.Entry e : map.entries().values()) {
            if (known.contains(e.key())) continue;
            String hint = Suggestions.closest(e.key(), known)
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse("known keys are: " + String.join(", ", known.stream().sorted().toList()));
            error(e.keyLine(), "unknown key '" + e.key() + "' in " + where, hint);
        }
    }

    public Optional<String> string(YamlNode.Mapping map, String key) {
        return map.get(key).flatMap(n -> string(n, key));
    }

    public Optional<String> string(YamlNode node, String key) {
        if (node instanceof YamlNode.Scalar s) {
            return s.isNull() ? Optional.empty() : Optional.of(s.text());
        }
        error(node.line(), "'" + key + "' must be a single value, not " + node.kind(), "write it as  " + key + ": some text");
        return Optional.empty();
    }

    /** A list of values; a single value is accepted as a list of one, as Hugo does. */
    public List<String> stringList(YamlNode.Mapping map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        switch (node.get()) {
            case YamlNode.Scalar s -> { if (!s.isNull() && !s.text().isBlank()) out.add(s.text().strip()); }
            case YamlNode.Sequence seq -> {
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlNode.Scalar s && !s.isNull()) {
                        if (!s.text().isBlank()) out.add(s.text().strip());
                    } else if (!(item instanceof YamlNode.Scalar)) {
                        error(item.line(), "each item of '" + key + "' must be a single value, not " + item.kind(),
                                "write it as  " + key + ": [first, second]");
                    }
                }
            }
            case YamlNode.Mapping m -> error(m.line(), "'" + key + "' must be a list, not " + m.kind(),
                    "write it as  " + key + ": [first, second]");
        }
        return List.copyOf(out);
    }

    public Optional<Boolean> bool(YamlNode.Mapping map, String key) {
        return string(map, key).flatMap(text -> switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                error(map.get(key).orElseThrow().line(), "'" + key + "' must be true or false, not '" + text + "'",
                        "write  " + key + ": true  or  " + key + ": false");
                yield Optional.empty();
            }
        });
    }

    public Optional<Integer> integer(YamlNode.Mapping map, String key) {
        return string(map, key).flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                error(map.get(key).orElseThrow().line(), "'" + key + "' must be a whole number, not '" + text + "'",
                        "write for example  " + key + ": 10");
                return Optional.empty();
            }
        });
    }

    public Optional<YamlNode.Mapping> mapping(YamlNode.Mapping map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) return Optional.empty();
        if (node.get() instanceof YamlNode.Mapping m) return Optional.of(m);
        if (node.get() instanceof YamlNode.Scalar s && s.isNull()) return Optional.empty();
        error(node.get().line(), "'" + key + "' must be a map of keys, not " + node.get().kind(),
                "indent its keys under it, for example\n      " + key + ":\n        name: value");
        return Optional.empty();
    }
}
