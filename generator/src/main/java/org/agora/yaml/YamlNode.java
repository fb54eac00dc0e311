package org.agora.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** YAML as a tree that remembers the line of every value, so checks can point editors at it. */
public sealed interface YamlNode {

    /** 1-based line in the source file (already shifted by the caller's offset). */
    int line();

    /** A scalar kept as written; {@code null} text means an explicit YAML null. */
    record Scalar(String text, int line) implements YamlNode {
        public boolean isNull() { return text == null; }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence { items = List.copyOf(items); }
    }

    record Entry(String key, int keyLine, YamlNode value) {}

    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<YamlNode> get(String key) {
            Entry e = entries.get(key);
            return e == null ? Optional.empty() : Optional.of(e.value());
        }

        public static Mapping empty(int line) { return new Mapping(Map.of(), line); }
    }

    default String kind() {
        return switch (this) {
            case Scalar s -> s.isNull() ? "nothing" : "a single value";
            case Sequence s -> "a list";
            case Mapping m -> "a map of keys";
        };
    }
}
