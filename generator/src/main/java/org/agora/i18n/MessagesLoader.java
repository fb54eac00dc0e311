package org.agora.i18n;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.yaml.YamlFields;
import org.agora.yaml.YamlNode;
import org.agora.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads i18n/&lt;lang&gt;.yml from the theme, then from the site, whose strings win. */
public final class MessagesLoader {

    private static final Set<String> PLURAL_CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");
    private final YamlReader yaml = new YamlReader();

    public Messages load(SiteConfig config, List<Path> i18nDirs, Diagnostics diagnostics) {
        Map<String, Map<String, Messages.Text>> all = new HashMap<>();
        for (LanguageConfig lang : config.languages()) {
            Map<String, Messages.Text> strings = new LinkedHashMap<>();
            for (Path dir : i18nDirs) {
                Path file = dir.resolve(lang.code() + ".yml");
                if (Files.isRegularFile(file)) read(file, strings, diagnostics);
            }
            all.put(lang.code(), strings);
        }
        return new Messages(config, all);
    }

    private void read(Path file, Map<String, Messages.Text> into, Diagnostics diagnostics) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(file), "cannot read UI strings: " + e.getMessage(), "");
            return;
        }
        YamlReader.Result r = yaml.read(text.startsWith("\uFEFF") ? text.substring(1) : text, 0);
        YamlFields f = new YamlFields(file, diagnostics);
        if (!r.ok()) {
            f.error(r.problem().line(), "invalid YAML: " + r.problem().message(), "check indentation and quoting");
            return;
        }
        if (!(r.node() instanceof YamlNode.Mapping map)) {
            f.error(r.node().line(), "UI strings must be  key: text  lines", "");
            return;
        }
        for (YamlNode.Entry e : map.entries().values()) {
            switch (e.value()) {
                case YamlNode.Scalar s when !s.isNull() -> into.put(e.key(), new Messages.Text.Plain(s.text()));
                case YamlNode.Mapping m -> {
                    Map<String, String> forms = new LinkedHashMap<>();
                    for (YamlNode.Entry form : m.entries().values()) {
                        if (!PLURAL_CATEGORIES.contains(form.key())) {
                            f.error(form.keyLine(), "'" + form.key() + "' is not a plural category",
                                    "use zero, one, two, few, many or other");
                        } else {
                            f.string(form.value(), e.key() + "." + form.key()).ifPresent(v -> forms.put(form.key(), v));
                        }
                    }
                    if (!forms.containsKey("other")) {
                        f.error(m.line(), "plural string '" + e.key() + "' has no 'other' form", "add  other: ...");
                    }
                    into.put(e.key(), new Messages.Text.Plural(forms));
                }
                default -> f.error(e.keyLine(), "'" + e.key() + "' must be a text or plural forms", "");
            }
        }
    }
}
