package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds one language's Lucene index in the build cache. Documents arrive from the render threads as
 * they are rendered; a document whose fingerprint is already in the cached index is not analysed again.
 * The finished index has one segment sorted newest first, so document numbers are the same whatever order
 * documents arrived in: the exported files, and so the whole output, stay byte-identical across builds.
 */
public final class IndexBuilder implements AutoCloseable {

    /** Changes whenever what is indexed or how changes, so an old cache is rebuilt instead of reused. */
    static final String FORMAT = "agora-search-4 lucene-" + Version.LATEST;
    /**
     * Marks the fingerprint of a document whose attachment could not be read: it never equals a computed one,
     * so the next build analyses the document again and reports the problem again until the file is fixed.
     */
    private static final String INCOMPLETE = " incomplete";
    private static final String KEY_FILE = "agora-index-key";

    private final String language;
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final Map<String, String> cachedFingerprints;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** Path → fingerprint of every document of this build: what the finished index holds. */
    private final Map<String, String> contents = new ConcurrentHashMap<>();
    private final AtomicInteger analysed = new AtomicInteger();

    private IndexBuilder(String language, Path dir, Directory directory, IndexWriter writer, Map<String, String> cached) {
        this.language = language;
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.cachedFingerprints = cached;
    }

    /** Opens the cached index in {@code dir}, or starts a new one when there is none or it was made differently. */
    public static IndexBuilder open(String language, Path dir) throws IOException {
        Files.createDirectories(dir);
        String key = FORMAT + " " + language;
        Path keyFile = dir.resolve(KEY_FILE);
        boolean reuse = Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key);
        Directory directory = FSDirectory.open(dir);
        Map<String, String> cached = reuse && DirectoryReader.indexExists(directory) ? fingerprints(directory) : Map.of();
        IndexWriterConfig config = new IndexWriterConfig(analyzer(language))
                .setOpenMode(cached.isEmpty() ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(new Sort(sortDate(), new SortField(SearchFields.PATH, SortField.Type.STRING)))
                .setRAMBufferSizeMB(48)
                .setCommitOnClose(false);
        IndexWriter writer = new IndexWriter(directory, config);
        return new IndexBuilder(language, dir, directory, writer, cached);
    }

    private static SortField sortDate() {
        SortField f = new SortField(SearchFields.SORT_DATE, SortField.Type.LONG, true);
        f.setMissingValue(Long.MIN_VALUE);
        return f;
    }

    /** Whether {@code dir} holds an index finished by this version of Agora for this language. */
    public static boolean isCurrent(Path dir, String language) {
        try {
            Path key = dir.resolve(KEY_FILE);
            return Files.isRegularFile(key) && Files.readString(key).equals(FORMAT + " " + language);
        } catch (IOException e) {
            return false;
        }
    }

    /** When the index in {@code dir} was last finished. */
    public static java.nio.file.attribute.FileTime finishedAt(Path dir) throws IOException {
        return Files.getLastModifiedTime(dir.resolve(KEY_FILE));
    }

    static Analyzer analyzer(String language) {
        return new PerFieldAnalyzerWrapper(Analyzers.forLanguage(language, Analyzers.Mode.FULL), Map.of(
                SearchFields.WORDS, Analyzers.forLanguage(language, Analyzers.Mode.SURFACE, Analyzers.Parts.IDENTIFIERS_AND_COMPOUNDS),
                SearchFields.PARTS.name(), Analyzers.forLanguage(language, Analyzers.Mode.FULL, Analyzers.Parts.PARTS_ONLY)));
    }

    /** Adds or replaces a document; safe to call from several threads. */
    public void add(SearchDocument doc) {
        String fingerprint = fingerprint(doc);
        seen.add(doc.path());
        contents.put(doc.path(), fingerprint);
        if (fingerprint.equals(cachedFingerprints.get(doc.path()))) return;
        List<AttachmentText> attachments = new ArrayList<>();
        boolean complete = true;
        for (SearchAttachment a : doc.attachments()) {
            Optional<String> text = a.text().get();
            if (text.isEmpty()) complete = false;
            else if (!text.get().isBlank()) attachments.add(new AttachmentText(a.title(), a.url(), text.get()));
        }
        try {
            writer.updateDocument(new Term(SearchFields.PATH, doc.path()),
                    toLucene(doc, attachments, complete ? fingerprint : fingerprint + INCOMPLETE));
            analysed.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes documents that are gone, merges into one segment and commits.
     * @return the number of documents analysed in this build (the others came from the cache)
     */
    public int finish() throws IOException {
        boolean changed = analysed.get() > 0 | removeGone();
        if (changed || cachedFingerprints.isEmpty()) {
            writer.forceMerge(1);
            writer.commit();
        }
        // Written only now: a build that fails half-way leaves no key that vouches for a rolled-back index.
        Files.writeString(dir.resolve(KEY_FILE), FORMAT + " " + language);
        return analysed.get();
    }

    private boolean goneRemoved;

    /** Deletes the cached documents this build did not see; true when there were any. */
    private boolean removeGone() throws IOException {
        if (goneRemoved) return removedAny;
        goneRemoved = true;
        for (String path : cachedFingerprints.keySet()) {
            if (!seen.contains(path)) {
                writer.deleteDocuments(new Term(SearchFields.PATH, path));
                removedAny = true;
            }
        }
        return removedAny;
    }

    private boolean removedAny;

    /**
     * A reader of the index as it will be exported, once every document was added: gone documents removed
     * and merged into one segment, so that term statistics do not depend on what the cache held.
     */
    public DirectoryReader settledReader() throws IOException {
        removeGone();
        writer.forceMerge(1);
        return DirectoryReader.open(writer);
    }

    public String language() { return language; }

    /**
     * A digest of what the finished index holds (every document's path and fingerprint), the same whatever
     * the cache held before: what is computed from the settled index can be kept under it.
     */
    public String contentDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + " " + language).getBytes(StandardCharsets.UTF_8));
            for (var e : new TreeMap<>(contents).entrySet()) {
                sha.update((e.getKey() + "\u0000" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() { return dir; }

    public Directory directory() { return directory; }

    @Override
    public void close() throws IOException {
        writer.rollback(); // finish() committed what is kept; anything else is dropped
        directory.close();
    }

    private static final FieldType WORDS_TYPE = wordsType();

    private static FieldType wordsType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    private record AttachmentText(String title, String url, String text) {}

    private static Document toLucene(SearchDocument doc, List<AttachmentText> attachments, String fingerprint) {
        Document d = new Document();
        d.add(new StringField(SearchFields.PATH, doc.path(), Field.Store.YES));
        d.add(new SortedDocValuesField(SearchFields.PATH, new BytesRef(doc.path())));
        d.add(new BinaryDocValuesField(SearchFields.FINGERPRINT, new BytesRef(fingerprint)));
        d.add(new StoredField(SearchFields.URL, doc.url()));
        d.add(new TextField(SearchFields.TITLE.name(), doc.title(), Field.Store.YES));
        if (!doc.headings().isEmpty()) d.add(new TextField(SearchFields.HEADINGS.name(), doc.headings(), Field.Store.NO));
        if (doc.summary() != null && !doc.summary().isBlank()) {
            d.add(new TextField(SearchFields.SUMMARY.name(), doc.summary(), Field.Store.YES));
        }
        if (!doc.body().isEmpty()) d.add(new TextField(SearchFields.BODY.name(), doc.body(), Field.Store.NO));
        d.add(new StoredField(SearchFields.TEXT_STORED, doc.body()));
        // One value for all attachments: one length for BM25, as the body's.
        StringBuilder attached = new StringBuilder();
        for (AttachmentText a : attachments) {
            d.add(new StoredField(SearchFields.ATTACHMENT_TITLE, a.title()));
            d.add(new StoredField(SearchFields.ATTACHMENT_URL, a.url()));
            d.add(new StoredField(SearchFields.ATTACHMENT_TEXT, a.text()));
            if (!attached.isEmpty()) attached.append('\n');
            attached.append(a.text());
        }
        if (!attached.isEmpty()) d.add(new TextField(SearchFields.ATTACHMENTS.name(), attached.toString(), Field.Store.NO));
        String all = String.join("\n", doc.title(), doc.summary() == null ? "" : doc.summary(), doc.body(), attached);
        d.add(new Field(SearchFields.WORDS, all, WORDS_TYPE));
        d.add(new TextField(SearchFields.PARTS.name(), all, Field.Store.NO));
        if (doc.date() != null) {
            d.add(new StoredField(SearchFields.DATE, doc.date()));
            d.add(new StoredField(SearchFields.DATE_TEXT, doc.dateText()));
        }
        if (doc.sortDate() != Long.MIN_VALUE) d.add(new NumericDocValuesField(SearchFields.SORT_DATE, doc.sortDate()));
        if (doc.translation() != null) d.add(new StoredField(SearchFields.TRANSLATION, doc.translation()));
        for (var e : new TreeMap<>(doc.facets()).entrySet()) {
            for (String value : e.getValue()) {
                d.add(new StringField(e.getKey(), value, Field.Store.YES));
                d.add(new SortedSetDocValuesField(e.getKey(), new BytesRef(value)));
            }
        }
        return d;
    }

    static String fingerprint(SearchDocument doc) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : List.of(doc.path(), doc.language(), doc.url(), doc.title(), doc.headings(),
                    String.valueOf(doc.summary()), doc.body(), String.valueOf(doc.date()), String.valueOf(doc.dateText()),
                    Long.toString(doc.sortDate()), new TreeMap<>(doc.facets()).toString(), String.valueOf(doc.translation()))) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            // The file's digest stands for its text, which is read only when the document is analysed.
            for (SearchAttachment a : doc.attachments()) {
                for (String s : List.of(a.title(), a.url(), a.digest())) {
                    sha.update(s.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fingerprints(Directory directory) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues paths = leaf.reader().getSortedDocValues(SearchFields.PATH);
                BinaryDocValues prints = leaf.reader().getBinaryDocValues(SearchFields.FINGERPRINT);
                if (paths == null || prints == null) continue;
                var live = leaf.reader().getLiveDocs();
                for (int doc = paths.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = paths.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    if (prints.advanceExact(doc)) {
                        out.put(paths.lookupOrd(paths.ordValue()).utf8ToString(), prints.binaryValue().utf8ToString());
                    }
                }
            }
        }
        return out;
    }
}
