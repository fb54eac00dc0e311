package org.agora.content;

/**
 * A source file split into front matter and Markdown body.
 * @param markdown the body, kept compactly until it is rendered ({@link #body()} makes the text)
 * @param bodyLineOffset lines before the body, added to body line numbers to get file line numbers
 * @param frontMatterRead false when the front matter could not be read (an error was reported), so later
 *                        stages do not pile follow-on warnings on the same file
 */
public record ParsedDocument(SourceFile source, FrontMatter frontMatter, Body markdown, int bodyLineOffset,
                             boolean frontMatterRead) {

    public ParsedDocument(SourceFile source, FrontMatter frontMatter, String body, int bodyLineOffset) {
        this(source, frontMatter, Body.of(body), bodyLineOffset, true);
    }

    static ParsedDocument unreadable(SourceFile source, FrontMatter frontMatter, String body, int bodyLineOffset) {
        return unreadable(source, frontMatter, Body.of(body), bodyLineOffset);
    }

    static ParsedDocument unreadable(SourceFile source, FrontMatter frontMatter, Body body, int bodyLineOffset) {
        return new ParsedDocument(source, frontMatter, body, bodyLineOffset, false);
    }

    /**
     * The Markdown body's text.
     * @throws Body.ChangedMeanwhile when it is read again from a file saved since
     */
    public String body() { return markdown.text(); }
}
