package org.agora.content;

import org.agora.content.FrontMatterSplit.LookAlike;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text at the top of a document that an editor meant as front matter but that is not read as such, so it would
 * show as text (often as a heading: Markdown reads "key: value" above a "---" line as one) with every field lost.
 * Found only where no front matter was: a delimiter line with more on it, and fields without their opening line.
 */
final class FrontMatterLookAlikes {

    /** "title: x" or "title = x": a field, as YAML or TOML writes it. */
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][\\w.-]*\\s*(:(\\s.*)?|=\\s*\\S.*)$");
    /** What else front matter holds between its fields: nested or continued values, list items, comments, tables. */
    private static final Pattern FIELD_CONTINUATION = Pattern.compile("^(\\s+\\S.*|\\s*- .*|#.*|\\[.*]\\s*|\\s*)$");

    private FrontMatterLookAlikes() {}

    /**
     * @param start where the first line that is not blank starts
     * @param line that line's number
     */
    static Optional<LookAlike> find(String text, int start, int line) {
        String first = text.substring(start, FrontMatterSplit.endOfLine(text, start)).stripTrailing();
        for (String fence : new String[]{"---", "+++"}) {
            if (first.startsWith(fence) && fenceLineAfter(text, start, fence)) {
                return Optional.of(new LookAlike(line, "'" + first + "' looks like the start of front matter, but is read as"
                        + " text: " + fence + " must be alone on its line",
                        "put " + fence + " alone on line " + line + ", and what follows it on the next line"));
            }
        }
        return fieldsWithoutOpening(text, start, line);
    }

    /** Two fields or more, then a delimiter line: front matter that lost its first line. */
    private static Optional<LookAlike> fieldsWithoutOpening(String text, int start, int line) {
        int fields = 0;
        int lastField = line;
        int n = line;
        for (int pos = start; pos < text.length(); pos = FrontMatterSplit.endOfLine(text, pos) + 1, n++) {
            String l = text.substring(pos, FrontMatterSplit.endOfLine(text, pos));
            for (String fence : new String[]{"---", "+++"}) {
                if (FrontMatterSplit.isFence(l, fence)) {
                    return fields < 2 ? Optional.empty() : Optional.of(new LookAlike(line, "lines " + line + " to "
                            + lastField + " look like front matter, but they are read as text: there is no " + fence
                            + " line before them", "add a line with only " + fence + " above line " + line));
                }
            }
            if (FIELD.matcher(l).matches()) {
                fields++;
                lastField = n;
            } else if (n == line || !FIELD_CONTINUATION.matcher(l).matches()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether a line after {@code start}'s is a lone {@code fence}, which would have closed the front matter. */
    private static boolean fenceLineAfter(String text, int start, String fence) {
        for (int pos = FrontMatterSplit.endOfLine(text, start) + 1; pos < text.length(); pos = FrontMatterSplit.endOfLine(text, pos) + 1) {
            if (FrontMatterSplit.isFence(text.substring(pos, FrontMatterSplit.endOfLine(text, pos)), fence)) return true;
        }
        return false;
    }
}
