package org.agora.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarkerParagraphTest {

    private static final String DOCUMENT = "---\ntitle: A\n---\n\nFirst paragraph.\n\nLast paragraph.\n";

    @Test
    void theFirstEditAppendsOneParagraphAndKeepsTheDocument() {
        assertEquals(DOCUMENT + "\nPreview benchmark marker: r-1\n", new MarkerParagraph("r-1").applyTo(DOCUMENT));
        // A file without a final newline, or with several, still gets a paragraph of its own.
        assertEquals("Text.\n\nPreview benchmark marker: r-1\n", new MarkerParagraph("r-1").applyTo("Text."));
        assertEquals("Text.\n\nPreview benchmark marker: r-1\n", new MarkerParagraph("r-1").applyTo("Text.\n\n\n"));
    }

    @Test
    void aLaterEditReplacesTheMarkerInsteadOfAddingOne() {
        String once = new MarkerParagraph("r-1").applyTo(DOCUMENT);
        String twice = new MarkerParagraph("r-7").applyTo(once);
        assertEquals(DOCUMENT + "\nPreview benchmark marker: r-7\n", twice);
        assertEquals(twice, new MarkerParagraph("r-7").applyTo(twice));
    }

    @Test
    void aMarkerIsOneWord() {
        assertThrows(IllegalArgumentException.class, () -> new MarkerParagraph("two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> new MarkerParagraph(" "));
    }
}
