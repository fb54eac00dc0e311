package org.agora.check;

import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.TranslationGroup;
import org.agora.content.PageDate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * For each translation group made of documents: the site languages it lacks, the translations changed
 * before their source, and the machine translations nobody has reviewed. The source is the default language's version, else the oldest one. A version's time is
 * its last git commit when the site is a git repository, else its front matter's lastmod, else its date.
 * @param byGit whether times came from the git history
 */
public record TranslationStatus(List<String> languages, boolean byGit, List<Group> groups) {

    /**
     * @param source the source document, relative to the site ("content/guide.en.md")
     * @param missing site languages without a version
     * @param outdated versions changed before their source
     * @param unreviewed machine translations nobody has reviewed yet ({@code translation: machine})
     */
    public record Group(String key, String source, List<String> missing, List<Outdated> outdated, List<Unreviewed> unreviewed) {}

    /** A machine translation not yet reviewed; {@code by} is the service or person named, or null. */
    public record Unreviewed(String language, String file, String by) {}

    /** A translation older than its source; the times are ISO-8601 instants. */
    public record Outdated(String language, String file, String changed, String sourceChanged) {}

    public int missingCount() { return groups.stream().mapToInt(g -> g.missing().size()).sum(); }

    public int outdatedCount() { return groups.stream().mapToInt(g -> g.outdated().size()).sum(); }

    public int unreviewedCount() { return groups.stream().mapToInt(g -> g.unreviewed().size()).sum(); }

    public static TranslationStatus of(Library library, GitTimes git) {
        var config = library.config();
        Path siteDir = config.siteDir().toAbsolutePath().normalize();
        List<String> languages = config.languageCodes();
        List<Group> groups = new ArrayList<>();
        for (TranslationGroup group : library.groups().values()) {
            List<Page> versions = group.byLanguage().values().stream().filter(p -> p.document() != null).toList();
            if (versions.isEmpty()) continue;
            List<String> missing = languages.stream().filter(l -> {
                Page p = group.byLanguage().get(l);
                return p == null || p.document() == null;
            }).toList();
            Page source = versions.stream().filter(p -> p.language().equals(config.defaultLanguage())).findFirst()
                    .orElseGet(() -> versions.stream()
                            .min(Comparator.comparing((Page p) -> changed(p, git).orElse(Instant.MAX))
                                    .thenComparing(Page::language)).orElseThrow());
            Optional<Instant> sourceTime = changed(source, git);
            List<Outdated> outdated = new ArrayList<>();
            for (Page p : versions) {
                if (p == source || sourceTime.isEmpty()) continue;
                changed(p, git).filter(t -> t.isBefore(sourceTime.get())).ifPresent(t -> outdated.add(
                        new Outdated(p.language(), relative(siteDir, p), t.toString(), sourceTime.get().toString())));
            }
            List<Unreviewed> unreviewed = new ArrayList<>();
            for (Page p : versions) {
                library.translationOf(p).filter(t -> t.method() == org.agora.config.TranslationMethod.MACHINE)
                        .ifPresent(t -> unreviewed.add(new Unreviewed(p.language(), relative(siteDir, p), t.by())));
            }
            if (!missing.isEmpty() || !outdated.isEmpty() || !unreviewed.isEmpty()) {
                groups.add(new Group(group.key(), relative(siteDir, source), missing, outdated, unreviewed));
            }
        }
        groups.sort(Comparator.comparing(Group::source));
        return new TranslationStatus(languages, !git.isEmpty(), List.copyOf(groups));
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
