package org.agora.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The committed versions of one file, newest first, read from git when the site is in a repository: what lets
 * {@link SourceDrift} show a pinned source's old text and who changed it since. Empty without git or history
 * (a shallow CI clone keeps only the last commit: fetch the whole history for the diff).
 */
public final class SourceHistory {

    /** How far back a pin is looked for: a translation older than this many changes is simply "outdated". */
    static final int MAX_VERSIONS = 200;

    /** @param date ISO-8601 author date */
    public record Commit(String id, String author, String date, String subject) {}

    /** One committed text of the file and the commit that made it. */
    public record Version(Commit commit, String text) {}

    private final Path file;
    private final Path root;
    private List<Commit> commits;
    /** Texts already read: the translations of one source into several languages look through the same versions. */
    private final java.util.Map<String, Optional<String>> texts = new java.util.HashMap<>();

    private SourceHistory(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    /** The history of {@code file}; never fails: without git it is empty. */
    public static SourceHistory of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) return new SourceHistory(absolute, null);
        Optional<String> top = Git.run(dir, "git", "rev-parse", "--show-toplevel").map(String::strip);
        if (top.isEmpty() || top.get().isEmpty()) return new SourceHistory(absolute, null);
        try {
            return new SourceHistory(absolute.toRealPath(), Path.of(top.get()).toRealPath());
        } catch (IOException e) {
            return new SourceHistory(absolute, null);
        }
    }

    /** The commits that changed the file, newest first, at most {@value #MAX_VERSIONS}. */
    public List<Commit> commits() {
        if (commits != null) return commits;
        commits = List.of();
        if (root == null || !file.startsWith(root)) return commits;
        Optional<String> log = Git.run(root, "git", "-c", "core.quotepath=off", "log", "-n", String.valueOf(MAX_VERSIONS),
                "--format=%H%x1f%an%x1f%aI%x1f%s%x1e", "--", relative());
        if (log.isEmpty()) return commits;
        List<Commit> out = new ArrayList<>();
        for (String record : log.get().split("\u001e")) {
            String[] f = record.strip().split("\u001f", -1);
            if (f.length == 4) out.add(new Commit(f[0], f[1], f[2], f[3]));
        }
        commits = List.copyOf(out);
        return commits;
    }

    /** The file's text as {@code commit} left it. */
    public Optional<String> textAt(Commit commit) {
        if (root == null) return Optional.empty();
        return texts.computeIfAbsent(commit.id(), id -> Git.run(root, "git", "show", id + ":" + relative()));
    }

    private String relative() { return root.relativize(file).toString().replace('\\', '/'); }
}
