package org.agora.content;

/**
 * A source file split into front matter and Markdown body.
 * @param bodyLineOffset lines before the body, added to body line numbers to get file line numbers
 */
public record ParsedDocument(SourceFile source, FrontMatter frontMatter, String body, int bodyLineOffset) {}
