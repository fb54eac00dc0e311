package org.agora.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that read a site. */
final class SiteOptions {

    @Option(names = "--site", paramLabel = "DIR", description = "folder with site-config.yml and content/ (default: current folder)")
    Path site = Path.of(".");

    @Option(names = "--drafts", description = "include documents marked draft: true")
    boolean drafts;

    @Option(names = "--debug", description = "show internal details of unexpected failures")
    boolean debug;

    /** A file an editor names: from the site folder, else from content/, else as given (absolute, or from here). */
    static Path locate(Path given, Path siteDir) {
        if (!given.isAbsolute()) {
            for (Path base : java.util.List.of(siteDir, siteDir.resolve("content"))) {
                if (java.nio.file.Files.isRegularFile(base.resolve(given))) return base.resolve(given).toAbsolutePath().normalize();
            }
        }
        return given.toAbsolutePath().normalize();
    }
}
