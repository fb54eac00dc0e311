package org.agora.markdown;

/** A heading of a document, for its table of contents. */
public record TocEntry(int level, String id, String text) {}
