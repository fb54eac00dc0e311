package org.agora.check;

import org.agora.diag.Diagnostic;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem code the generator can report is explained to CI authors (docs/check-format.md) and to editors
 * (docs/checks.md, "What each check means"), and neither lists a code that no longer exists. The codes are found in
 * the main sources, as the first argument of each {@code error(...)} and {@code warning(...)} call (a literal, a
 * choice between literals, or a constant of the same file), so a new code fails this test until it is documented.
 */
class ProblemCodesDocumentedTest {

    static final Path ROOT = TestPaths.repoRoot();
    /** The editors' manual of the checks: its one section runs to the end of the file. */
    private static final String CHECKS_HEADING = "# What each check means";
    private static final Pattern CODE = Pattern.compile("\"([a-z]+\\.[a-z]+(?:-[a-z]+)*)\"");
    private static final Pattern CALL = Pattern.compile("\\b(?:error|warning|BrokenLinkReport\\.report)\\(");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]*)\";");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z]+(?:\\.[a-z]+(?:-[a-z]+)*)?)`");

    /** code → the first source file that reports it. */
    static Map<String, String> codesInSources() throws IOException {
        Map<String, String> codes = new TreeMap<>();
        Path main = ROOT.resolve("generator/src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Map<String, String> constants = new TreeMap<>();
                Matcher c = CONSTANT.matcher(text);
                while (c.find()) constants.put(c.group(1), c.group(2));
                Matcher call = CALL.matcher(text);
                while (call.find()) {
                    String first = firstArgument(text, call.end()).strip();
                    Matcher literal = CODE.matcher(first);
                    boolean any = false;
                    while (literal.find()) {
                        codes.putIfAbsent(literal.group(1), main.relativize(file).toString());
                        any = true;
                    }
                    String constant = constants.get(first.replaceFirst("^\\w+\\.(?=[A-Z_]+$)", ""));
                    if (!any && constant != null && CODE.matcher("\"" + constant + "\"").matches()) {
                        codes.putIfAbsent(constant, main.relativize(file).toString());
                    }
                }
            }
        }
        return codes;
    }

    /** The text from {@code start} to the first comma outside parentheses and quotes. */
    private static String firstArgument(String text, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '\\') i++;
                else if (ch == '"') quoted = false;
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth-- == 0) return text.substring(start, i);
            } else if (ch == ',' && depth == 0) {
                return text.substring(start, i);
            }
        }
        return "";
    }

    static Set<String> tableCodes(Path file, String heading) throws IOException {
        String text = Files.readString(file);
        int from = text.indexOf(heading);
        assertTrue(from >= 0, file + " has no section " + heading);
        int to = text.indexOf("\n## ", from + heading.length());
        Matcher row = ROW.matcher(text.substring(from, to < 0 ? text.length() : to));
        Set<String> codes = new TreeSet<>();
        while (row.find()) codes.add(row.group(1));
        return codes;
    }

    @Test
    void theScanFindsTheCodesItShould() throws IOException {
        Map<String, String> codes = codesInSources();
        // Literals, a choice between two literals, constants: each way a code is written today.
        for (String known : Set.of("link.missing-file", "image.missing-target", "link.missing-target",
                RequiredFields.MISSING, RequiredFields.UNUSED_TYPE, "frontmatter.invalid-yaml", "content.unknown-language")) {
            assertTrue(codes.containsKey(known), known + " not found in " + codes.keySet());
        }
        assertTrue(codes.size() >= 20, codes.keySet().toString());
        assertTrue(codes.keySet().stream().noneMatch(c -> c.startsWith("type.") || c.endsWith(".title")),
                "only codes, not message keys: " + codes.keySet());
    }

    @Test
    void everyCodeIsInTheJsonFormatsTable() throws IOException {
        Set<String> documented = tableCodes(ROOT.resolve("docs/check-format.md"), "## Problem codes");
        Map<String, String> missing = new TreeMap<>(codesInSources());
        missing.keySet().removeAll(documented);
        assertEquals(Map.of(), missing, "add these codes (and the file that reports them) to docs/check-format.md");
    }

    @Test
    void everyCodeIsExplainedToEditorsInTheChecksManual() throws IOException {
        Set<String> explained = tableCodes(ROOT.resolve("docs/checks.md"), CHECKS_HEADING);
        Map<String, String> missing = new TreeMap<>(codesInSources());
        missing.keySet().removeAll(explained);
        assertEquals(Map.of(), missing, "explain these codes in docs/checks.md, 'What each check means'");
    }

    @Test
    void noDocumentListsACodeThatNoLongerExists() throws IOException {
        Set<String> reported = new TreeSet<>(codesInSources().keySet());
        reported.add(Diagnostic.UNCLASSIFIED);
        for (Path file : new Path[] {ROOT.resolve("docs/check-format.md"), ROOT.resolve("docs/checks.md")}) {
            Set<String> stale = new TreeSet<>(tableCodes(file, file.endsWith("checks.md") ? CHECKS_HEADING : "## Problem codes"));
            stale.removeAll(reported);
            assertEquals(Set.of(), stale, file.getFileName() + " lists codes nothing reports");
        }
    }
}
