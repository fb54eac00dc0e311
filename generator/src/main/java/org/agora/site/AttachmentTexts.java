package org.agora.site;

import org.agora.diag.Diagnostics;
import org.agora.search.PdfText;
import org.agora.search.SearchAttachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The PDF attachments of documents, as search indexes them. A file is hashed at most once per build (its
 * digest stands for its text in the document's fingerprint) and read with PDFBox at most once per build, and
 * only when a document that carries it is analysed: a cached build with unchanged files reads none. A file
 * that cannot be read is a warning on the front-matter line of every document analysed with it.
 */
final class AttachmentTexts {

    private final Attachments attachments;
    private final Diagnostics diagnostics;
    private final Map<Path, Once<String>> digests = new ConcurrentHashMap<>();
    private final Map<Path, Once<PdfText.Result>> texts = new ConcurrentHashMap<>();

    private final PdfText.Limits limits;

    AttachmentTexts(Attachments attachments, org.agora.config.Limits limits, Diagnostics diagnostics) {
        this.attachments = attachments;
        this.diagnostics = diagnostics;
        this.limits = new PdfText.Limits(limits.pdfBytes(), (int) Math.min(Integer.MAX_VALUE, limits.pdfPages()),
                java.time.Duration.ofSeconds(limits.pdfSeconds()));
    }

    /** The page's PDF attachments, in the order its front matter lists them. */
    List<SearchAttachment> of(String pagePath) {
        List<SearchAttachment> out = new ArrayList<>();
        for (Attachments.Found a : attachments.found(pagePath)) {
            if (!a.format().equals("PDF")) continue;
            Path file = a.file().file();
            String digest = digests.computeIfAbsent(file, f -> new Once<>(() -> digest(f))).get();
            Once<PdfText.Result> text = texts.computeIfAbsent(file, f -> new Once<>(() -> PdfText.read(f, limits)));
            out.add(new SearchAttachment(a.title(), a.url(), digest, () -> {
                PdfText.Result r = text.get();
                if (r.ok() && r.note() != null) {
                    diagnostics.warning("attachment.partly-searched", a.at(), "only part of attachment '" + a.file().relPath()
                            + "' is searched: " + r.note(), "split the file, or raise the limit named");
                }
                if (r.ok()) return Optional.of(r.text());
                diagnostics.warning(a.at(), "cannot read the text of attachment '" + a.file().relPath() + "': " + r.problem(),
                        "search will not find the words inside it; export the file again as a PDF, without a password");
                return Optional.empty();
            }));
        }
        return out;
    }

    private static String digest(Path file) {
        try {
            return org.agora.files.Digest.sha256(file);
        } catch (IOException e) {
            return "unreadable"; // reading its text fails too, and says why
        }
    }

    /** A value computed once, by the first thread that asks; the others wait for it. */
    private static final class Once<T> {
        private final Supplier<T> compute;
        private T value;

        Once(Supplier<T> compute) { this.compute = compute; }

        synchronized T get() {
            if (value == null) value = compute.get();
            return value;
        }
    }
}
