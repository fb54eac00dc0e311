package org.agora.markdown;

import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Markdown past which rendering would crash or crawl, found before it is rendered. flexmark walks its tree
 * recursively: a quote or list nested a few hundred levels deep overflows the stack of a build thread, and so
 * do thousands of nested emphasis or links. Lines are measured so that a single huge line (a pasted file, a
 * data: address) is reported instead of slowing every step that reads lines.
 * Paragraphs are measured too: flexmark's parser takes time that grows with the square of a paragraph's
 * length or lines (95,000 one-character lines took a minute), so a paragraph has a size that no text a person
 * writes comes near (the largest in three real sites' 860 documents has 7,300 characters and 61 lines).
 * @param maxLineLength characters on one line
 * @param maxNesting quotes and list items inside each other, and inline elements inside each other
 * @param maxParagraphLength characters in one paragraph (or table), outside code blocks
 * @param maxParagraphLines lines in one paragraph (or table)
 */
public record MarkdownLimits(long maxLineLength, long maxNesting, long maxParagraphLength, long maxParagraphLines) {

    /** The Markdown limits of a site. */
    public static MarkdownLimits of(org.agora.config.Limits limits) {
        return new MarkdownLimits(limits.lineLength(), limits.nesting(), limits.paragraphLength(), limits.paragraphLines());
    }

    /** A problem found, with its 1-based line in the body (0 when it concerns the whole body). */
    public record Excess(int line, String message, String hint) {}

    /** The first line that is too long, nests containers too deeply or makes a paragraph too long, before parsing. */
    public Optional<Excess> scanLines(String body) {
        Deque<Integer> openItems = new ArrayDeque<>(); // content column of each open list item
        String fence = null;
        int lineNo = 0;
        int start = 0;
        int paragraphStart = 0;
        long paragraphChars = 0;
        long paragraphLines = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            lineNo++;
            int length = end - start;
            if (length > maxLineLength) {
                return Optional.of(new Excess(lineNo, "this line has " + length + " characters, more than "
                        + maxLineLength, "break it into shorter lines, or raise limits.lineLength in site-config.yml"));
            }
            Prefix prefix = containerPrefix(body, start, end, openItems);
            int depth = prefix.depth();
            int contentAt = start + prefix.length();
            if (fence != null) {
                if (startsWith(body, contentAt, end, fence)) fence = null;
            } else if (startsWith(body, contentAt, end, "```") || startsWith(body, contentAt, end, "~~~")) {
                fence = body.substring(contentAt, contentAt + 3);
            }
            if (fence == null && depth > maxNesting) {
                return Optional.of(new Excess(lineNo, "quotes and lists are nested " + depth + " levels deep here, more than " + maxNesting,
                        "nest fewer quotes or lists inside each other, or raise limits.nesting in site-config.yml"));
            }
            boolean blank = blank(body, contentAt, end);
            boolean startsBlock = prefix.startsItem() || startsWith(body, contentAt, end, "#");
            if (fence != null || blank || startsWith(body, contentAt, end, "```") || startsWith(body, contentAt, end, "~~~")) {
                paragraphLines = 0;
            } else {
                if (paragraphLines == 0 || startsBlock) {
                    paragraphStart = lineNo;
                    paragraphChars = 0;
                    paragraphLines = 0;
                }
                paragraphLines++;
                paragraphChars += end - contentAt;
                if (paragraphChars > maxParagraphLength || paragraphLines > maxParagraphLines) {
                    return Optional.of(new Excess(paragraphStart, "the paragraph that starts here has more than " + (paragraphChars > maxParagraphLength ? maxParagraphLength + " characters"
                            : maxParagraphLines + " lines"), "separate it into paragraphs with blank lines, or raise limits."
                            + (paragraphChars > maxParagraphLength ? "paragraphLength" : "paragraphLines") + " in site-config.yml"));
                }
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /**
     * How many containers hold a line, how many characters their markers take at its start, and whether it
     * starts a list item (which starts a paragraph of its own).
     */
    private record Prefix(int depth, int length, boolean startsItem) {}

    /**
     * How many quotes and list items hold this line: its '>' markers and list markers, plus the open list
     * items whose content column the line is indented to. An estimate (lazy continuation lines are not
     * followed), which the tree check after parsing completes.
     */
    private static Prefix containerPrefix(String body, int start, int end, Deque<Integer> openItems) {
        int i = start;
        int column = 0;
        int quotes = 0;
        int markers = 0;
        while (i < end) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t') {
                column += c == ' ' ? 1 : 4 - column % 4;
                i++;
            } else if (c == '>') {
                quotes++;
                column++;
                i++;
            } else {
                int marker = listMarker(body, i, end);
                if (marker == 0) break;
                // A list item outside quotes closes the items it is not indented into, then opens its own.
                if (markers == 0 && quotes == 0) closeItemsBeyond(column, openItems);
                markers++;
                i += marker;
                column += marker;
                if (quotes == 0) openItems.push(column);
            }
        }
        // Text that is not indented into an item ends it; a blank line ends nothing.
        if (i < end && markers == 0 && quotes == 0) closeItemsBeyond(column, openItems);
        int held = quotes == 0 ? Math.max(0, openItems.size() - markers) : 0;
        return new Prefix(quotes + markers + held, i - start, markers > 0);
    }

    private static void closeItemsBeyond(int column, Deque<Integer> openItems) {
        while (!openItems.isEmpty() && openItems.peek() > column) openItems.pop();
    }

    /** Length of a list marker with its following space ("- ", "12. "), or 0. */
    private static int listMarker(String s, int i, int end) {
        char c = s.charAt(i);
        if ((c == '-' || c == '+' || c == '*') && i + 1 < end && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
            return 2;
        }
        int j = i;
        while (j < end && j - i < 9 && Character.isDigit(s.charAt(j))) j++;
        if (j > i && j + 1 < end && (s.charAt(j) == '.' || s.charAt(j) == ')')
                && (s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
            return j + 2 - i;
        }
        return 0;
    }

    /** Whether the line's rest is only spaces: checked in place, for every line of every document. */
    private static boolean blank(String s, int from, int end) {
        for (int i = from; i < end; i++) if (!Character.isWhitespace(s.charAt(i))) return false;
        return true;
    }

    private static boolean startsWith(String s, int from, int end, String prefix) {
        return end - from >= prefix.length() && s.startsWith(prefix, from);
    }

    /**
     * The first node of a parsed tree inside more than the limit of nesting elements, walked without recursion.
     * What counts is what an editor nests: quotes, list items, emphasis, links and images; a list item's list,
     * a paragraph or the text in it are not levels of their own.
     */
    public Optional<Node> tooDeep(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int depth = depths.pop() + (nests(n) ? 1 : 0);
            if (depth > maxNesting) return Optional.of(n);
            for (Node child = n.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth);
            }
        }
        return Optional.empty();
    }

    private static boolean nests(Node n) {
        return n instanceof com.vladsch.flexmark.ast.BlockQuote || n instanceof com.vladsch.flexmark.ast.ListItem
                || n instanceof com.vladsch.flexmark.util.ast.DelimitedNode || n instanceof com.vladsch.flexmark.ast.LinkNode
                || n instanceof com.vladsch.flexmark.ast.RefNode;
    }
}
