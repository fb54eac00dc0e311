package org.agora.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of each key of a TOML text, found in the text itself because Jackson's TOML tokens carry no position.
 * A key is known by its path from the top, the way {@link TokenTree} walks the tree: {@code [event]} then
 * {@code start = …} is {@code event, start}; the second {@code [[attachments]]} table is {@code attachments, 1}.
 * Values nobody can point at this way (inside inline tables and arrays) get the line of the nearest key above
 * them, and the front matter's first line when there is none.
 */
final class TomlKeyLines {

    private static final String KEY = "(?:[A-Za-z0-9_-]+|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')";
    private static final String DOTTED = KEY + "(?:\\s*\\.\\s*" + KEY + ")*";
    private static final Pattern ARRAY_TABLE = Pattern.compile("^\\s*\\[\\[\\s*(" + DOTTED + ")\\s*]]");
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\s*(" + DOTTED + ")\\s*]");
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(" + DOTTED + ")\\s*=");
    private static final Pattern ONE_KEY = Pattern.compile(KEY);

    private final Map<List<String>, Integer> lines = new HashMap<>();
    /** The number of tables so far of each array of tables ({@code [[name]]}). */
    private final Map<List<String>, Integer> arrayTables = new HashMap<>();
    private final int firstLine;

    private TomlKeyLines(int firstLine) {
        this.firstLine = firstLine;
    }

    /** @param lineOffset the lines of the file before the text */
    static TomlKeyLines of(String text, int lineOffset) {
        TomlKeyLines found = new TomlKeyLines(lineOffset + 1);
        List<String> table = List.of();
        String openString = null;
        int line = lineOffset;
        for (String raw : text.split("\n", -1)) {
            line++;
            if (openString != null) {
                // Inside a multi-line string: its lines are text, whatever they look like.
                if (count(raw, openString) % 2 == 1) openString = null;
                continue;
            }
            Matcher m;
            if ((m = ARRAY_TABLE.matcher(raw)).find()) {
                List<String> name = found.resolve(keys(m.group(1)));
                int index = found.arrayTables.merge(name, 1, Integer::sum) - 1;
                found.record(name, line);
                table = append(name, Integer.toString(index));
                found.record(table, line);
            } else if ((m = TABLE.matcher(raw)).find()) {
                table = found.resolve(keys(m.group(1)));
                found.record(table, line);
            } else if ((m = KEY_VALUE.matcher(raw)).find()) {
                List<String> path = new ArrayList<>(table);
                for (String key : keys(m.group(1))) {
                    path.add(key);
                    found.record(path, line);
                }
            }
            openString = opensMultiLineString(raw);
        }
        return found;
    }

    /** The line of the value at this path, or of the nearest one above it that has a line. */
    int lineOf(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Integer line = lines.get(path.subList(0, n));
            if (line != null) return line;
        }
        return firstLine;
    }

    private void record(List<String> path, int line) {
        lines.putIfAbsent(List.copyOf(path), line);
    }

    /** A header's path, where a name that is an array of tables means its latest table ({@code [[a]]} then {@code [a.b]}). */
    private List<String> resolve(List<String> keys) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            path.add(keys.get(i));
            Integer tables = arrayTables.get(path);
            if (tables != null && i < keys.size() - 1) path.add(Integer.toString(tables - 1));
        }
        return List.copyOf(path);
    }

    private static List<String> keys(String dotted) {
        List<String> keys = new ArrayList<>();
        Matcher m = ONE_KEY.matcher(dotted);
        while (m.find()) {
            String key = m.group();
            boolean quoted = key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'');
            keys.add(quoted ? key.substring(1, key.length() - 1) : key);
        }
        return keys;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return List.copyOf(out);
    }

    /** The delimiter of a multi-line string this line opens and does not close, if any. */
    private static String opensMultiLineString(String line) {
        for (String delimiter : List.of("\"\"\"", "'''")) {
            if (count(line, delimiter) % 2 == 1) return delimiter;
        }
        return null;
    }

    private static int count(String line, String delimiter) {
        int n = 0;
        for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, i + delimiter.length())) n++;
        return n;
    }
}
