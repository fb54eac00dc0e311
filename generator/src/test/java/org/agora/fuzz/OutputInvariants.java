package org.agora.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promises of issue 11, checked after one build of one generated site. Reusable by any test that runs a
 * build: give it the site, what the build printed, and a snapshot of the site's folder taken before.
 */
final class OutputInvariants {

    private static final List<Pattern> STACK_TRACE = List.of(
            Pattern.compile("^\\s*at [\\w$.<>/]+\\(.*\\)\\s*$"),
            Pattern.compile("Exception in thread"),
            Pattern.compile("^\\s*Caused by: "),
            Pattern.compile("\\.java:\\d+\\)"),
            Pattern.compile("\\b(?:java|javax|jdk|sun|com\\.[a-z]+|org\\.[a-z]+)\\.[\\w.$]*(?:Exception|Error|Throwable)\\b"),
            Pattern.compile("(?i)internal error"));
    /** "content/en/x.md:3:1: error: message", as the report prints a diagnostic (Diagnostic.format). */
    // DOTALL: a line may hold U+2028 or U+0085 (from a file name or a quoted value), which '.' would not match.
    private static final Pattern ERROR_LINE = Pattern.compile("^(.*?)(?::(\\d+)(?::(\\d+))?)?: error: (.*)$", Pattern.DOTALL);
    private static final Pattern WORD_ERROR = Pattern.compile("(?i)\\berror\\b");
    private static final Pattern WARNING_LINE = Pattern.compile("^(.*?)(?::(\\d+)(?::(\\d+))?)?: warning: (.*)$", Pattern.DOTALL);
    /** The few lines with "error" that are not diagnostics: the summary of a failed build. */
    private static final Pattern SUMMARY = Pattern.compile("^Build failed: \\d+ errors?, \\d+ warnings? \\(.*\\)\\. The output folder was not changed\\.$", Pattern.DOTALL);

    private final ThemeBaseline theme;

    OutputInvariants(ThemeBaseline theme) { this.theme = theme; }

    /**
     * @param before, after snapshots of the site's root folder taken around the build
     * @param debugTrace what the same build printed with --debug when it failed with exit 3, else null: an
     *                   internal error is then known by its cause rather than by its one-line message
     */
    List<Violation> check(GeneratedSite site, BuildOutcome outcome, TreeSnapshot before, TreeSnapshot after, String debugTrace) {
        List<Violation> found = checkBuild(site, outcome, before, after);
        String cause = debugTrace == null ? null : Traces.rootCause(debugTrace);
        if (cause == null) return found;
        return found.stream().map(v -> v.detail().contains("internal error") && v.signature().contains("internal error")
                ? new Violation(v.invariant(), v.signature().substring(0, v.signature().indexOf("internal error")) + "internal error: " + cause,
                v.detail() + "\n--- with --debug:\n" + debugTrace)
                : v).toList();
    }

    private List<Violation> checkBuild(GeneratedSite site, BuildOutcome outcome, TreeSnapshot before, TreeSnapshot after) {
        List<Violation> found = new ArrayList<>();
        if (!outcome.finished()) {
            // The build still runs: its output is half written, so nothing else can be judged.
            found.add(new Violation(Invariant.FINISHES, "still running after " + outcome.took().toSeconds() + " s",
                    "the build did not return; its thread is left running"));
            return found;
        }
        exitCode(outcome, found);
        stackTraces(outcome, found);
        errorsNameFiles(site, outcome, found);
        nothingWrittenOutside(site, outcome, before, after, found);
        if (outcome.exitCode() == 0 && Files.isDirectory(site.out())) activeContent(site, found);
        return found;
    }

    private static void exitCode(BuildOutcome outcome, List<Violation> found) {
        if (outcome.thrown() != null) {
            Throwable t = outcome.thrown();
            found.add(new Violation(Invariant.EXIT_CODE, "Main.run threw " + Traces.rootCause(t), stackHead(t)));
            found.add(new Violation(Invariant.NO_STACK_TRACE, "a process would die printing " + Traces.rootCause(t), stackHead(t)));
        } else if (outcome.exitCode() != 0 && outcome.exitCode() != 1) {
            String first = outcome.err().lines().findFirst().orElse("");
            found.add(new Violation(Invariant.EXIT_CODE, "exit " + outcome.exitCode() + ": " + Violation.shape(first),
                    "exit " + outcome.exitCode() + "\n" + ActiveContent.cut(outcome.err())));
        }
    }

    private static void stackTraces(BuildOutcome outcome, List<Violation> found) {
        for (String[] stream : List.of(new String[] {"stdout", outcome.out()}, new String[] {"stderr", outcome.err()},
                new String[] {"System.out/System.err/log outside the command's writers", outcome.stray()})) {
            for (String line : stream[1].lines().toList()) {
                if (STACK_TRACE.stream().anyMatch(p -> p.matcher(line).find())) {
                    found.add(new Violation(Invariant.NO_STACK_TRACE, stream[0] + ": " + Violation.shape(line),
                            stream[0] + " printed:\n" + ActiveContent.cut(stream[1])));
                    break;
                }
            }
        }
    }

    private static void errorsNameFiles(GeneratedSite site, BuildOutcome outcome, List<Violation> found) {
        for (String line : outcome.allPrinted().lines().toList()) {
            Matcher m = ERROR_LINE.matcher(line);
            if (m.matches()) {
                String name = m.group(1);
                if (!namesAFile(site, name)) {
                    found.add(new Violation(Invariant.ERRORS_NAME_A_FILE, "error naming '" + Violation.shape(name) + "': " + Violation.shape(m.group(4)),
                            line));
                }
            } else if (WORD_ERROR.matcher(line).find() && !WARNING_LINE.matcher(line).matches() && !line.startsWith(" ") && !line.startsWith("\t") && !SUMMARY.matcher(line).matches()) {
                found.add(new Violation(Invariant.ERRORS_NAME_A_FILE, "error without a file: " + Violation.shape(line), line));
            }
        }
    }

    /**
     * A file or folder of the site (or the output folder) that exists, written relative to the site or absolute.
     * Reports show control and direction characters of names as escapes (\t, \n, \\u202e), so a name is
     * also tried with them read back.
     */
    private static boolean namesAFile(GeneratedSite site, String name) {
        return namesAFileAsWritten(site, name) || namesAFileAsWritten(site, unescaped(name));
    }

    private static String unescaped(String name) {
        Matcher m = java.util.regex.Pattern.compile("\\\\(?:u([0-9a-f]{4})|(n)|(t))").matcher(name);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String c = m.group(1) != null ? String.valueOf((char) Integer.parseInt(m.group(1), 16)) : m.group(2) != null ? "\n" : "\t";
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean namesAFileAsWritten(GeneratedSite site, String name) {
        if (name.isBlank() || name.equals("<site>")) return false;
        try {
            Path p = Path.of(name);
            Path resolved = p.isAbsolute() ? p : site.site().resolve(p);
            return Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) || resolved.normalize().equals(site.out());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static void nothingWrittenOutside(GeneratedSite site, BuildOutcome outcome, TreeSnapshot before, TreeSnapshot after,
                                              List<Violation> found) {
        for (String change : after.changesSince(before, OutputInvariants::mayChange)) {
            String signature = change.contains(".staging-") || change.contains(".old-") ? "staging folder left behind"
                    : change.substring(0, change.indexOf(' ')) + " outside the output: " + Violation.shape(change.substring(change.indexOf(' ') + 1));
            found.add(new Violation(Invariant.NOTHING_WRITTEN_OUTSIDE, signature, change));
        }
        for (var e : after.entries().entrySet()) {
            String name = e.getKey();
            if ((name.contains(".staging-") || name.contains(".old-")) && (name.startsWith("out/") || name.startsWith("site/.agora-cache"))) {
                found.add(new Violation(Invariant.NOTHING_WRITTEN_OUTSIDE, "staging folder left behind", name));
            }
            if (name.startsWith("out/") && e.getValue().kind().equals("link")) {
                found.add(new Violation(Invariant.NOTHING_WRITTEN_OUTSIDE, "symbolic link in the output", name + " -> " + e.getValue().linkTarget()));
            }
        }
        if (outcome.exitCode() != 0 && Files.exists(site.out())) {
            found.add(new Violation(Invariant.NOTHING_WRITTEN_OUTSIDE, "a failed build left an output folder", site.out().toString()));
        }
        if (!Files.isDirectory(site.out())) return;
        for (Path file : ThemeBaseline.files(site.out())) {
            byte[] bytes = readBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String secret : site.secrets()) {
                if (text.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                    found.add(new Violation(Invariant.NOTHING_WRITTEN_OUTSIDE, "a secret from outside the site is in the output"
                            + (secret.startsWith("AGORA-FUZZ-SECRET") ? " (canary of the outside folder)" : " (/etc/passwd)"),
                            site.out().relativize(file) + " holds '" + secret + "'"));
                }
            }
        }
    }

    private static boolean mayChange(String rel) {
        return rel.equals("out") || rel.startsWith("out/") || rel.equals("site/.agora-cache") || rel.startsWith("site/.agora-cache/");
    }

    private void activeContent(GeneratedSite site, List<Violation> found) {
        for (Path file : ThemeBaseline.files(site.out())) {
            String rel = site.out().relativize(file).toString();
            String lower = rel.toLowerCase(Locale.ROOT);
            if (site.activeSources().contains(rel)) {
                found.add(new Violation(Invariant.NO_FOREIGN_ACTIVE_CONTENT, "a ." + extension(lower) + " file from content/ or static/ is published",
                        rel + " was copied to the output"));
            }
            if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml") || lower.endsWith(".shtml")) {
                ActiveContent.Scan scan = ActiveContent.ofHtml(ThemeBaseline.read(file), ThemeBaseline.pageUrl(rel));
                foreign(rel, scan, found);
                if (scan.jsonLdScripts() > theme.jsonLdPerPage()) {
                    found.add(new Violation(Invariant.NO_FOREIGN_ACTIVE_CONTENT, "more JSON-LD scripts than the theme writes",
                            rel + ": " + scan.jsonLdScripts()));
                }
            } else if (lower.endsWith(".svg")) {
                foreign(rel, ActiveContent.ofSvg(ThemeBaseline.read(file), ThemeBaseline.pageUrl(rel)), found);
            } else if ((lower.endsWith(".js") || lower.endsWith(".mjs")) && !theme.scriptFiles().contains(ThemeBaseline.sha256(file))) {
                found.add(new Violation(Invariant.NO_FOREIGN_ACTIVE_CONTENT, "a script file the theme does not have", rel));
            }
        }
    }

    private void foreign(String rel, ActiveContent.Scan scan, List<Violation> found) {
        for (ActiveContent.Item item : scan.items()) {
            if (theme.items().contains(item.key())) continue;
            found.add(new Violation(Invariant.NO_FOREIGN_ACTIVE_CONTENT, signature(item), rel + ": " + item.html()));
        }
        for (String problem : scan.problems()) {
            found.add(new Violation(Invariant.NO_FOREIGN_ACTIVE_CONTENT, "JSON-LD is not JSON", rel + ": " + problem));
        }
    }

    /** The kind of foreign item, without the page-specific rest: "handler onerror", "url a href javascript:". */
    private static String signature(ActiveContent.Item item) {
        String v = item.value();
        return switch (item.kind()) {
            case "handler" -> "event handler " + v.substring(0, Math.max(0, v.indexOf('=')));
            case "script" -> v.startsWith("src=") ? "script element with src" : "inline script element";
            case "url" -> {
                int eq = v.indexOf('=');
                String scheme = v.substring(eq + 1);
                int colon = scheme.indexOf(':');
                yield "script-capable URL in " + v.substring(0, eq) + " (" + (colon < 0 ? scheme : scheme.substring(0, colon + 1)) + ")";
            }
            default -> "foreign element " + v.split(" ")[0] + (v.startsWith("meta") || v.startsWith("link") ? " " + v.split(" ")[1] : "");
        };
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stackHead(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString().lines().limit(25).reduce("", (a, b) -> a + b + "\n");
    }
}
