package org.agora.site;

import org.agora.diag.Diagnostics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param pagesPerLanguage HTML pages written per language, in the site's language order
 * @param outDir where the site was written; the previous output stays untouched when {@code success} is false
 * @param library the site's pages and translation groups as read, or null when the configuration could not be read
 */
public record BuildResult(boolean success, Diagnostics diagnostics, Map<String, Integer> pagesPerLanguage,
                          int filesWritten, List<StageTiming> stages, Duration total, Path outDir,
                          org.agora.model.Library library, int pagesRendered) {

    public BuildResult(boolean success, Diagnostics diagnostics, Map<String, Integer> pagesPerLanguage,
                       int filesWritten, List<StageTiming> stages, Duration total, Path outDir,
                       org.agora.model.Library library) {
        this(success, diagnostics, pagesPerLanguage, filesWritten, stages, total, outDir, library,
                pagesPerLanguage.values().stream().mapToInt(Integer::intValue).sum());
    }
}
