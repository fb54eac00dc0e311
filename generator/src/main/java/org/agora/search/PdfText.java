package org.agora.search;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of a PDF file, read with Apache PDFBox for search: one line per line of text, at most
 * {@value #MAX_CHARS} characters (about 15,000 words, 40 pages of a report; the rest of a longer document
 * is not searched), read page by page so that a long document stops being read at the limit.
 */
public final class PdfText {

    /** The most text kept of one file: it is indexed, and sent to a reader's browser for an excerpt. */
    public static final int MAX_CHARS = 100_000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    /**
     * PDFBox looks for a system font to stand in for every font a PDF names without embedding it. Its
     * default mapper scans all the system's fonts on first use (seconds) and writes ~/.pdfbox.cache;
     * reading text needs neither the shapes nor the files, so none are looked for. PDFBox keeps its mapper
     * in a global: it is set once, by the first reader.
     */
    private static final class Fonts {
        static {
            FontMappers.set(new TextOnlyFontMapper());
        }

        static void installed() {}
    }

    /** Sets PDFBox's font mapper to the one {@link #read} uses (for code that writes PDFs with PDFBox: tests). */
    public static void useTextOnlyFonts() { Fonts.installed(); }

    /** @param text the text, or null when the file could not be read; @param problem why, for the editor */
    public record Result(String text, String problem) {
        static Result of(String text) { return new Result(text, null); }

        static Result failed(String problem) { return new Result(null, problem); }

        public boolean ok() { return text != null; }
    }

    private PdfText() {}

    /** Reads a file's text; a damaged, encrypted or unreadable file gives a problem, never an exception. */
    public static Result read(Path file) {
        return read(file, MAX_CHARS);
    }

    static Result read(Path file, int maxChars) {
        Fonts.installed();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n"); // the same text, and so the same index, on every system
            stripper.setPageEnd("\n");
            StringBuilder text = new StringBuilder();
            int pages = pdf.getNumberOfPages();
            for (int page = 1; page <= pages && text.length() < maxChars; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                text.append(stripper.getText(pdf));
            }
            return Result.of(cut(clean(text), maxChars));
        } catch (InvalidPasswordException e) {
            return Result.failed("it is protected by a password");
        } catch (IOException e) {
            return Result.failed("it is not a readable PDF (" + message(e) + ")");
        } catch (RuntimeException e) {
            // PDFBox meets damaged files with all sorts of runtime exceptions; none of them may stop the build.
            return Result.failed("PDFBox could not read it (" + message(e) + ")");
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }

    private static String clean(CharSequence text) {
        return CONTROL.matcher(text).replaceAll(" ").lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /** At most {@code max} characters, cut at a space or line end when there is one in the last tenth. */
    private static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = max;
        if (Character.isLowSurrogate(text.charAt(end))) end--;
        int space = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end));
        if (space > max - max / 10) end = space;
        return text.substring(0, end).strip();
    }

    /**
     * Stands in for every font that a PDF does not embed. For text, PDFBox needs a font's widths only when
     * the PDF gives none (the standard fonts have theirs built in), so a blank font with an average width
     * does for Type 1 fonts; TrueType and CID fonts must be real font files: PDFBox's own Liberation Sans,
     * read once, when a PDF first needs it.
     */
    private static final class TextOnlyFontMapper implements FontMapper {
        private static final FontBoxFont BLANK = new FontBoxFont() {
            @Override public String getName() { return "AgoraTextOnly"; }
            @Override public BoundingBox getFontBBox() { return new BoundingBox(0, -200, 1000, 800); }
            @Override public List<Number> getFontMatrix() { return List.of(0.001f, 0f, 0f, 0.001f, 0f, 0f); }
            @Override public GeneralPath getPath(String name) { return new GeneralPath(); }
            @Override public float getWidth(String name) { return 500; }
            @Override public boolean hasGlyph(String name) { return false; }
        };

        /** Loaded on first use (class initialisation is thread-safe and happens once). */
        private static final class Liberation {
            static final TrueTypeFont FONT = load();

            private static TrueTypeFont load() {
                try (InputStream in = PDFont.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                    if (in == null) throw new IllegalStateException("PDFBox's Liberation Sans is missing");
                    return new TTFParser().parse(new RandomAccessReadBuffer(in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        // Not marked as fallbacks: PDFBox would log a warning for each, about shapes nobody draws.
        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(BLANK, false);
        }

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(Liberation.FONT, false);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
            return new CIDFontMapping(null, Liberation.FONT, false);
        }
    }
}
