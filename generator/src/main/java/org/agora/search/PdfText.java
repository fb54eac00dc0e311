package org.agora.search;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of a PDF file, read with Apache PDFBox for search: one line per line of text, at most
 * {@value #MAX_CHARS} characters (about 15,000 words, 40 pages of a report; the rest of a longer document
 * is not searched), read page by page so that a long document stops being read at the limit.
 *
 * <p>Attachments come from whoever can commit to the site, so a file may be damaged or built to hurt the
 * reader: {@link Limits} bounds its size, its pages and the time spent on it, and whatever PDFBox throws,
 * down to a stack overflow, becomes a {@link Result} that says why.
 */
public final class PdfText {

    /** The most text kept of one file: it is indexed, and sent to a reader's browser for an excerpt. */
    public static final int MAX_CHARS = 100_000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    /**
     * PDFBox keeps the streams it creates in this cache (reading text creates few): a few megabytes on the
     * heap, then a temporary file, removed when the document is closed. The streams it decodes to read a
     * page stay on the heap whatever the cache; {@link Extraction} drops glyphs beyond the text kept.
     */
    private static final RandomAccessStreamCache.StreamCacheCreateFunction STREAM_CACHE =
            MemoryUsageSetting.setupMixed(4L * 1024 * 1024).streamCache;

    /**
     * How much of one file is read. The defaults read any real report or book, and stop a crafted file
     * before it costs the build more than half a minute.
     *
     * @param maxBytes a larger file is not opened at all
     * @param maxPages pages after these are not read (the text of the first ones is kept)
     * @param maxTime reading (opening included) stops after this long, and the file is not searched
     */
    public record Limits(long maxBytes, int maxPages, Duration maxTime) {
        public static final long MAX_BYTES = 100L * 1024 * 1024;
        public static final int MAX_PAGES = 2_000;
        public static final Duration MAX_TIME = Duration.ofSeconds(30);
        public static final Limits DEFAULTS = new Limits(MAX_BYTES, MAX_PAGES, MAX_TIME);

        public Limits {
            if (maxBytes <= 0 || maxPages <= 0 || maxTime.isNegative() || maxTime.isZero()) {
                throw new IllegalArgumentException("PDF limits must be positive: " + maxBytes + " bytes, "
                        + maxPages + " pages, " + maxTime);
            }
        }
    }

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

    /**
     * What was read of a file.
     *
     * @param text the text, or null when the file could not be read
     * @param note when the text is only part of the file's because a limit was reached, which one; else null
     * @param problem why there is no text, for the editor; null when there is
     */
    public record Result(String text, String note, String problem) {
        static Result of(String text) { return new Result(text, null, null); }

        static Result partial(String text, String note) { return new Result(text, note, null); }

        static Result failed(String problem) { return new Result(null, null, problem); }

        /** True when there is text to index, all of the file's or, with a {@link #note}, its first pages'. */
        public boolean ok() { return text != null; }
    }

    private PdfText() {}

    /** Reads a file's text within the default limits; a damaged, encrypted, oversized or hostile file gives a problem, never an exception. */
    public static Result read(Path file) {
        return read(file, Limits.DEFAULTS);
    }

    public static Result read(Path file, Limits limits) {
        return read(file, limits, MAX_CHARS);
    }

    static Result read(Path file, int maxChars) {
        return read(file, Limits.DEFAULTS, maxChars);
    }

    static Result read(Path file, Limits limits, int maxChars) {
        Deadline deadline = Deadline.after(limits.maxTime());
        try {
            Fonts.installed();
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                return Result.failed("it is " + bytes(size) + ", more than the " + bytes(limits.maxBytes())
                        + " that search reads of a PDF (export it again with compressed images to make it smaller,"
                        + " or raise limits.pdfBytes in site-config.yml)");
            }
            try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null, STREAM_CACHE)) {
                deadline.check();
                Extraction extraction = new Extraction(deadline, limits.maxPages(), maxChars);
                String text = cut(clean(extraction.text(pdf)), maxChars);
                return extraction.pagesLeftOut()
                        ? Result.partial(text, "it has more than " + String.format(Locale.ROOT, "%,d", limits.maxPages())
                                + " pages: only the first ones were read for search (limits.pdfPages in site-config.yml)")
                        : Result.of(text);
            }
        } catch (Deadline.Passed e) {
            return Result.failed("reading it took longer than " + seconds(limits.maxTime())
                    + ", so it was stopped (the file may be damaged, or built to slow readers down; limits.pdfSeconds"
                    + " in site-config.yml sets the time)");
        } catch (InvalidPasswordException e) {
            return Result.failed("it is protected by a password");
        } catch (IOException e) {
            return Result.failed("it is not a readable PDF (" + message(e) + ")");
        } catch (StackOverflowError e) {
            return Result.failed("its objects are nested too deeply to be read (the file may be damaged, or built to crash readers)");
        } catch (OutOfMemoryError e) {
            // Catching this is safe here only because everything PDFBox allocated belongs to this one file
            // and became garbage when the stack unwound to here: the memory is free again for the build.
            return Result.failed("reading it needed more memory than Java has (the file may be damaged, or built to exhaust memory)");
        } catch (VirtualMachineError e) {
            throw e; // an internal error of the JVM itself: nothing about this file
        } catch (RuntimeException | Error e) {
            // PDFBox meets damaged files with all sorts of runtime exceptions; none of them may stop the build.
            return Result.failed("PDFBox could not read it (" + message(e) + ")");
        }
    }

    /**
     * PDFBox's text stripper, made to stop: at the page limit, once the text kept is read, and at the
     * deadline, checked between pages and at every operator and glyph of a page, so that a page whose
     * content never ends is stopped too. (PDFTextStripper's own page loop walks every page of the document
     * whatever its page range, with nowhere to stop it.)
     */
    private static final class Extraction extends PDFTextStripper {
        private final Deadline deadline;
        private final int maxPages;
        private final int maxChars;
        private final StringWriter out = new StringWriter();
        private int pagesRead;
        private boolean pagesLeftOut;
        private int glyphsOnPage;

        Extraction(Deadline deadline, int maxPages, int maxChars) {
            this.deadline = deadline;
            this.maxPages = maxPages;
            this.maxChars = maxChars;
            setLineSeparator("\n"); // the same text, and so the same index, on every system
            setPageEnd("\n");
        }

        String text(PDDocument pdf) throws IOException {
            writeText(pdf, out);
            return out.toString();
        }

        boolean pagesLeftOut() { return pagesLeftOut; }

        @Override
        protected void processPages(PDPageTree pages) throws IOException {
            for (PDPage page : pages) {
                deadline.check();
                if (out.getBuffer().length() >= maxChars) return;
                if (pagesRead == maxPages) {
                    pagesLeftOut = true;
                    return;
                }
                pagesRead++;
                if (page.hasContents()) processPage(page);
            }
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            glyphsOnPage = 0;
            super.startPage(page);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            deadline.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            deadline.check();
            // A crafted page can show millions of glyphs, which PDFBox would all hold until the page ends:
            // those beyond the text kept are dropped as they come.
            if (glyphsOnPage++ < maxChars) super.processTextPosition(glyph);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            deadline.check();
            super.writeString(text, positions);
        }
    }

    /** A moment after which reading stops: checked by the reading thread itself, so no thread is left behind. */
    private record Deadline(long nanos) {
        static Deadline after(Duration time) {
            return new Deadline(System.nanoTime() + time.toNanos());
        }

        void check() {
            if (System.nanoTime() - nanos > 0) throw new Passed();
        }

        /** Unchecked, so that PDFBox, which forgives some IOExceptions of a page's operators, passes it on. */
        static final class Passed extends RuntimeException {
            Passed() {
                super(null, null, false, false);
            }
        }
    }

    private static String bytes(long n) {
        return n < 1024 * 1024 ? String.format(Locale.ROOT, "%,d bytes", n)
                : String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024)).replace(".0 MB", " MB");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String message(Throwable e) {
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
