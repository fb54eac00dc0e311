package org.agora.content;

import java.util.Optional;

/**
 * A document's text cut into front matter and body the way Hugo cuts it: after any blank lines, YAML between two
 * lines of {@code ---}, TOML between two lines of {@code +++} (spaces or tabs may follow either), or a JSON object
 * from its opening brace to the brace that closes it. A YAML block may also close with {@code ...}, as YAML allows.
 */
sealed interface FrontMatterSplit {

    /**
     * @param text the front matter, without its delimiter lines (with its braces, for JSON)
     * @param lineOffset the lines of the file before the text's first line
     * @param bodyLineOffset the lines of the file before the body's first line
     */
    record Block(FrontMatterSyntax syntax, String text, int lineOffset, String body, int bodyLineOffset)
            implements FrontMatterSplit {}

    /** No front matter: all of the text is the body, perhaps with something that looks like front matter in it. */
    record NoBlock(String body, Optional<LookAlike> lookAlike) implements FrontMatterSplit {}

    /** Front matter opened on {@code line} and never closed. */
    record Unclosed(FrontMatterSyntax syntax, int line, String hint) implements FrontMatterSplit {}

    /** Text that looks like front matter but is read as the body's text: worth a warning at its line. */
    record LookAlike(int line, String message, String hint) {}

    /** @param text the file's text without its byte order mark, lines ending in {@code \n} */
    static FrontMatterSplit of(String text) {
        int start = 0;
        while (start < text.length() && " \t\n".indexOf(text.charAt(start)) >= 0) start++;
        int line = 1 + newlines(text, 0, start);
        int lineEnd = endOfLine(text, start);
        String first = text.substring(start, lineEnd);
        if (isFence(first, "---")) return fenced(text, FrontMatterSyntax.YAML, line, lineEnd);
        if (isFence(first, "+++")) return fenced(text, FrontMatterSyntax.TOML, line, lineEnd);
        if (first.startsWith("{") && opensJsonObject(text, start)) return json(text, start, line);
        return new NoBlock(text, FrontMatterLookAlikes.find(text, start, line));
    }

    /** A delimiter line: the three characters, then nothing but spaces or tabs. */
    static boolean isFence(String line, String fence) {
        return line.startsWith(fence) && line.substring(fence.length()).isBlank();
    }

    private static FrontMatterSplit fenced(String text, FrontMatterSyntax syntax, int openingLine, int openingEnd) {
        int pos = openingEnd + 1;
        int line = openingLine + 1;
        while (pos <= text.length()) {
            int end = endOfLine(text, pos);
            String candidate = text.substring(pos, end);
            if (isFence(candidate, syntax.opening()) || (syntax == FrontMatterSyntax.YAML && isFence(candidate, "..."))) {
                // A file that ends on its closing line has no body, and no line after the front matter.
                boolean bodyFollows = end < text.length();
                return new Block(syntax, text.substring(openingEnd + 1, pos), openingLine,
                        bodyFollows ? text.substring(end + 1) : "", bodyFollows ? line : line - 1);
            }
            pos = end + 1;
            line++;
        }
        return new Unclosed(syntax, openingLine, closingHint(text, syntax, openingEnd));
    }

    /** Says which line was meant to close the front matter, when one nearly does. */
    private static String closingHint(String text, FrontMatterSyntax syntax, int from) {
        String other = syntax == FrontMatterSyntax.YAML ? "+++" : "---";
        int line = 1 + newlines(text, 0, from);
        for (int pos = from + 1; pos < text.length(); pos = endOfLine(text, pos) + 1) {
            line++;
            if (isFence(text.substring(pos, endOfLine(text, pos)), other)) {
                return "line " + line + " closes it with " + other + ": use " + syntax.opening() + " on both lines";
            }
        }
        return "add a line with only " + syntax.opening() + " after the last field";
    }

    /** Hugo takes any '{' as JSON; Agora only one that opens an object, so a page may start with {{< shortcode >}}. */
    private static boolean opensJsonObject(String text, int brace) {
        for (int i = brace + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) return c == '"' || c == '}';
        }
        return false;
    }

    private static FrontMatterSplit json(String text, int start, int line) {
        int end = closingBrace(text, start);
        if (end < 0) {
            return new Unclosed(FrontMatterSyntax.JSON, line, "end the object with the } that matches the { of line "
                    + line + ", then start the text on the next line");
        }
        int bodyStart = end + 1;
        int lineEnd = endOfLine(text, bodyStart);
        // The rest of the closing brace's line, when blank, is not part of the body.
        if (text.substring(bodyStart, lineEnd).isBlank()) bodyStart = Math.min(lineEnd + 1, text.length());
        return new Block(FrontMatterSyntax.JSON, text.substring(start, end + 1), line - 1, text.substring(bodyStart),
                newlines(text, 0, bodyStart));
    }

    /** The index of the brace that closes the one at {@code start}, counting braces outside strings, as Hugo does. */
    private static int closingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '{') {
                depth++;
            } else if (!inString && c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static int endOfLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }
}
