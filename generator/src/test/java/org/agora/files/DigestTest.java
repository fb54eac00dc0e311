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
}
