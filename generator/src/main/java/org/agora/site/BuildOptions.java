package org.agora.site;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to build and where.
 * @param outDir the output folder, replaced as a whole when the build succeeds
 * @param cacheDir where the search indexes are kept between builds (and read by {@code agora search})
 * @param buildDate the day events are upcoming or past against; the only date the output depends on
 * @param checkOnly run every check of the build but write nothing: no pages, no search index, no output folder
 */
public record BuildOptions(Path siteDir, Path outDir, boolean includeDrafts, Path cacheDir, LocalDate buildDate,
                           boolean checkOnly) {

    public BuildOptions {
        java.util.Objects.requireNonNull(buildDate, "buildDate");
    }

    public BuildOptions(Path siteDir, Path outDir, boolean includeDrafts, Path cacheDir, LocalDate buildDate) {
        this(siteDir, outDir, includeDrafts, cacheDir, buildDate, false);
    }

    /** With the default build date ({@link BuildDate#fromEnvironment()}). */
    public BuildOptions(Path siteDir, Path outDir, boolean includeDrafts, Path cacheDir) {
        this(siteDir, outDir, includeDrafts, cacheDir, BuildDate.fromEnvironment());
    }

    public BuildOptions(Path siteDir, Path outDir, boolean includeDrafts) {
        this(siteDir, outDir, includeDrafts, defaultCache(siteDir));
    }

    public static BuildOptions of(Path siteDir) {
        return new BuildOptions(siteDir, siteDir.resolve("public"), false);
    }

    public BuildOptions withBuildDate(LocalDate date) {
        return new BuildOptions(siteDir, outDir, includeDrafts, cacheDir, date, checkOnly);
    }

    /** The same checks, without writing anything ({@code agora check}). */
    public BuildOptions checkingOnly() {
        return new BuildOptions(siteDir, outDir, includeDrafts, cacheDir, buildDate, true);
    }

    /** The site's own cache folder, ignored by git (.gitignore of a new site lists it). */
    public static Path defaultCache(Path siteDir) { return siteDir.resolve(".agora-cache"); }
}
