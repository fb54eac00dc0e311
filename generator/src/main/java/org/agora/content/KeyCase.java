package org.agora.content;

import org.agora.yaml.YamlFields;
import org.agora.yaml.YamlNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Front matter keys in any case, as Hugo reads them (it lower-cases every key): {@code Title}, {@code TranslationKey}
 * and {@code translationkey} are Agora's {@code title} and {@code translationKey}. A key that names a known field
 * takes the field's own spelling, so the rest of the parser asks for one name only; any other key stays as
 * written, for templates. Two keys that differ only by case are one key to Hugo: an error naming both lines,
 * and, as for a key written twice, the later one counts.
 */
final class KeyCase {

    private KeyCase() {}

    /** The mapping with known fields under their own spelling. */
    static YamlNode.Mapping canonical(YamlNode.Mapping map, Set<String> known, YamlFields f) {
        Map<String, String> knownByLowerCase = new HashMap<>();
        for (String k : known) knownByLowerCase.put(k.toLowerCase(Locale.ROOT), k);
        Map<String, YamlNode.Entry> writtenByLowerCase = new HashMap<>();
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : map.entries().values()) {
            String lower = e.key().toLowerCase(Locale.ROOT);
            String name = knownByLowerCase.getOrDefault(lower, e.key());
            YamlNode.Entry earlier = writtenByLowerCase.put(lower, e);
            if (earlier != null) {
                out.remove(knownByLowerCase.getOrDefault(lower, earlier.key()));
                f.error("frontmatter.duplicate-key", e.keyLine(), "'" + earlier.key() + "' (line " + earlier.keyLine()
                        + ") and '" + e.key() + "' are one field, as Hugo reads keys in any case; the first one is ignored",
                        "keep only one");
            }
            out.put(name, new YamlNode.Entry(name, e.keyLine(), e.value()));
        }
        return new YamlNode.Mapping(out, map.line());
    }
}
