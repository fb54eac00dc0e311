package org.agora.testing;

import org.agora.search.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Small PDFs written by the tests with PDFBox: one page per list of lines, in Helvetica (not embedded, as
 * office tools write standard fonts), with Agora's font mapper, so that PDFBox never scans the system's fonts.
 */
public final class TestPdfs {

    private TestPdfs() {}

    public static void write(Path file, List<List<String>> pages) { write(file, pages, null); }

    /** With a user password: the file cannot be opened without it. */
    public static void writeWithPassword(Path file, List<String> lines, String password) {
        write(file, List.of(lines), password);
    }

    private static void write(Path file, List<List<String>> pages, String password) {
        try (PDDocument doc = new PDDocument()) {
            PdfText.useTextOnlyFonts();
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(font, 11);
                    text.setLeading(14);
                    text.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        text.showText(line);
                        text.newLine();
                    }
                    text.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
