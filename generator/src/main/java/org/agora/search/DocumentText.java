package org.agora.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.stream.Collectors;

/**
 * The text of a rendered document body, read from its HTML with jsoup, so that search sees what the
 * reader sees (link texts, table cells, cleaned raw HTML) and nothing the reader does not (markup, URLs).
 */
public final class DocumentText {

    /** @param headings one heading per line; @param body the text, one block (paragraph, item, cell) per line */
    public record Text(String headings, String body) {}

    private DocumentText() {}

    public static Text of(String bodyHtml) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        // Footnote back-links and the "(in English)" markers are navigation, not content.
        doc.select("a.footnote-backref, .fallback-marker, script, style, template").remove();
        String headings = doc.select("h1, h2, h3, h4, h5, h6").stream().map(Element::text)
                .filter(t -> !t.isBlank()).collect(Collectors.joining("\n"));
        StringBuilder body = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String s = text.text();
                    if (!s.isBlank()) {
                        boolean needsSpace = !body.isEmpty() && !Character.isWhitespace(body.charAt(body.length() - 1))
                                && Character.isWhitespace(s.charAt(0));
                        if (needsSpace) body.append(' ');
                        body.append(s.strip());
                        if (Character.isWhitespace(s.charAt(s.length() - 1))) body.append(' ');
                    }
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br") || e.nameIs("td") || e.nameIs("th"))) {
                    newline(body);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.nameIs("td") || e.nameIs("th"))) newline(body);
            }
        });
        String text = body.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        return new Text(headings, text);
    }

    private static void newline(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        if (end > 0 && sb.charAt(end - 1) != '\n') sb.append('\n');
    }
}
