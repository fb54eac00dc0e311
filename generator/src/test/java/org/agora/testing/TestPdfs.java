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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * A one-page PDF, written byte by byte, whose page hangs below {@code depth} page-tree nodes, each the
     * only child of the one before: walking the tree recursively, as PDFBox does, overflows the stack.
     * (Nesting arrays or dictionaries inside one object does not: PDFBox stops parsing those at 500 levels.)
     */
    public static void writeDeepPageTree(Path file, int depth) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        for (int level = 0; level < depth; level++) {
            int self = objects.size() + 1;
            objects.add("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1"
                    + (level > 0 ? " /Parent " + (self - 1) + " 0 R" : "") + " >>");
        }
        int page = objects.size() + 1;
        String content = "BT /F1 12 Tf 72 720 Td (deep) Tj ET";
        objects.add("<< /Type /Page /Parent " + (page - 1) + " 0 R /MediaBox [0 0 612 792] /Contents " + (page + 1) + " 0 R >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        writeObjects(file, objects);
    }

    /** A PDF of the given objects (numbered from 1, the first one the catalog) with a correct cross-reference table. */
    private static void writeObjects(Path file, List<String> objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) pdf.append("%010d 00000 n \n".formatted(offset));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        try {
            Files.write(file, pdf.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
