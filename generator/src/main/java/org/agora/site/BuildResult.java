package org.agora.site;

import org.agora.diag.Diagnostics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param pagesPerLanguage HTML pages written per language, in the site's language order
 * @param outDir where the site was written; the previous output stays untouched when {@code success} is false
 */
public record BuildResult(boolean success, Diagnostics diagnostics, Map<String, Integer> pagesPerLanguage,
                          int filesWritten, List<StageTiming> stages, Duration total, Path outDir) {}
