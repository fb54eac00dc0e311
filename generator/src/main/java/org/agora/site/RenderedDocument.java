package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.markdown.RenderedMarkdown;
import org.agora.search.DocumentText;

import java.util.List;

/**
 * What rendering a document's Markdown gives the rest of the build, and what the build cache keeps of it.
 * @param text the rendered Markdown without its HTML (lists show its excerpt, the link check its links)
 * @param html the body's HTML, deflated: it waits for the document's page, which is written once related
 *             documents are known
 * @param searchText the text search indexes, read from the HTML once
 * @param problems what rendering reported about the document, reported again when the result is reused
 */
record RenderedDocument(RenderedMarkdown text, byte[] html, DocumentText.Text searchText, List<Diagnostic> problems) {

    RenderedDocument {
        problems = List.copyOf(problems);
    }
}
