package org.agora.site;

import java.nio.file.Path;

/**
 * What to build and where.
 * @param outDir the output folder, replaced as a whole when the build succeeds
 */
public record BuildOptions(Path siteDir, Path outDir, boolean includeDrafts) {

    public static BuildOptions of(Path siteDir) {
        return new BuildOptions(siteDir, siteDir.resolve("public"), false);
    }
}
