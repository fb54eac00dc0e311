package org.agora.markdown;

import org.agora.diag.SourcePosition;

/**
 * A link or image written in Markdown that points inside the site, kept for the link check.
 * @param sitePath the site path it points to, decoded, without the base path
 * @param fragment the part after '#', or null
 * @param written the link as the editor wrote it
 * @param image true for an image, false for a link
 */
public record LinkRef(SourcePosition position, String sitePath, String fragment, String written, boolean image) {}
