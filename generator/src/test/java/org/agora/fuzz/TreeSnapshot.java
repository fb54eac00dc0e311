package org.agora.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every path under a folder with its kind, size and modification time, links not followed: two snapshots
 * taken around a build show everything it created, changed or deleted there.
 */
record TreeSnapshot(Path root, Map<String, Entry> entries) {

    record Entry(String kind, long size, long modifiedMillis, String linkTarget) {}

    static TreeSnapshot of(Path root) {
        Map<String, Entry> entries = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                    entries.put(name(dir), new Entry("dir", 0, a.lastModifiedTime().toMillis(), null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                    String target = a.isSymbolicLink() ? Files.readSymbolicLink(file).toString() : null;
                    entries.put(name(file), new Entry(a.isSymbolicLink() ? "link" : a.isRegularFile() ? "file" : "other",
                            a.size(), a.lastModifiedTime().toMillis(), target));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    entries.put(name(file), new Entry("unreadable", 0, 0, null));
                    return FileVisitResult.CONTINUE;
                }

                private String name(Path p) { return root.relativize(p).toString(); }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(root, entries);
    }

    /** "created x", "changed y", "deleted z" for each path that differs and that {@code allowed} does not accept. */
    List<String> changesSince(TreeSnapshot before, Predicate<String> allowed) {
        List<String> changes = new ArrayList<>();
        for (var e : entries.entrySet()) {
            Entry old = before.entries.get(e.getKey());
            if (allowed.test(e.getKey())) continue;
            if (old == null) changes.add("created " + e.getKey());
            else if (!sameContent(old, e.getValue())) changes.add("changed " + e.getKey());
        }
        for (String name : before.entries.keySet()) {
            if (!entries.containsKey(name) && !allowed.test(name)) changes.add("deleted " + name);
        }
        return changes;
    }

    /** A folder's time changes when an allowed child appears in it (the site folder gets .agora-cache/). */
    private static boolean sameContent(Entry a, Entry b) {
        if (a.kind().equals("dir") && b.kind().equals("dir")) return true;
        return a.kind().equals(b.kind()) && a.size() == b.size() && a.modifiedMillis() == b.modifiedMillis()
                && Objects.equals(a.linkTarget(), b.linkTarget());
    }
}
