package org.agora.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest fed piece by piece. Every piece is framed by its length, so that "ab"+"c" and "a"+"bc"
 * never give the same key: a cache keyed by it can trust a match.
 */
public final class Digest {

    private final MessageDigest sha;
    /**
     * Pieces gather here and reach the digest a few KB at a time: a page's key is thousands of short pieces,
     * and a call into the digest per piece cost more than hashing their bytes.
     */
    private final byte[] buffer = new byte[8192];
    private int used;

    private Digest() { sha = sha(); }

    public static Digest start() { return new Digest(); }

    public Digest add(String text) {
        if (text == null) return add(new byte[0], true);
        int n = text.length();
        if (n <= 1024) {
            // ASCII, the common case, straight into the buffer; anything else as UTF-8 bytes.
            if (used + 8 + n > buffer.length) flush();
            int at = used + 8;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) return add(text.getBytes(StandardCharsets.UTF_8), false);
                buffer[at + i] = (byte) c;
            }
            length(n);
            used += n;
            return this;
        }
        return add(text.getBytes(StandardCharsets.UTF_8), false);
    }

    public Digest add(long number) { return add(Long.toString(number)); }

    public Digest add(boolean flag) { return add(flag ? "1" : "0"); }

    public Digest add(byte[] bytes) { return add(bytes, false); }

    private Digest add(byte[] bytes, boolean isNull) {
        if (used + 8 > buffer.length) flush();
        length(isNull ? -1 : bytes.length);
        if (used + bytes.length <= buffer.length) {
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        } else {
            flush();
            sha.update(bytes);
        }
        return this;
    }

    /** The piece's length, before it, in the buffer (which has room for it). */
    private void length(long n) {
        for (int i = 0; i < 8; i++) buffer[used + i] = (byte) (n >>> (56 - 8 * i));
        used += 8;
    }

    private void flush() {
        sha.update(buffer, 0, used);
        used = 0;
    }

    /** The plain SHA-256 of some bytes (not framed), as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) { return HexFormat.of().formatHex(sha().digest(bytes)); }

    /** The first ten hex digits of {@link #sha256}: enough to tell the versions of one file apart in its name. */
    public static String shortSha256(byte[] bytes) { return sha256(bytes).substring(0, 10); }

    /** The plain SHA-256 of a file's bytes, read a block at a time. */
    public static String sha256(java.nio.file.Path file) throws java.io.IOException {
        MessageDigest sha = sha();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] block = new byte[64 * 1024];
            for (int n = in.read(block); n >= 0; n = in.read(block)) sha.update(block, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The digest as 64 lower-case hex digits; the digest cannot be fed after this. */
    public String hex() {
        flush();
        return HexFormat.of().formatHex(sha.digest());
    }
}
