package org.agora.markdown;

import java.util.List;
import java.util.Set;

/**
 * A document's body as safe HTML plus what later stages need from it.
 * @param excerpt the first paragraph as plain text, shortened, for lists when there is no summary
 * @param headingIds ids of every element that a link fragment may target
 * @param links links and images inside the site, for the link check
 */
public record RenderedMarkdown(String html, List<TocEntry> toc, String excerpt, Set<String> headingIds,
                               List<LinkRef> links) {
    public RenderedMarkdown {
        toc = List.copyOf(toc);
        headingIds = Set.copyOf(headingIds);
        links = List.copyOf(links);
    }

    /** The same without the HTML, once the page is written: lists and checks need only the rest. */
    public RenderedMarkdown withoutHtml() { return new RenderedMarkdown("", toc, excerpt, headingIds, links); }

    public static RenderedMarkdown empty() { return new RenderedMarkdown("", List.of(), "", Set.of(), List.of()); }
}
