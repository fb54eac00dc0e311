package org.agora.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The build cache trusts a matching key: pieces must stay apart, however they are buffered. */
class DigestTest {

    @Test
    void piecesAreFramedSoThatTheirBoundariesCount() {
        assertNotEquals(Digest.start().add("ab").add("c").hex(), Digest.start().add("a").add("bc").hex());
        assertNotEquals(Digest.start().add((String) null).hex(), Digest.start().add("").hex());
        assertNotEquals(Digest.start().add("").add("x").hex(), Digest.start().add("x").hex());
        assertEquals(Digest.start().add("été").hex(), Digest.start().add("été".getBytes(StandardCharsets.UTF_8)).hex(),
                "text is its UTF-8 bytes");
    }

    /** Thousands of pieces of every size, ASCII or not, give what SHA-256 over the framed pieces gives. */
    @Test
    void bufferingGivesTheDigestOfTheFramedPieces() throws Exception {
        Random random = new Random(7);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(20_000) : random.nextInt(40);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < length; k++) b.append(random.nextInt(30) == 0 ? 'ü' : (char) ('a' + random.nextInt(26)));
            pieces.add(random.nextInt(50) == 0 ? null : b.toString());
        }
        Digest digest = Digest.start();
        MessageDigest reference = MessageDigest.getInstance("SHA-256");
        for (String piece : pieces) {
            digest.add(piece);
            byte[] bytes = piece == null ? new byte[0] : piece.getBytes(StandardCharsets.UTF_8);
            long n = piece == null ? -1 : bytes.length;
            for (int i = 0; i < 8; i++) reference.update((byte) (n >>> (56 - 8 * i)));
            reference.update(bytes);
        }
        assertEquals(HexFormat.of().formatHex(reference.digest()), digest.hex());
    }

    @org.junit.jupiter.api.Test
    void plainSha256OfBytesAndOfAFileIsTheStandardOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";   // FIPS 180-2, "abc"
        org.junit.jupiter.api.Assertions.assertEquals(abc, Digest.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        org.junit.jupiter.api.Assertions.assertEquals(abc.substring(0, 10), Digest.shortSha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        java.nio.file.Path big = dir.resolve("big.bin");
        byte[] bytes = new byte[200_000];   // more than one block
        new java.util.Random(7).nextBytes(bytes);
        java.nio.file.Files.write(big, bytes);
        org.junit.jupiter.api.Assertions.assertEquals(Digest.sha256(bytes), Digest.sha256(big));
    }

    @org.junit.jupiter.api.Test
    void aTreeIsDeletedDeepestFirstAndAMissingOneIsNoError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path tree = dir.resolve("tree");
        java.nio.file.Files.createDirectories(tree.resolve("a/b/c"));
        java.nio.file.Files.writeString(tree.resolve("a/b/c/f.txt"), "x");
        java.nio.file.Files.writeString(tree.resolve("a/g.txt"), "y");
        FileTrees.delete(tree);
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(tree));
        FileTrees.delete(tree);
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(dir), "only the tree named");
    }
}
