package org.agora.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code agora check} found, as text for a person or as JSON for CI tools and editors. The JSON layout is
 * documented in docs/check-format.md; a change to it that breaks readers raises {@link #VERSION}.
 * @param translations null when the site could not be read far enough to know its documents
 */
public record CheckReport(Path siteDir, Diagnostics diagnostics, TranslationStatus translations) {

    public static final int VERSION = 1;

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("site", siteDir.toAbsolutePath().normalize().toString());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", diagnostics.errorCount());
        summary.put("warnings", diagnostics.warningCount());
        root.put("summary", summary);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Diagnostic d : diagnostics.sorted()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("severity", d.severity().label());
            p.put("file", d.position().file() == null ? null
                    : org.agora.diag.SourcePosition.of(d.position().file()).describe(siteDir.toAbsolutePath().normalize()));
            p.put("line", d.position().line());
            p.put("column", d.position().column());
            p.put("message", d.message());
            p.put("hint", d.hint());
            p.put("code", d.code());
            problems.add(p);
        }
        root.put("problems", problems);
        root.put("translations", translations == null ? null : translationsJson());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> translationsJson() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("languages", translations.languages());
        t.put("timesFrom", translations.byGit() ? "git" : "front matter");
        t.put("missing", translations.missingCount());
        t.put("outdated", translations.outdatedCount());
        t.put("unreviewed", translations.unreviewedCount());
        t.put("minor", translations.minorCount());
        t.put("perLanguage", translations.perLanguage());
        t.put("groups", translations.groups());
        return t;
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        Path base = siteDir.toAbsolutePath().normalize();
        for (Diagnostic d : diagnostics.sorted()) s.append(d.format(base)).append('\n');
        if (translations != null && !translations.groups().isEmpty()) {
            s.append("\nTranslations (times from ").append(translations.byGit() ? "git" : "front matter").append("):\n");
            for (TranslationStatus.Group g : translations.groups()) {
                s.append("  ").append(g.source());
                if (!g.missing().isEmpty()) s.append("  missing: ").append(String.join(", ", g.missing()));
                s.append('\n');
                for (TranslationStatus.Outdated o : g.outdated()) {
                    s.append("    ").append(o.file()).append(" (").append(o.language()).append(")");
                    if (o.reason().equals("older")) {
                        s.append(" is older than its source: ").append(o.changed()).append(" < ").append(o.sourceChanged());
                    } else {
                        s.append(" translates an earlier version of its source: ")
                                .append(o.paragraphs() == null ? "what changed is not in the git history"
                                        : plural(o.paragraphs(), "paragraph") + " changed since");
                        if (!o.commits().isEmpty()) {
                            var last = o.commits().getFirst();
                            s.append(", last by ").append(last.author()).append(" on ").append(last.date(), 0, 10);
                        }
                    }
                    s.append('\n');
                }
                for (TranslationStatus.Outdated o : g.minor()) {
                    s.append("    ").append(o.file()).append(" (").append(o.language()).append("): its source only had typos fixed")
                            .append(" since; once checked, run  ./agora mark-current ").append(o.file()).append('\n');
                }
                for (TranslationStatus.Unreviewed u : g.unreviewed()) {
                    s.append("    ").append(u.file()).append(" (").append(u.language()).append(") is a machine translation")
                            .append(u.by() == null ? "" : " by " + u.by()).append(" nobody has reviewed: once read, write")
                            .append("  translation: { method: machine-reviewed, reviewedBy: <name> }\n");
                }
            }
            s.append("  ").append(translations.missingCount()).append(" missing translations, ")
                    .append(translations.outdatedCount()).append(" outdated, ")
                    .append(translations.minorCount()).append(" with typo fixes only, ")
                    .append(translations.unreviewedCount()).append(" machine translations not reviewed\n");
        }
        long errors = diagnostics.errorCount();
        long warnings = diagnostics.warningCount();
        s.append(errors == 0 ? "Check passed: " : "Check failed: ").append(plural(errors, "error")).append(", ")
                .append(plural(warnings, "warning")).append('\n');
        return s.toString();
    }

    private static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
