package org.agora.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * git in a test's site folder: as a test user, without the machine's system config or commit signing, each command
 * required to succeed.
 */
public final class Git {

    private Git() {}

    /** Runs {@code git ARGS} in {@code dir}. */
    public static void run(Path dir, String... args) throws Exception { run(dir, Map.of(), args); }

    /** Runs {@code git ARGS} in {@code dir} with these variables added to its environment. */
    public static void run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }

    /** Commits every change in {@code dir}, as this author. */
    public static void commitAll(Path dir, String message, String author) throws Exception {
        run(dir, "add", "-A");
        run(dir, "-c", "user.name=" + author, "commit", "-q", "-m", message);
    }

    /** Commits every change in {@code dir}, authored and committed at this time (ISO 8601, "2025-01-01T10:00:00Z"). */
    public static void commitAllAt(Path dir, String message, String time) throws Exception {
        run(dir, "add", "-A");
        run(dir, Map.of("GIT_AUTHOR_DATE", time, "GIT_COMMITTER_DATE", time), "commit", "-q", "-m", message);
    }
}
