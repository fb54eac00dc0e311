package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.content.ParsedDocument;
import org.agora.model.Library;
import org.agora.render.ThemeLoader;

import java.util.List;
import java.util.Map;
import org.agora.render.Views;
import java.util.Set;

/**
 * A successful build as the live preview keeps it in memory, so that the next change rebuilds only what
 * it affects ({@link ChangeBuilder}): the parsed sources with the stamps they had, the library linked from
 * them, the theme ready to render, what pages showed of each other, and the files written.
 * It owns the theme loader (a theme inside the generator's jar stays open) until closed.
 * @param sources each Markdown file's stamp and parsed document, by path below content/
 * @param staticFiles each file beside the content's stamp, by its path in the output
 * @param outputs every file of the output, as {@link OutputPlan} listed them
 * @param attachments each document's attachments as its page shows them, by page path
 */
public record SiteSnapshot(BuildOptions options, SiteConfig config, ThemeLoader themes, Rendering rendering,
                           Map<String, Source> sources, Map<String, FileStamp> staticFiles, Library library,
                           PageMemory memory, Set<String> outputs,
                           Map<String, List<Views.AttachmentView>> attachments) implements AutoCloseable {

    /** A Markdown file as it was when it was read. */
    record Source(FileStamp stamp, ParsedDocument document) {}

    @Override
    public void close() { themes.close(); }
}
