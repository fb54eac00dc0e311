package org.agora.search;

import org.agora.testing.TestPaths;
import org.agora.testing.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text of PDF attachments: read with PDFBox, kept within its limits, and every failure a plain sentence,
 * hostile files included.
 */
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

    private static List<List<String>> pages(int count, int linesEach) {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= count; p++) pages.add(Collections.nCopies(linesEach, "page " + p + " of a long report on community radio"));
        return pages;
    }

    private static PdfText.Limits limits(long maxBytes, int maxPages, Duration maxTime) {
        return new PdfText.Limits(maxBytes, maxPages, maxTime);
    }

    @Test
    void theDefaultLimitsReadAnyRealDocument() {
        assertEquals(100L * 1024 * 1024, PdfText.Limits.DEFAULTS.maxBytes());
        assertEquals(2_000, PdfText.Limits.DEFAULTS.maxPages());
        assertEquals(Duration.ofSeconds(30), PdfText.Limits.DEFAULTS.maxTime());
        PdfText.Result r = PdfText.read(TestPaths.repoRoot().resolve("content/files/annual-report-2025.pdf"));
        assertTrue(r.ok(), r::problem);
        assertNull(r.note(), "read in full");
    }

    @Test
    void aFileOverTheSizeLimitIsNotOpened() throws Exception {
        Path file = temp.resolve("big.pdf");
        TestPdfs.write(file, pages(3, 10));
        long size = Files.size(file);
        assertTrue(size > 1_000, "the test file must be larger than the limit below: " + size);

        PdfText.Result r = PdfText.read(file, limits(1_000, 2_000, Duration.ofSeconds(30)));
        assertFalse(r.ok());
        assertEquals("it is " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes, more than the 1,000 bytes"
                + " that search reads of a PDF (export it again with compressed images to make it smaller, or raise limits.pdfBytes in site-config.yml)", r.problem());

        assertTrue(PdfText.read(file, limits(size, 2_000, Duration.ofSeconds(30))).ok(), "a file exactly at the limit is read");
    }

    @Test
    void onlyTheFirstPagesUpToTheLimitAreReadAndTheResultSaysSo() {
        Path file = temp.resolve("pages.pdf");
        TestPdfs.write(file, pages(5, 3));
        PdfText.Result r = PdfText.read(file, limits(PdfText.Limits.MAX_BYTES, 2, Duration.ofSeconds(30)));
        assertTrue(r.ok(), r::problem);
        assertTrue(r.text().contains("page 1 of") && r.text().contains("page 2 of"), r.text());
        assertFalse(r.text().contains("page 3 of"), "later pages are not read: " + r.text());
        assertEquals("it has more than 2 pages: only the first ones were read for search (limits.pdfPages in site-config.yml)", r.note());
        assertNull(r.problem());

        PdfText.Result all = PdfText.read(file, limits(PdfText.Limits.MAX_BYTES, 5, Duration.ofSeconds(30)));
        assertTrue(all.text().contains("page 5 of"), all.text());
        assertNull(all.note(), "exactly the limit: nothing left out");
    }

    @Test
    void aDeadlineStopsTheReadingOfABigDocument() {
        Path file = temp.resolve("slow.pdf");
        TestPdfs.write(file, pages(400, 40));
        PdfText.Result r = PdfText.read(file, limits(PdfText.Limits.MAX_BYTES, 10_000, Duration.ofMillis(5)), Integer.MAX_VALUE);
        assertFalse(r.ok(), "400 pages cannot be read in 5 ms");
        assertEquals("reading it took longer than 5 ms, so it was stopped (the file may be damaged, or built to slow readers down; limits.pdfSeconds in site-config.yml sets the time)",
                r.problem());
    }

    @Test
    void aPageTreeNestedTooDeeplyGivesAProblemNotAStackOverflow() {
        Path shallow = temp.resolve("shallow.pdf");
        TestPdfs.writeDeepPageTree(shallow, 3);
        PdfText.Result ok = PdfText.read(shallow);
        assertTrue(ok.ok() && ok.text().equals("deep"), "the hand-written file is a valid PDF: " + ok);

        Path deep = temp.resolve("deep.pdf");
        TestPdfs.writeDeepPageTree(deep, 100_000);
        PdfText.Result r = PdfText.read(deep);
        assertFalse(r.ok());
        assertEquals("its objects are nested too deeply to be read (the file may be damaged, or built to crash readers)", r.problem());
    }

    @Test
    void garbageBytesGiveAProblem() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(11).nextBytes(noise);
        Path garbage = temp.resolve("garbage.pdf");
        Files.write(garbage, noise);
        PdfText.Result r = PdfText.read(garbage);
        assertFalse(r.ok());
        assertTrue(r.problem().startsWith("it is not a readable PDF ("), r.problem());

        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, noise, 0, header.length);
        Files.write(garbage, noise);
        PdfText.Result withHeader = PdfText.read(garbage);
        assertFalse(withHeader.ok(), "noise after a PDF header has no text: " + withHeader.text());
        assertNotNull(withHeader.problem());
    }

    @Test
    void aTruncatedFileGivesAProblemOrWhatPdfBoxCanRecover() throws Exception {
        Path whole = temp.resolve("whole.pdf");
        TestPdfs.write(whole, pages(6, 10));
        byte[] bytes = Files.readAllBytes(whole);

        Path half = temp.resolve("half.pdf");
        Files.write(half, Arrays.copyOf(bytes, bytes.length / 2));
        PdfText.Result r = PdfText.read(half);
        assertFalse(r.ok());
        assertTrue(r.problem().startsWith("it is not a readable PDF ("), r.problem());

        Path header = temp.resolve("header.pdf");
        Files.write(header, Arrays.copyOf(bytes, 20));
        assertFalse(PdfText.read(header).ok());

        // Without its cross-reference table and trailer, PDFBox finds the objects by scanning the file.
        Path noTrailer = temp.resolve("no-trailer.pdf");
        Files.write(noTrailer, Arrays.copyOf(bytes, bytes.length - 40));
        PdfText.Result repaired = PdfText.read(noTrailer);
        assertTrue(repaired.ok(), repaired::problem);
        assertEquals(PdfText.read(whole).text(), repaired.text());
    }
}
