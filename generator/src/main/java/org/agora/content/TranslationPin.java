package org.agora.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code source: <pin>} into the {@code translation} field of a document's front matter, changing nothing
 * else in the file: editors' comments, order and quoting stay as they wrote them. YAML ({@code ---}) and TOML
 * ({@code +++}) front matter; a JSON one is left for the editor.
 */
public final class TranslationPin {

    /** The new text of the file, or why it could not be written. */
    public record Result(String text, String problem) {
        static Result ok(String text) { return new Result(text, null); }
        static Result fail(String problem) { return new Result(null, problem); }
    }

    private static final Pattern YAML_KEY = Pattern.compile("^translation\\s*:(.*)$");
    private static final Pattern TOML_KEY = Pattern.compile("^translation\\s*=(.*)$");
    private static final Pattern TOML_TABLE = Pattern.compile("^\\[\\s*translation\\s*]\\s*(#.*)?$");
    private static final Pattern FLOW_SOURCE = Pattern.compile("(source\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^,}\\s]+)");

    private TranslationPin() {}

    public static Result write(String fileText, String pin) {
        // the file keeps its byte order mark and line ends: an editor's diff shows one line, not all of them
        String bom = fileText.startsWith("\uFEFF") ? "\uFEFF" : "";
        String newline = fileText.contains("\r\n") ? "\r\n" : "\n";
        Result r = writeNormalized(Body.normalized(fileText), pin);
        return r.text() == null ? r : Result.ok(bom + (newline.equals("\n") ? r.text() : r.text().replace("\n", newline)));
    }

    private static Result writeNormalized(String text, String pin) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) return Result.fail("the file has no front matter");
        String fence = lines.getFirst().strip();
        boolean yaml = fence.equals("---");
        if (!yaml && !fence.equals("+++")) {
            return Result.fail("the front matter is not YAML (---) or TOML (+++): add  \"translation\": {\"source\": \""
                    + pin + "\"}  by hand");
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(fence)) {
                end = i;
                break;
            }
        }
        if (end < 0) return Result.fail("the front matter is never closed");
        Optional<String> changed = yaml ? yaml(lines, end, pin) : toml(lines, end, pin);
        if (changed.isEmpty()) {
            return Result.fail("the translation field is written in a way Agora does not edit: add  source: " + pin
                    + "  to it by hand");
        }
        return Result.ok(changed.get());
    }

    private static Optional<String> yaml(List<String> lines, int end, String pin) {
        String quoted = "\"" + pin + "\"";
        for (int i = 1; i < end; i++) {
            Matcher m = YAML_KEY.matcher(lines.get(i));
            if (!m.matches()) continue;
            String value = withoutComment(m.group(1)).strip();
            if (value.isEmpty()) {
                // a block mapping: its keys are the indented lines that follow
                int last = i;
                String indent = "  ";
                for (int j = i + 1; j < end; j++) {
                    String line = lines.get(j);
                    if (line.isBlank()) continue;
                    if (!Character.isWhitespace(line.charAt(0))) break;
                    indent = line.substring(0, line.length() - line.stripLeading().length());
                    if (line.strip().startsWith("source:")) {
                        lines.set(j, indent + "source: " + quoted);
                        return Optional.of(String.join("\n", lines));
                    }
                    last = j;
                }
                lines.add(last + 1, indent + "source: " + quoted);
                return Optional.of(String.join("\n", lines));
            }
            if (!flowClosed(value)) return Optional.empty();
            lines.set(i, "translation: " + flow(value, "source: " + quoted, "method: "));
            return Optional.of(String.join("\n", lines));
        }
        lines.add(end, "translation: { source: " + quoted + " }");
        return Optional.of(String.join("\n", lines));
    }

    private static Optional<String> toml(List<String> lines, int end, String pin) {
        String quoted = "\"" + pin + "\"";
        for (int i = 1; i < end; i++) {
            String line = lines.get(i).strip();
            if (TOML_TABLE.matcher(line).matches()) {
                for (int j = i + 1; j < end && !lines.get(j).strip().startsWith("["); j++) {
                    if (lines.get(j).strip().startsWith("source")) {
                        lines.set(j, "source = " + quoted);
                        return Optional.of(String.join("\n", lines));
                    }
                }
                lines.add(i + 1, "source = " + quoted);
                return Optional.of(String.join("\n", lines));
            }
            if (line.startsWith("[")) break; // top-level keys end at the first table
            Matcher m = TOML_KEY.matcher(line);
            if (m.matches()) {
                String value = withoutComment(m.group(1)).strip();
                if (!flowClosed(value)) return Optional.empty();
                lines.set(i, "translation = " + flow(value, "source = " + quoted, "method = "));
                return Optional.of(String.join("\n", lines));
            }
        }
        // before any table, so the key stays at the top level
        lines.add(1, "translation = { source = " + quoted + " }");
        return Optional.of(String.join("\n", lines));
    }

    /** An inline value with the pin in it: {@code machine} becomes {@code { method: machine, source: "…" }}. */
    private static String flow(String value, String sourceEntry, String methodKey) {
        if (!value.startsWith("{")) return "{ " + methodKey + value + ", " + sourceEntry + " }";
        Matcher m = FLOW_SOURCE.matcher(value);
        if (m.find()) return m.replaceFirst(Matcher.quoteReplacement(sourceEntry));
        String inside = value.substring(1, value.lastIndexOf('}')).strip();
        return inside.isEmpty() ? "{ " + sourceEntry + " }" : "{ " + inside + ", " + sourceEntry + " }";
    }

    private static boolean flowClosed(String value) { return !value.startsWith("{") || value.endsWith("}"); }

    private static String withoutComment(String value) {
        int hash = value.indexOf(" #");
        boolean quoted = value.strip().startsWith("\"") || value.strip().startsWith("'");
        return hash >= 0 && !quoted ? value.substring(0, hash) : value;
    }
}
