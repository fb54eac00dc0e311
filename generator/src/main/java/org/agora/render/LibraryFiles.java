package org.agora.render;

import java.util.Map;
import java.util.Set;

/**
 * The files of one language's library data, by output path (relative to the site's root): the entry file
 * the library page names, the filters file and one file per page of the list. Every name carries a hash of
 * its content, so a path that is already written holds these very bytes.
 * @param entry the output path of the entry file, which names the others
 * @param files every file, the entry included
 */
public record LibraryFiles(String entry, Map<String, byte[]> files) {

    public LibraryFiles {
        if (!files.containsKey(entry)) throw new IllegalArgumentException("the entry " + entry + " is not among the files");
        files = Map.copyOf(files);
    }

    public Set<String> paths() { return files.keySet(); }
}
