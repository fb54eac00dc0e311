package org.agora.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import org.agora.config.SiteConfig;
import org.agora.model.SiteUrls;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editors' view of the translations: per language how many are done, outdated, machine-made and missing,
 * and a row per document linking to its versions, to what changed in the source, and to the command that
 * creates a missing one. Written to a folder of its own ({@code agora check --dashboard DIR}), never into the
 * published site: readers do not see it and search engines are told not to index it if it is published anyway.
 * Its numbers are {@link TranslationStatus#perLanguage()}, the same as {@code check --format json}.
 *
 * @param urls the site's addresses, by which the dashboard links to the published pages
 */
public record TranslationDashboard(SiteConfig config, TranslationStatus status, SiteUrls urls) {

    /** JSON layout version of translations.json; raised when a change breaks readers. */
    public static final int VERSION = 1;

    public record Language(String code, String label, TranslationStatus.Counts counts) {}

    /** @param anchor the id of its changes section, or null; @param command how to create it, when missing */
    public record CellView(String language, String state, String file, String url, String anchor, String command) {}

    public record RowView(String source, String sourceUrl, List<CellView> cells) {}

    /** What changed in a source since a translation's pin, or that it was changed after (unpinned). */
    public record ChangeView(String anchor, String language, String file, String url, String source, String reason,
                             Integer paragraphs, List<SourceDrift.ParagraphChange> changes, List<SourceHistory.Commit> commits,
                             String markCommand) {}

    public TranslationDashboard(SiteConfig config, TranslationStatus status) { this(config, status, SiteUrls.of(config)); }

    /** The page, in English (editors share it across languages), with no script and its style inline. */
    public String html(String generated) {
        List<Language> languages = new ArrayList<>();
        Map<String, TranslationStatus.Counts> counts = status.perLanguage();
        for (String code : status.languages()) languages.add(new Language(code, config.language(code).label(), counts.get(code)));
        Map<String, String> anchors = new HashMap<>();
        List<ChangeView> changes = new ArrayList<>();
        for (TranslationStatus.Group g : status.groups()) {
            for (List<TranslationStatus.Outdated> list : List.of(g.outdated(), g.minor())) {
                for (TranslationStatus.Outdated o : list) {
                    String anchor = "changes-" + (changes.size() + 1);
                    anchors.put(o.file(), anchor);
                    changes.add(new ChangeView(anchor, o.language(), o.file(), urlOfFile(o.file()), g.source(),
                            list == g.minor() ? "minor" : o.reason(), o.paragraphs(), o.changes(), o.commits(),
                            "./agora mark-current " + o.file()));
                }
            }
        }
        List<RowView> rows = new ArrayList<>();
        for (TranslationStatus.Row row : status.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (Map.Entry<String, TranslationStatus.Cell> e : row.cells().entrySet()) {
                TranslationStatus.Cell c = e.getValue();
                cells.add(new CellView(e.getKey(), c.state().word(), c.file(), c.url() == null ? null : urls.absolute(c.url()),
                        c.file() == null ? null : anchors.get(c.file()),
                        c.state() == TranslationStatus.State.MISSING
                                ? "./agora new --translate " + row.source() + " --to " + e.getKey() : null));
            }
            TranslationStatus.Cell source = row.cells().get(row.sourceLanguage());
            rows.add(new RowView(row.source(), urls.absolute(source.url()), cells));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("site", config.title().in(config.defaultLanguage(), config.defaultLanguage()));
        context.put("generated", generated);
        context.put("byGit", status.byGit());
        context.put("languages", languages);
        context.put("rows", rows);
        context.put("changes", changes);
        context.put("groups", status.rows().size());
        try {
            StringWriter out = new StringWriter();
            ENGINE.getTemplate("agora/dashboard/dashboard.peb").evaluate(out, context);
            return out.toString();
        } catch (PebbleException | IOException e) {
            throw new IllegalStateException("the dashboard template is part of Agora and must render", e);
        }
    }

    /** The same data for CI: counts per language and every row, in docs/translations.md's layout. */
    public String json(String generated) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("generated", generated);
        root.put("timesFrom", status.byGit() ? "git" : "front matter");
        root.put("perLanguage", status.perLanguage());
        root.put("groups", status.groups());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TranslationStatus.Row row : status.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", row.key());
            r.put("source", row.source());
            Map<String, Object> cells = new LinkedHashMap<>();
            for (Map.Entry<String, TranslationStatus.Cell> e : row.cells().entrySet()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("state", e.getValue().state().word());
                c.put("file", e.getValue().file());
                c.put("url", e.getValue().url() == null ? null : urls.absolute(e.getValue().url()));
                cells.put(e.getKey(), c);
            }
            r.put("languages", cells);
            rows.add(r);
        }
        root.put("documents", rows);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String urlOfFile(String file) {
        for (TranslationStatus.Row row : status.rows()) {
            for (TranslationStatus.Cell c : row.cells().values()) {
                if (file.equals(c.file()) && c.url() != null) return urls.absolute(c.url());
            }
        }
        return null;
    }

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder().loader(new ClasspathLoader())
            .strictVariables(true).autoEscaping(true).newLineTrimming(true).build();
}
