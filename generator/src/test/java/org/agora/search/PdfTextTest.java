package org.agora.search;

import org.agora.testing.TestPaths;
import org.agora.testing.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text of PDF attachments: read with PDFBox, kept within its limit, and every failure a plain sentence. */
class PdfTextTest {

    @TempDir
    Path temp;

    @Test
    void theBundledReportGivesItsTextLineByLine() {
        PdfText.Result r = PdfText.read(TestPaths.repoRoot().resolve("content/files/annual-report-2025.pdf"));
        assertTrue(r.ok(), r::problem);
        assertTrue(r.text().contains("Members now publish market prices, rainfall records and attendance figures"), r.text());
        assertTrue(r.text().contains("September 2025 for security reasons.\nPage 1 of 2\n6. Gender equality\n"),
                "one line per line, page ends included: " + r.text());
        assertFalse(r.text().contains("\r") || r.text().contains("\n\n") || r.text().contains(" \n"), "lines are clean");
    }

    @Test
    void aLongDocumentIsReadUpToTheLimitAndCutAtASpace() {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= 8; p++) pages.add(Collections.nCopies(30, "page " + p + " of a long report on community radio"));
        Path file = temp.resolve("long.pdf");
        TestPdfs.write(file, pages);
        PdfText.Result whole = PdfText.read(file);
        assertTrue(whole.ok() && whole.text().length() > 10_000 && whole.text().contains("page 8 of"), "all of it under the default limit");
        PdfText.Result cut = PdfText.read(file, 5_000);
        assertTrue(cut.text().length() <= 5_000 && cut.text().length() > 4_500, () -> "cut near the limit: " + cut.text().length());
        assertTrue(whole.text().startsWith(cut.text()) && Character.isWhitespace(whole.text().charAt(cut.text().length())),
                "cut between words");
        assertFalse(cut.text().contains("page 8 of"), "later pages are not read");
    }

    @Test
    void damagedEmptyAndProtectedFilesGiveAProblemNotAnException() throws Exception {
        Path damaged = temp.resolve("damaged.pdf");
        Files.writeString(damaged, "%PDF-1.4\nthis is not really a PDF\n");
        PdfText.Result r = PdfText.read(damaged);
        assertFalse(r.ok());
        assertNull(r.text());
        assertTrue(r.problem().startsWith("it is not a readable PDF ("), r.problem());

        Path empty = temp.resolve("empty.pdf");
        Files.write(empty, new byte[0]);
        assertFalse(PdfText.read(empty).ok());

        Path locked = temp.resolve("locked.pdf");
        TestPdfs.writeWithPassword(locked, List.of("secret minutes"), "s3cret");
        assertEquals("it is protected by a password", PdfText.read(locked).problem());

        assertFalse(PdfText.read(temp.resolve("missing.pdf")).ok());
    }
}
