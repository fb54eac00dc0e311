package org.agora.check;

import org.agora.config.TranslationMethod;
import org.agora.content.FrontMatterParser;
import org.agora.content.PageDate;
import org.agora.content.SourceVersion;
import org.agora.diag.Diagnostics;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.TranslationGroup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For each translation group made of documents: the state of every site language's version. The source is the
 * default language's version, else the oldest one.
 * <p>A translation that pins its source ({@code translation: { source: … }}) is outdated exactly when the source's
 * words changed since that version ({@link SourceDrift}); one that does not is outdated when it last changed before
 * its source: a version's time is its last git commit when the site is a git repository, else its front matter's
 * lastmod, else its date.
 * @param byGit whether times came from the git history
 * @param groups the groups with a missing, outdated, slightly changed or unreviewed machine translation
 * @param rows every group, complete or not, for the dashboard
 */
public record TranslationStatus(List<String> languages, boolean byGit, List<Group> groups, List<Row> rows) {

    /**
     * @param source the source document, relative to the site ("content/guide.en.md")
     * @param missing site languages without a version
     * @param outdated versions behind their source
     * @param minor versions whose source only had typos fixed since their pin: not outdated, listed to be re-pinned
     * @param unreviewed machine translations nobody has reviewed yet ({@code translation: machine})
     */
    public record Group(String key, String source, List<String> missing, List<Outdated> outdated, List<Outdated> minor,
                        List<Unreviewed> unreviewed) {}

    /** A machine translation not yet reviewed; {@code by} is the service or person named, or null. */
    public record Unreviewed(String language, String file, String by) {}

    /**
     * A translation behind its source.
     * @param reason {@code source-changed} (its pin no longer matches the source's text) or {@code older} (no pin: it
     *               last changed before its source)
     * @param changed when the translation last changed (ISO-8601 instant), or null
     * @param sourceChanged when the source last changed, or null
     * @param paragraphs paragraphs of the source changed since the pin, or null when unknown
     * @param changes the paragraph diff since the pin (empty when unknown or not pinned)
     * @param commits the source's commits since the pin, newest first (git only)
     */
    public record Outdated(String language, String file, String reason, String changed, String sourceChanged,
                           Integer paragraphs, List<SourceDrift.ParagraphChange> changes, List<SourceHistory.Commit> commits) {}

    /** The state of one language of a group, as the dashboard and its counts see it. */
    public enum State {
        SOURCE, DONE, MINOR, OUTDATED, MACHINE, MISSING;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * @param cells per site language, its state and file (null when missing)
     * @param sourceLanguage the language of the source version
     */
    public record Row(String key, String source, String sourceLanguage, Map<String, Cell> cells) {}

    /** @param url the page's path on the site (from its root, with a leading slash), or null when missing */
    public record Cell(State state, String file, String url) {}

    /** Per language: versions up to date (sources and slightly changed ones included), outdated, unreviewed machine, missing. */
    public record Counts(int done, int outdated, int machine, int missing) {}

    public int missingCount() { return groups.stream().mapToInt(g -> g.missing().size()).sum(); }

    public int outdatedCount() { return groups.stream().mapToInt(g -> g.outdated().size()).sum(); }

    public int unreviewedCount() { return groups.stream().mapToInt(g -> g.unreviewed().size()).sum(); }

    public int minorCount() { return groups.stream().mapToInt(g -> g.minor().size()).sum(); }

    /** The counts of each language, from the same rows the dashboard draws. */
    public Map<String, Counts> perLanguage() {
        Map<String, Counts> out = new LinkedHashMap<>();
        for (String language : languages) {
            int done = 0, outdated = 0, machine = 0, missing = 0;
            for (Row row : rows) {
                switch (row.cells().get(language).state()) {
                    case SOURCE, DONE, MINOR -> done++;
                    case OUTDATED -> outdated++;
                    case MACHINE -> machine++;
                    case MISSING -> missing++;
                }
            }
            out.put(language, new Counts(done, outdated, machine, missing));
        }
        return out;
    }

    public static TranslationStatus of(Library library, GitTimes git) {
        var config = library.config();
        Path siteDir = config.siteDir().toAbsolutePath().normalize();
        List<String> languages = config.languageCodes();
        FrontMatterParser parser = new FrontMatterParser(config);
        List<Group> groups = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (TranslationGroup group : library.groups().values()) {
            List<Page> versions = group.byLanguage().values().stream().filter(p -> p.document() != null).toList();
            if (versions.isEmpty()) continue;
            List<String> missing = languages.stream().filter(l -> {
                Page p = group.byLanguage().get(l);
                return p == null || p.document() == null;
            }).toList();
            Page source = sourceOf(group, library, git).orElseThrow();
            Optional<Instant> sourceTime = changed(source, git);
            SourceVersion sourceVersion = SourceVersion.of(source.document());
            SourceHistory history = null;
            List<Outdated> outdated = new ArrayList<>();
            List<Outdated> minor = new ArrayList<>();
            List<Unreviewed> unreviewed = new ArrayList<>();
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Page p : versions) {
                if (p == source) continue;
                String file = relative(siteDir, p);
                String pin = p.document().frontMatter().translation() == null ? null : p.document().frontMatter().translation().source();
                String changed = changed(p, git).map(Instant::toString).orElse(null);
                String sourceChanged = sourceTime.map(Instant::toString).orElse(null);
                State state = State.DONE;
                if (pin != null) {
                    if (history == null) history = SourceHistory.of(source.document().source().file());
                    SourceDrift drift = SourceDrift.of(pin, sourceVersion, history, text -> versionOf(parser, source, text));
                    if (drift.level() != SourceDrift.Level.CURRENT) {
                        Outdated o = new Outdated(p.language(), file, "source-changed", changed, sourceChanged,
                                drift.pinnedFound() ? drift.paragraphsChanged() : null, drift.changes(), drift.commits());
                        if (drift.level() == SourceDrift.Level.MINOR) {
                            minor.add(o);
                            state = State.MINOR;
                        } else {
                            outdated.add(o);
                            state = State.OUTDATED;
                        }
                    }
                } else if (sourceTime.isPresent()) {
                    Optional<Instant> t = changed(p, git);
                    if (t.isPresent() && t.get().isBefore(sourceTime.get())) {
                        outdated.add(new Outdated(p.language(), file, "older", changed, sourceChanged, null, List.of(), List.of()));
                        state = State.OUTDATED;
                    }
                }
                boolean machine = library.translationOf(p).filter(t -> t.method() == TranslationMethod.MACHINE).isPresent();
                if (machine) {
                    unreviewed.add(new Unreviewed(p.language(), file, library.translationOf(p).get().by()));
                    if (state != State.OUTDATED) state = State.MACHINE;
                }
                cells.put(p.language(), new Cell(state, file, p.path()));
            }
            cells.put(source.language(), new Cell(State.SOURCE, relative(siteDir, source), source.path()));
            Map<String, Cell> ordered = new LinkedHashMap<>();
            for (String l : languages) ordered.put(l, cells.getOrDefault(l, new Cell(State.MISSING, null, null)));
            String sourceFile = relative(siteDir, source);
            rows.add(new Row(group.key(), sourceFile, source.language(), ordered));
            if (!missing.isEmpty() || !outdated.isEmpty() || !minor.isEmpty() || !unreviewed.isEmpty()) {
                groups.add(new Group(group.key(), sourceFile, missing, outdated, minor, unreviewed));
            }
        }
        groups.sort(Comparator.comparing(Group::source));
        rows.sort(Comparator.comparing(Row::source));
        return new TranslationStatus(languages, !git.isEmpty(), List.copyOf(groups), List.copyOf(rows));
    }

    /** The version a group's others translate: the default language's, else the oldest one; empty without documents. */
    public static Optional<Page> sourceOf(TranslationGroup group, Library library, GitTimes git) {
        List<Page> versions = group.byLanguage().values().stream().filter(p -> p.document() != null).toList();
        return versions.stream().filter(p -> p.language().equals(library.config().defaultLanguage())).findFirst()
                .or(() -> versions.stream().min(Comparator.comparing((Page p) -> changed(p, git).orElse(Instant.MAX))
                        .thenComparing(Page::language)));
    }

    /** An old committed text of the source, read as the build reads the file today. */
    private static Optional<SourceVersion> versionOf(FrontMatterParser parser, Page source, String text) {
        try {
            return Optional.of(SourceVersion.of(parser.parse(source.document().source(), text, new Diagnostics())));
        } catch (RuntimeException e) {
            return Optional.empty(); // an old version that no longer reads cannot be the pinned one
        }
    }

    private static Optional<Instant> changed(Page page, GitTimes git) {
        Optional<Instant> committed = git.lastCommit(page.document().source().file());
        if (committed.isPresent()) return committed;
        PageDate d = page.lastmod() != null ? page.lastmod() : page.date();
        if (d == null) return Optional.empty();
        if (d.instant() != null) return Optional.of(d.instant());
        if (d.dateTime() != null) return Optional.of(d.dateTime().toInstant(ZoneOffset.UTC));
        return Optional.of(d.date().atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static String relative(Path siteDir, Page page) {
        Path file = page.document().source().file().toAbsolutePath().normalize();
        return file.startsWith(siteDir) ? siteDir.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
