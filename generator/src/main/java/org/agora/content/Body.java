package org.agora.content;

import org.agora.files.Digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A document's Markdown body as the build keeps it between reading the file and rendering it, known by a
 * digest so that the build cache finds a rendered document without making the body again.
 * <p>
 * A body read from a file is not kept at all: it is read again from the file when rendered (once per build,
 * and only for documents the build cache does not hold). 100,000 documents' bodies took over a GB as strings
 * and some 800 MB deflated, most of a build's memory, while reading a file the build just read costs little.
 * The digest proves that the file still holds the body its front matter came with; a file saved again while
 * the build runs is an error the next build does not have. Bodies given as text (no file) are kept deflated.
 */
public final class Body {

    /** Shorter bodies are kept as they are: deflating them saves little. */
    private static final int DEFLATE_FROM = 512;

    /** The body's UTF-8 bytes, deflated or not; null when it is read again from {@link #file}. */
    private final byte[] stored;
    private final int length;
    private final boolean deflated;
    private final String digest;
    private final boolean callsShortcodes;
    private final boolean hasText;
    /** The file whose text ends with the body, or null when the body is stored. */
    private final Path file;
    /** The body's length in characters, which it has at the end of its file's text. */
    private final int chars;

    private Body(byte[] stored, int length, boolean deflated, String digest, String text, Path file) {
        this.stored = stored;
        this.length = length;
        this.deflated = deflated;
        this.digest = digest;
        this.callsShortcodes = text.contains("{{");
        this.hasText = hasText(text);
        this.file = file;
        this.chars = text.length();
    }

    /**
     * A body cut from the end of a file's text (after {@link #fileText}), read again from the file when
     * needed; kept as it is when short, since a file read costs more than a few hundred bytes.
     */
    public static Body inFile(String text, Path file) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < DEFLATE_FROM) return kept(text, utf8);
        return new Body(null, utf8.length, false, Digest.start().add(utf8).hex(), text, file);
    }

    /**
     * A file's text as the front matter parser reads it: UTF-8 (malformed input is an error), without a
     * byte order mark, lines ending in {@code \n}.
     */
    public static String fileText(byte[] bytes) throws CharacterCodingException {
        String raw = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return normalized(raw);
    }

    /** Text without a byte order mark, lines ending in {@code \n}. */
    public static String normalized(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Thrown when a body's file no longer holds it: saved again, or gone, while the build ran. */
    public static final class ChangedMeanwhile extends RuntimeException {
        private final Path file;

        ChangedMeanwhile(Path file) {
            super(file + " changed while the build was reading it", null, false, false);
            this.file = file;
        }

        public Path file() { return file; }
    }

    /** A body given as text, kept (deflated when long). */
    public static Body of(String text) {
        return kept(text, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Body kept(String text, byte[] utf8) {
        String digest = Digest.start().add(utf8).hex();
        if (utf8.length < DEFLATE_FROM) return new Body(utf8, utf8.length, false, digest, text, null);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 2 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
            return new Body(out.toByteArray(), utf8.length, true, digest, text, null);
        } finally {
            deflater.end();
        }
    }

    /**
     * The Markdown, made again from what is kept or read again from its file.
     * @throws ChangedMeanwhile when the file no longer ends with this body
     */
    public String text() {
        if (file != null) return readAgain();
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

    private String readAgain() {
        String text;
        try {
            text = fileText(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ChangedMeanwhile(file);
        }
        if (text.length() < chars) throw new ChangedMeanwhile(file);
        String body = text.substring(text.length() - chars);
        if (!Digest.start().add(body.getBytes(StandardCharsets.UTF_8)).hex().equals(digest)) throw new ChangedMeanwhile(file);
        return body;
    }

    /** Whether the body has more than white space and HTML comments. */
    public boolean hasText() { return hasText; }

    private static final java.util.regex.Pattern COMMENTS = java.util.regex.Pattern.compile("(?s)<!--.*?-->");

    private static boolean hasText(String markdown) {
        for (int i = 0; i < markdown.length(); i++) {
            if (!Character.isWhitespace(markdown.charAt(i))) {
                // Text before any comment is text: the whole body is searched only when it opens with one.
                return !markdown.startsWith("<!--", i) || !COMMENTS.matcher(markdown).replaceAll("").isBlank();
            }
        }
        return false;
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
