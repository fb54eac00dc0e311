package org.agora.site;

import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostic;
import org.agora.diag.Severity;
import org.agora.diag.SourcePosition;
import org.agora.files.CacheFolder;
import org.agora.files.Digest;
import org.agora.markdown.LinkRef;
import org.agora.markdown.RenderedMarkdown;
import org.agora.markdown.TocEntry;
import org.agora.search.DocumentText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Rendered documents kept in the build cache ({@code .agora-cache/documents/}), one file per document, named
 * by a key of everything its rendering depends on: the document's body and place, and {@link RenderInputs}.
 * A key that matches is the same input, so the file is the same output: the cache never changes what a build
 * writes, it only skips work. A file that cannot be read is rendered again; files no build of the current
 * content uses are removed after a successful build.
 */
final class DocumentCache {

    /** Changes with the file format below, so files of an older format are never misread. */
    private static final int FORMAT = 2;

    private final CacheFolder files;
    private final String places;
    private final String cards;

    private DocumentCache(CacheFolder files, String places, String cards) {
        this.files = files;
        this.places = places;
        this.cards = cards;
    }

    /**
     * @param places {@link RenderInputs#markdown}, the key's part shared by every document
     * @param cards {@link RenderInputs#cards}, part of the key of documents that call shortcodes
     */
    static DocumentCache in(Path cacheDir, boolean writable, String places, String cards) {
        return new DocumentCache(new CacheFolder(cacheDir.resolve("documents"), ".bin", writable), places, cards);
    }

    /**
     * The document as an earlier build rendered it from the same inputs, if the cache has it.
     * @param withSearchText false when the build does not index (the preview's builds after a save): the
     *                       search text, the largest part, is then not read, and is empty
     */
    Optional<RenderedDocument> get(String key, boolean withSearchText) {
        Optional<byte[]> bytes = files.read(key);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            return Optional.of(read(bytes.get(), withSearchText));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // damaged or of another format: rendered again
        }
    }

    /**
     * Keeps a rendered document for this build's pages and the next build.
     * @return whether it is kept (not by a check, nor on a full disk)
     */
    boolean put(String key, RenderedDocument rendered) {
        try {
            return files.write(key, bytesOf(rendered));
        } catch (IOException e) {
            throw new UncheckedIOException("written to memory, so never failing", e);
        }
    }

    /** The deflated HTML of the document kept under {@code key}, read again for its page. */
    Optional<byte[]> html(String key) {
        Optional<byte[]> bytes = files.read(key);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            DataInputStream head = new DataInputStream(new ByteArrayInputStream(bytes.get()));
            if (head.readInt() != FORMAT) return Optional.empty();
            byte[] html = new byte[head.readInt()];
            head.readFully(html);
            return Optional.of(html);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the files of documents this build did not ask for: edited, moved or deleted since. */
    void sweep() { files.sweep(); }

    /** What the document's rendering depends on, as a key. */
    String keyOf(ParsedDocument doc) {
        Digest key = Digest.start().add(places).add(doc.source().relPath()).add(doc.bodyLineOffset()).add(doc.markdown().digest());
        // A shortcode may show the document's own front matter and other pages' titles: only then are they inputs.
        if (doc.markdown().callsShortcodes()) key.add(cards).add(RenderInputs.frontMatter(doc.frontMatter()));
        return key.hex();
    }

    /**
     * The format, then the page's HTML as the build keeps it (already deflated: compressed once), then the rest
     * deflated: excerpt, contents, anchors, links, problems and, last so that it can be left unread, search text.
     */
    private static byte[] bytesOf(RenderedDocument r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(r.html().length * 2 + 1024);
        DataOutputStream head = new DataOutputStream(bytes);
        head.writeInt(FORMAT);
        head.writeInt(r.html().length);
        head.write(r.html());
        head.flush();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            writeRest(out, r);
        } finally {
            deflater.end();   // a Deflater given to the stream is not ended by it
        }
        return bytes.toByteArray();
    }

    private static void writeRest(DataOutputStream out, RenderedDocument r) throws IOException {
        RenderedMarkdown t = r.text();
        text(out, t.excerpt());
        out.writeInt(t.toc().size());
        for (TocEntry e : t.toc()) {
            out.writeInt(e.level());
            text(out, e.id());
            text(out, e.text());
        }
        out.writeInt(t.headingIds().size());
        for (String id : t.headingIds().stream().sorted().toList()) text(out, id);
        out.writeInt(t.links().size());
        for (LinkRef l : t.links()) {
            position(out, l.position());
            text(out, l.sitePath());
            text(out, l.fragment());
            text(out, l.written());
            out.writeBoolean(l.image());
        }
        out.writeInt(r.problems().size());
        for (Diagnostic d : r.problems()) {
            out.writeInt(d.severity().ordinal());
            position(out, d.position());
            text(out, d.message());
            text(out, d.hint());
            text(out, d.code());
        }
        text(out, r.searchText().headings());
        text(out, r.searchText().body());
    }

    private static RenderedDocument read(byte[] bytes, boolean withSearchText) throws IOException {
        ByteArrayInputStream all = new ByteArrayInputStream(bytes);
        DataInputStream head = new DataInputStream(all);
        if (head.readInt() != FORMAT) throw new IOException("another format");
        byte[] html = new byte[head.readInt()];
        head.readFully(html);
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(all))) {
            return readRest(in, html, withSearchText);
        }
    }

    private static RenderedDocument readRest(DataInputStream in, byte[] html, boolean withSearchText) throws IOException {
        String excerpt = text(in);
        List<TocEntry> toc = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) toc.add(new TocEntry(in.readInt(), text(in), text(in)));
        Set<String> ids = new LinkedHashSet<>();
        for (int i = in.readInt(); i > 0; i--) ids.add(text(in));
        List<LinkRef> links = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            links.add(new LinkRef(position(in), text(in), text(in), text(in), in.readBoolean()));
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            Severity severity = Severity.values()[in.readInt()];
            problems.add(new Diagnostic(severity, position(in), text(in), text(in), text(in)));
        }
        DocumentText.Text searchText = withSearchText ? new DocumentText.Text(text(in), text(in)) : new DocumentText.Text("", "");
        return new RenderedDocument(new RenderedMarkdown("", toc, excerpt, ids, links), html, searchText, problems);
    }

    private static void position(DataOutputStream out, SourcePosition p) throws IOException {
        text(out, p.file() == null ? null : p.file().toString());
        out.writeInt(p.line());
        out.writeInt(p.column());
    }

    private static SourcePosition position(DataInputStream in) throws IOException {
        String file = text(in);
        return new SourcePosition(file == null ? null : Path.of(file), in.readInt(), in.readInt());
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
