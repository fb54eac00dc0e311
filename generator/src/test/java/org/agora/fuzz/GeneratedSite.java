package org.agora.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site written to disk for one build, and what the checks need to know about it.
 * @param root a temporary folder holding only this site, its output and an outside folder: all of it is
 *             snapshotted, so a build that writes beside its output is seen
 * @param outside a folder beside the site with secrets that symbolic links in the site point to
 * @param secrets texts that exist only outside the site (the canary, a line of /etc/passwd) and must never be output
 * @param activeSources output paths of the .html/.svg/.js/.xml files placed in content/ or static/
 * @param notes per file below the site, what the generators put in it on purpose
 */
record GeneratedSite(long seed, int documents, SiteProfile profile, Path root, Path site, Path out, Path outside,
                     List<String> secrets, Set<String> activeSources, List<String> features, Map<String, List<String>> notes) {

    String describe() {
        return "seed " + seed + ", " + documents + " documents, " + profile
                + (features.isEmpty() ? "" : ", " + String.join(", ", features));
    }
}
