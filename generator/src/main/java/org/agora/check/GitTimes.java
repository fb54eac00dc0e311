package org.agora.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each file of a git working tree was last committed, read with one {@code git log} over the whole
 * history (newest first, so the first time a file is named is its last change). Empty when the folder is not
 * in a git repository or git is not installed: callers fall back to the front matter's dates.
 */
public final class GitTimes {

    private static final String MARK = "\u0001commit ";

    private final Map<Path, Instant> lastCommit;

    private GitTimes(Map<Path, Instant> lastCommit) { this.lastCommit = lastCommit; }

    public static GitTimes none() { return new GitTimes(Map.of()); }

    /** True when no history was found (no repository, no git, or nothing committed). */
    public boolean isEmpty() { return lastCommit.isEmpty(); }

    /** Reads the history of {@code folder}; never fails, gives {@link #none()} instead. */
    public static GitTimes of(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) return none();
        try {
            Optional<String> top = Git.run(dir, "git", "rev-parse", "--show-toplevel").map(String::strip);
            if (top.isEmpty() || top.get().isEmpty()) return none();
            Path root = Path.of(top.get()).toRealPath();
            Optional<String> log = Git.run(dir, "git", "-c", "core.quotepath=off", "log", "--format=" + MARK + "%ct", "--name-only", "--no-renames", "--", ".");
            if (log.isEmpty()) return none();
            Map<Path, Instant> times = new HashMap<>();
            Instant current = null;
            for (String line : log.get().split("\n")) {
                if (line.startsWith(MARK)) {
                    current = Instant.ofEpochSecond(Long.parseLong(line.substring(MARK.length()).strip()));
                } else if (!line.isBlank() && current != null) {
                    times.putIfAbsent(root.resolve(line.strip()).normalize(), current);
                }
            }
            return new GitTimes(times);
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    /** When {@code file} was last committed, if it was. */
    public Optional<Instant> lastCommit(Path file) {
        if (lastCommit.isEmpty()) return Optional.empty();
        try {
            return Optional.ofNullable(lastCommit.get(file.toRealPath()));
        } catch (IOException e) {
            return Optional.ofNullable(lastCommit.get(file.toAbsolutePath().normalize()));
        }
    }
}
