package org.agora.content;

import java.nio.file.Path;

/**
 * A Markdown file found under content/, with the language its place or name gives it.
 * @param relPath path below content/, with '/' separators ("fr/guides/facilitation.md")
 * @param pathKey the path with the language and ".md" removed ("guides/facilitation"): translations share it
 * @param layout how the language was given: by a top folder or by a file-name suffix
 */
public record SourceFile(Path file, String relPath, String language, String pathKey, Layout layout) {

    public enum Layout { FOLDER, SUFFIX, DEFAULT }

    /** "guides" for "guides/facilitation", "" at the top. */
    public String sectionPath() {
        String key = isSectionIndex() || isLeafBundle() ? parentOf(pathKey) : pathKey;
        return parentOf(key);
    }

    /**
     * The page's name: the last path segment without language or extension ("facilitation", "_index"), or for a
     * page bundle (Hugo's {@code meetup/index.md}, its images beside it) the folder's name ("meetup").
     */
    public String baseName() {
        String key = isLeafBundle() ? parentOf(pathKey) : pathKey;
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    /** Hugo's leaf bundle: {@code blog/meetup/index.md} is the page "meetup" of section blog. */
    public boolean isLeafBundle() { return pathKey.endsWith("/index"); }

    public boolean isSectionIndex() { return pathKey.equals("_index") || pathKey.endsWith("/_index"); }

    /** The folder that holds this file, relative to content/ ("fr/guides"). */
    public String relDir() { return parentOf(relPath); }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
