package org.agora.content;

import org.agora.files.Digest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A document's Markdown body as the build keeps it between reading the file and rendering it: deflated, since
 * 100,000 documents' bodies as strings took over a GB, most of a build's memory, and known by a digest, so
 * that the build cache finds a rendered document without making the body again.
 */
public final class Body {

    /** Shorter bodies are kept as they are: deflating them saves little. */
    private static final int DEFLATE_FROM = 512;

    private final byte[] stored;
    private final int length;
    private final boolean deflated;
    private final String digest;
    private final boolean callsShortcodes;

    private Body(byte[] stored, int length, boolean deflated, String digest, boolean callsShortcodes) {
        this.stored = stored;
        this.length = length;
        this.deflated = deflated;
        this.digest = digest;
        this.callsShortcodes = callsShortcodes;
    }

    public static Body of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String digest = Digest.start().add(utf8).hex();
        boolean shortcodes = text.contains("{{");
        if (utf8.length < DEFLATE_FROM) return new Body(utf8, utf8.length, false, digest, shortcodes);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 2 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
            return new Body(out.toByteArray(), utf8.length, true, digest, shortcodes);
        } finally {
            deflater.end();
        }
    }

    /** The Markdown, made again from what is kept. */
    public String text() {
        if (!deflated) return new String(stored, StandardCharsets.UTF_8);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            byte[] utf8 = new byte[length];
            int n = 0;
            while (n < length) {
                int got = inflater.inflate(utf8, n, length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) break;
                n += got;
            }
            if (n != length) throw new IllegalStateException("a kept body came back shorter");
            return new String(utf8, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept body cannot be read", e);
        } finally {
            inflater.end();
        }
    }

    /** Whether the body has {@code {{}, the start of a shortcode call (or of text that looks like one). */
    public boolean callsShortcodes() { return callsShortcodes; }

    /** SHA-256 of the body's UTF-8 bytes: equal bodies, equal digests. */
    public String digest() { return digest; }

    @Override
    public boolean equals(Object o) { return o instanceof Body b && digest.equals(b.digest); }

    @Override
    public int hashCode() { return digest.hashCode(); }

    @Override
    public String toString() { return text(); }
}
