package org.agora.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SourceVersionTest {

    private static final String BODY = "First paragraph, with a few words.\n\n## A heading\n\nSecond paragraph\nwrapped over two lines.\n";

    @Test
    void whiteSpaceNeverChangesTheVersion() {
        SourceVersion v = SourceVersion.of("Title", "Summary", BODY);
        String rewrapped = "First paragraph,   with a few\nwords.  \n\n\n## A heading\n \t\nSecond paragraph wrapped\n   over two lines.";
        assertEquals(v.pin(), SourceVersion.of("Title ", " Summary", rewrapped).pin());
        assertEquals(v.pin(), SourceVersion.of("Title", "Summary", BODY.replace("\n", "\r\n")).pin(), "Windows line ends");
        assertEquals(List.of("Title", "Summary", "First paragraph, with a few words.", "## A heading",
                "Second paragraph wrapped over two lines."), v.paragraphs());
    }

    @Test
    void anyChangeOfWordsTitleOrSummaryChangesIt() {
        SourceVersion v = SourceVersion.of("Title", "Summary", BODY);
        assertNotEquals(v.pin(), SourceVersion.of("Title", "Summary", BODY.replace("few", "fwe")).pin());
        assertNotEquals(v.pin(), SourceVersion.of("Title!", "Summary", BODY).pin());
        assertNotEquals(v.pin(), SourceVersion.of("Title", "Summary.", BODY).pin());
        assertNotEquals(v.pin(), SourceVersion.of("Title", "Summary", BODY.replace("\n\n## A", "\n## A")).pin(),
                "joining two paragraphs is a change");
    }

    @Test
    void aPinMatchesItsVersionOnlyAndAtLeastEightCharacters() {
        SourceVersion v = SourceVersion.of("Title", null, BODY);
        assertEquals(SourceVersion.PIN_LENGTH, v.pin().length());
        assertTrue(v.matches(v.pin()));
        assertTrue(v.matches(v.pin().toUpperCase()), "written in capitals by hand");
        assertTrue(v.matches(v.hash()), "the whole hash");
        assertTrue(v.matches(v.pin().substring(0, 8)));
        assertFalse(v.matches(v.pin().substring(0, 7)), "too short to trust");
        assertFalse(v.matches(SourceVersion.of("Other", null, BODY).pin()));
        assertFalse(v.matches(null));
    }
}
