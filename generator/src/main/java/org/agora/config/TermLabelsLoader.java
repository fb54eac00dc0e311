package org.agora.config;

import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.yaml.YamlFields;
import org.agora.yaml.YamlNode;
import org.agora.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code data/taxonomies.yml}:
 * <pre>
 * themes:
 *   open-data: { en: Open data, fr: Données ouvertes, nl: Open data }
 * organisations:
 *   radio-teranga: Radio Teranga        # the same in every language
 * </pre>
 * Keys are terms as documents write them (compared as URL slugs, so 'Open data' and 'open-data' are one term); a missing language shows the default language's label.
 */
public final class TermLabelsLoader {

    public TermLabels load(Path siteDir, java.util.List<String> taxonomies, java.util.Set<String> languages,
                           Diagnostics diagnostics) {
        Path file = siteDir.resolve(TermLabels.FILE);
        // A link out of the site is reported with the site's other files (ContentScanner); here it is not read.
        if (!Files.isRegularFile(file) || !org.agora.files.SiteFolder.of(siteDir).readable(file, Diagnostics.discarding())) {
            return TermLabels.none(siteDir);
        }
        String text;
        try {
            text = ConfigLoader.stripBom(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(file), "cannot read " + TermLabels.FILE + ": " + e.getMessage(), "");
            return TermLabels.none(siteDir);
        }
        YamlReader.Result result = new YamlReader().read(text, 0);
        YamlFields f = new YamlFields(file, diagnostics);
        if (!result.ok()) {
            f.error(result.problem().line(), "invalid YAML: " + result.problem().message(),
                    "check indentation and quote values that contain ':' or '#'");
            return TermLabels.none(siteDir);
        }
        result.duplicateKeys().forEach(d -> f.error(d.line(), d.message(), "keep only one"));
        if (result.node() instanceof YamlNode.Scalar s && s.isNull()) return TermLabels.none(siteDir);
        if (!(result.node() instanceof YamlNode.Mapping root)) {
            f.error(result.node().line(), TermLabels.FILE + " must map taxonomies to their terms",
                    "start with  themes:  and list one term per line below it");
            return TermLabels.none(siteDir);
        }
        f.rejectUnknownKeys(root, new java.util.TreeSet<>(taxonomies), TermLabels.FILE + " (taxonomies of site-config.yml)");
        Map<String, Map<String, LocalizedText>> out = new TreeMap<>();
        for (YamlNode.Entry taxonomy : root.entries().values()) {
            if (!taxonomies.contains(taxonomy.key())) continue;
            if (!(taxonomy.value() instanceof YamlNode.Mapping terms)) {
                if (!(taxonomy.value() instanceof YamlNode.Scalar s && s.isNull())) {
                    f.error(taxonomy.value().line(), "'" + taxonomy.key() + "' must list its terms, not be " + taxonomy.value().kind(),
                            "write one term per line:  open-data: { en: Open data, fr: Données ouvertes }");
                }
                continue;
            }
            Map<String, LocalizedText> labels = new TreeMap<>();
            for (YamlNode.Entry term : terms.entries().values()) {
                LocalizedText label = label(term, languages, f);
                if (label != null) labels.put(term.key(), label);
            }
            out.put(taxonomy.key(), labels);
        }
        return new TermLabels(file, out);
    }

    private static LocalizedText label(YamlNode.Entry term, java.util.Set<String> languages, YamlFields f) {
        if (term.value() instanceof YamlNode.Mapping byLanguage) {
            Map<String, String> values = new LinkedHashMap<>();
            for (YamlNode.Entry e : byLanguage.entries().values()) {
                if (!languages.contains(e.key())) {
                    f.error(e.keyLine(), "label given for '" + e.key() + "', which is not a site language",
                            "use one of " + String.join(", ", languages));
                    continue;
                }
                f.string(e.value(), term.key() + "." + e.key()).ifPresent(v -> values.put(e.key(), v.strip()));
            }
            return new LocalizedText(null, values);
        }
        if (term.value() instanceof YamlNode.Scalar s && s.isNull()) return LocalizedText.of(term.key());
        return f.string(term.value(), term.key()).map(v -> LocalizedText.of(v.strip())).orElse(null);
    }
}
