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
    private final byte[] length = new byte[8];

    private Digest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static Digest start() { return new Digest(); }

    public Digest add(String text) {
        if (text == null) return add(new byte[0], true);
        return add(text.getBytes(StandardCharsets.UTF_8), false);
    }

    public Digest add(long number) { return add(Long.toString(number)); }

    public Digest add(boolean flag) { return add(flag ? "1" : "0"); }

    public Digest add(byte[] bytes) { return add(bytes, false); }

    private Digest add(byte[] bytes, boolean isNull) {
        long n = isNull ? -1 : bytes.length;
        for (int i = 0; i < 8; i++) length[i] = (byte) (n >>> (56 - 8 * i));
        sha.update(length);   // one call: a byte at a time was most of the cost of short pieces
        sha.update(bytes);
        return this;
    }

    /** The digest as 64 lower-case hex digits; the digest cannot be fed after this. */
    public String hex() { return HexFormat.of().formatHex(sha.digest()); }
}
