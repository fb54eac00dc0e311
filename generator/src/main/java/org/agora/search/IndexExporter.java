package org.agora.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes one language's Lucene index as the static files the browser runtime reads (format in
 * docs/search-format.md). Nothing a first query needs grows with the number of documents: the
 * manifest holds statistics and tables, and terms are spread over hashed dictionary shards. Every file is
 * gzip-compressed by us, since static hosts do not compress unknown types, and lives in a folder named
 * after the hash of its content, so hosts can cache it forever.
 * <p>
 * What a query reads besides its dictionary shards (the postings and positions of frequent terms, each
 * result's data) is written as gzip members into a bounded number of pack files and read with HTTP Range
 * requests, so the bytes of a query are those of the members it needs while the number of files stays
 * bounded: hosts limit and bill file counts, and uploads slow down with them. Each member's place is
 * found in data the query has already fetched: the dictionary entry for postings and positions, the facet
 * shard (fetched for the facet counts) for result data. A host that ignores Range answers with the whole
 * pack, which the runtime slices: the answer is the same, only bytes grow, so packs are capped
 * ({@link Layout#packBytes}) and a small site keeps one file per result ({@link Layout#dataFilesMax}).
 */
public final class IndexExporter {

    public static final int FORMAT = 4;

    /**
     * The sizes that shape the files.
     * @param termsPerShard terms per dictionary shard: a query fetches one shard per word, so a few KB
     * @param wordsPerShard surface words per shard (prefix search, "did you mean")
     * @param inlinePostingsMax postings larger than this go to a pack, keeping shards small
     * @param packedPositionsMax positions larger than this are a pack member of their own instead of part
     *                           of their shard's positions member
     * @param facetDocsPerShard documents per facet shard
     * @param packBytes the size past which a new pack file starts: bounds the file count (about the bytes
     *                  of postings and positions divided by this) and what a host ignoring Range sends
     * @param dataFilesMax the most result-data files of a language: up to this many documents each result
     *                     keeps a file of its own (no Range needed, as before packs); beyond it results are
     *                     bundled, docCount / dataFilesMax per file, read with Range
     * @param chunkBytes without packs, the largest postings or positions file before compression: larger ones
     *                   are split, so no file grows with the site
     * @param packs whether to write packs at all: off, the files are those of format 2 (a file per frequent
     *              term, per positions pack and per result), which need no Range and cost no byte more per
     *              query on any host; on, the file count stays bounded. {@link #packingFor} says when it pays.
     * @param fragmentTextMax body text kept for excerpts. A result's data is fetched for every result shown,
     *                        so this bounds the bytes of a search (at 10,000 groups, 5,000 characters made a
     *                        later query 31 KB, 4,000 about 27 KB): 4,000 characters (about 650 words) hold the
     *                        words found in most documents; for a word found only further on, the excerpt
     *                        shows the summary or the beginning instead.
     */
    public record Layout(int termsPerShard, int wordsPerShard, int inlinePostingsMax, int packedPositionsMax,
                         int facetDocsPerShard, int packBytes, int dataFilesMax, int chunkBytes, boolean packs,
                         int fragmentTextMax) {
        /** The most result-data files of a language once bundled (then docCount / this documents per file). */
        public static final int DATA_FILES_MAX = 1024;
        public static final Layout DEFAULT = new Layout(64, 1024, 256, 4096, 2048, 512 * 1024, DATA_FILES_MAX, 256 * 1024, true, 4_000);

        /**
         * The most files a site should publish: Cloudflare Pages' 20,000 files per site on its free plan, the
         * strictest limit of the common static hosts (Cloudflare's paid plans: 100,000; GitLab Pages:
         * 200,000; Netlify: 54,000 per folder; GitHub Pages: none, but 1 GB and a 10-minute deploy).
         */
        public static final int FILE_BUDGET = 20_000;

        /**
         * Search files a document costs without packs: its result data, and postings or positions files
         * (measured: 3.5 per document at 1,000 groups, 2.3 at 10,000; dictionary, word and facet shards
         * included). Estimates, so that the choice is made before anything is exported.
         */
        public static final double SEARCH_FILES_PER_DOCUMENT = 2.5;
        /** With postings and positions in packs, a language's dictionary, word and facet shards and packs (500-1,000 at 10,000 groups). */
        public static final int PACKED_FILES_PER_LANGUAGE = 1_000;

        /** What a site's search export packs. */
        public enum Packing {
            /** Format 2's files: a file per result and per frequent term; no Range needed, no byte added. */
            NONE,
            /** Postings and positions in packs, each member located by its dictionary entry: on a host with Range no query fetches a byte more. */
            POSTINGS,
            /** Result data bundled too: the facet shards then carry each document's data length, which a first query fetches. */
            ALL
        }

        /**
         * The most files a site may publish before result data is bundled too: Cloudflare Pages' paid plans
         * (100,000), the limit a large site meets first. Bundled result data costs every first query the
         * members' lengths (1.5 bytes per document of the language: 12.7 KB at 10,000 groups, measured), so it
         * is paid only where a site could not be published otherwise.
         */
        public static final int BUNDLED_DATA_BUDGET = 100_000;

        /**
         * What pays for a site of {@code otherFiles} files besides search, {@code documents} searchable
         * documents and {@code languages} languages: nothing while it would publish at most
         * {@link #FILE_BUDGET} files without packs (packs would only cost Range requests, and whole packs on a
         * host without Range); past it, postings and positions in packs (they add no byte to a query on a host
         * with Range); result data bundled too only when the site would still exceed
         * {@link #BUNDLED_DATA_BUDGET}, since a reader's first query pays for it.
         */
        public static Packing packingFor(long otherFiles, long documents, int languages) {
            if (otherFiles + Math.ceil(documents * SEARCH_FILES_PER_DOCUMENT) <= FILE_BUDGET) return Packing.NONE;
            if (otherFiles + documents + (long) languages * PACKED_FILES_PER_LANGUAGE <= BUNDLED_DATA_BUDGET) return Packing.POSTINGS;
            return Packing.ALL;
        }

        public Layout with(Packing packing) {
            return new Layout(termsPerShard, wordsPerShard, inlinePostingsMax, packedPositionsMax, facetDocsPerShard,
                    packBytes, packing == Packing.ALL ? DATA_FILES_MAX : Integer.MAX_VALUE, chunkBytes,
                    packing != Packing.NONE, fragmentTextMax);
        }


        /** Exported files cached under another key are not reused. */
        public String key() {
            return String.join("/", "format" + FORMAT, Integer.toString(termsPerShard), Integer.toString(wordsPerShard),
                    Integer.toString(inlinePostingsMax), Integer.toString(packedPositionsMax),
                    Integer.toString(facetDocsPerShard), Integer.toString(packBytes), Integer.toString(dataFilesMax),
                    Integer.toString(chunkBytes), packs ? "packs" : "files", Integer.toString(fragmentTextMax),
                    IndexBuilder.FORMAT);
        }

        /** Documents per result-data file: 1 (a file each) until there are more than dataFilesMax. */
        int dataDocsPerFile(int docCount) {
            if (!packs) return 1;
            return (int) Math.max(1, ((long) docCount + dataFilesMax - 1) / dataFilesMax);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

    private final FacetLabels labels;
    private final Layout layout;

    public IndexExporter(FacetLabels labels) { this(labels, Layout.DEFAULT); }

    public IndexExporter(FacetLabels labels, Layout layout) {
        this.labels = labels;
        this.layout = layout;
    }

    public Layout layout() { return layout; }

    public String fieldLabel(String language, String field) { return labels.field(language, field); }

    /** Gzip as the index files are written (no time stamp: the same input gives the same bytes). */
    public static byte[] gzip(byte[] data) { return Bytes.gzip(data); }

    /**
     * Writes {@code searchDir/<lang>-<hash>/…} and returns the index's entries of the language's manifest with
     * its facets, as a map to which the caller adds its own entries before writing {@code searchDir/<lang>.json}.
     */
    public Map<String, Object> export(SearchIndex index, Path searchDir) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = JSON.convertValue(exportFiles(index, searchDir), LinkedHashMap.class);
        manifest.put("facets", facets(index));
        return manifest;
    }

    /**
     * The facets of the index, with labels as this build's UI strings give them: the manifest's part that may
     * change while the exported files stay the same.
     */
    public List<SearchManifest.Facet> facets(SearchIndex index) throws IOException {
        return facetTable(index).describe(index.language(), labels);
    }

    /** Writes the files and returns the manifest entries that depend on them only (no labels). */
    public SearchManifest.IndexFiles exportFiles(SearchIndex index, Path searchDir) throws IOException {
        String lang = index.language();
        Path tmp = searchDir.resolve(lang + "-tmp");
        Files.createDirectories(tmp);
        Writer out = new Writer(tmp);
        LeafReader leaf = index.leaf();
        List<SearchManifest.FieldStats> fields = new ArrayList<>();
        for (SearchFields.TextField f : SearchFields.TEXT) {
            Terms terms = leaf == null ? null : leaf.terms(f.name());
            fields.add(new SearchManifest.FieldStats(f.name(), f.boost(), terms == null ? 0 : terms.getDocCount(),
                    terms == null ? 0 : terms.getSumTotalTermFreq()));
        }
        int termShards = leaf == null ? 0 : writeTerms(leaf, out);
        int wordShards = leaf == null ? 0 : writeWords(leaf, index.vocabulary(), out);
        FacetTable facets = facetTable(index);
        int perFile = layout.dataDocsPerFile(index.docCount());
        if (leaf != null) {
            int[] dataLengths = writeFragments(index, perFile, out);
            writeFacetShards(index, facets, perFile > 1 ? dataLengths : null, out);
        }
        if (layout.packs()) Files.deleteIfExists(tmp.resolve("x")); // positions are in the packs
        String folder = lang + "-" + out.hash();
        Path target = searchDir.resolve(folder);
        if (Files.exists(target)) deleteTree(target);
        Files.move(tmp, target);
        return new SearchManifest.IndexFiles(FORMAT, lang, index.docCount(), fields, 1.2, 0.75,
                new SearchManifest.Prefix(QueryPlanner.PREFIX_MIN_LENGTH, QueryPlanner.PREFIX_MAX_TERMS),
                termShards, wordShards, layout.facetDocsPerShard(), layout.packs(), perFile, folder + "/");
    }

    // --- terms ---------------------------------------------------------------------------------------

    private int writeTerms(LeafReader leaf, Writer out) throws IOException {
        int fieldCount = SearchFields.TEXT.size();
        byte[][] norms = new byte[fieldCount][];
        TreeSet<BytesRef> all = new TreeSet<>();
        for (int f = 0; f < fieldCount; f++) {
            String name = SearchFields.TEXT.get(f).name();
            Terms terms = leaf.terms(name);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) all.add(BytesRef.deepCopyOf(t));
            norms[f] = new byte[leaf.maxDoc()];
            NumericDocValues nv = leaf.getNormValues(name);
            if (nv != null) {
                for (int d = nv.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = nv.nextDoc()) norms[f][d] = (byte) nv.longValue();
            }
        }
        int shards = Math.max(1, (all.size() + layout.termsPerShard() - 1) / layout.termsPerShard());
        List<List<BytesRef>> byShard = new ArrayList<>();
        for (int s = 0; s < shards; s++) byShard.add(new ArrayList<>());
        for (BytesRef t : all) byShard.get(Bytes.shard(t.utf8ToString(), shards)).add(t);
        Segment[] segments = new Segment[shards];
        java.util.stream.IntStream.range(0, shards).parallel().forEach(s -> {
            try {
                segments[s] = shardSegment(leaf, s, byShard.get(s), norms, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!layout.packs()) {
            for (int s = 0; s < shards; s++) {
                Segment seg = segments[s];
                out.write("t/" + s + ".bin", new Bytes(seg.entries().length + 8).varint(seg.terms())
                        .bytes(seg.entries(), 0, seg.entries().length).toArray());
                if (seg.members().length > 0) out.writeRaw("x/" + s + ".bin", seg.members());
            }
            return shards;
        }
        // Packs are filled in shard order, so the same index always gives the same files.
        Packs packs = new Packs(out::writeRaw, "p/", layout.packBytes());
        for (int s = 0; s < shards; s++) {
            Segment seg = segments[s];
            Packs.Place at = packs.add(seg.members());
            segments[s] = null;
            out.write("t/" + s + ".bin", new Bytes(seg.entries().length + 16).varint(seg.terms()).varint(at.pack())
                    .varint(at.offset()).varint(seg.positionsOffset()).varint(seg.positionsLength())
                    .bytes(seg.entries(), 0, seg.entries().length).toArray());
        }
        packs.finish();
        return shards;
    }

    /**
     * One dictionary shard: its entries, and the pack members they point into (offsets relative to the
     * segment's start): the postings of its frequent terms, the positions of its largest terms, then
     * one member with the positions of all its other terms, which a phrase query takes whole as before.
     */
    private record Segment(int terms, byte[] entries, byte[] members, int positionsOffset, int positionsLength) {}

    private Segment shardSegment(LeafReader leaf, int shard, List<BytesRef> terms, byte[][] norms, Writer out) throws IOException {
        int fieldCount = SearchFields.TEXT.size();
        TermsEnum[] enums = new TermsEnum[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            Terms t = leaf.terms(SearchFields.TEXT.get(f).name());
            enums[f] = t == null ? null : t.iterator();
        }
        Bytes dict = new Bytes(16384);
        Bytes members = new Bytes(16384);
        Bytes pack = new Bytes(16384);
        Bytes postings = new Bytes(4096);
        Bytes positions = new Bytes(4096);
        FieldPostings[] perField = new FieldPostings[fieldCount];
        for (int f = 0; f < fieldCount; f++) perField[f] = new FieldPostings();
        PostingsEnum pe = null;
        int ownFiles = 0;
        for (BytesRef termBytes : terms) {
            for (int f = 0; f < fieldCount; f++) {
                FieldPostings fp = perField[f];
                fp.clear();
                if (enums[f] == null || !enums[f].seekExact(termBytes)) continue;
                pe = enums[f].postings(pe, PostingsEnum.POSITIONS);
                for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) fp.add(d, pe);
            }
            // merge the fields' postings, which are each in document order
            postings.clear();
            positions.clear();
            int docs = 0;
            int previous = 0;
            int[] at = new int[fieldCount];
            while (true) {
                int doc = Integer.MAX_VALUE;
                for (int f = 0; f < fieldCount; f++) if (at[f] < perField[f].size) doc = Math.min(doc, perField[f].docs[at[f]]);
                if (doc == Integer.MAX_VALUE) break;
                int mask = 0;
                for (int f = 0; f < fieldCount; f++) if (at[f] < perField[f].size && perField[f].docs[at[f]] == doc) mask |= 1 << f;
                postings.varint(doc - previous).write(mask);
                previous = doc;
                docs++;
                for (int f = 0; f < fieldCount; f++) {
                    if ((mask & (1 << f)) == 0) continue;
                    FieldPostings fp = perField[f];
                    int i = at[f]++;
                    int freq = fp.freqs[i];
                    postings.varint(freq).write(norms[f][doc]);
                    int last = 0;
                    for (int k = fp.starts[i]; k < fp.starts[i] + freq; k++) {
                        positions.varint(fp.positions[k] - last);
                        last = fp.positions[k];
                    }
                }
            }
            dict.string(termBytes.utf8ToString()).varint(docs);
            if (postings.size() <= layout.inlinePostingsMax()) {
                dict.varint(postings.size()).bytes(postings);
            } else if (!layout.packs()) {
                int k = ++ownFiles;
                dict.varint(0).varint(k).varint(writeChunks(out, "p/" + shard + "-" + k, postings.toArray()));
            } else {
                byte[] gz = Bytes.gzip(postings.toArray());
                dict.varint(0).varint(members.size()).varint(gz.length);
                members.bytes(gz, 0, gz.length);
            }
            if (positions.size() <= layout.packedPositionsMax()) {
                dict.varint(0).varint(pack.size()).varint(positions.size());
                pack.bytes(positions);
            } else if (!layout.packs()) {
                int k = ++ownFiles;
                dict.varint(k).varint(writeChunks(out, "x/" + shard + "-" + k, positions.toArray()));
            } else {
                byte[] gz = Bytes.gzip(positions.toArray());
                dict.varint(1).varint(members.size()).varint(gz.length);
                members.bytes(gz, 0, gz.length);
            }
        }
        // Without packs, members holds the shard's positions file (x/<shard>.bin), as in format 2.
        int positionsOffset = members.size();
        byte[] packed = pack.size() > 0 ? Bytes.gzip(pack.toArray()) : new byte[0];
        members.bytes(packed, 0, packed.length);
        return new Segment(terms.size(), dict.toArray(), members.toArray(), positionsOffset, packed.length);
    }

    /**
     * Without packs: a term's postings or positions as one file, or several of at most {@code chunkBytes}
     * bytes before compression, so that no file grows with the site: the browser fetches them together and
     * joins them in order. Returns the number of files.
     */
    private int writeChunks(Writer out, String name, byte[] data) {
        int max = layout.chunkBytes();
        if (data.length <= max) {
            out.write(name + ".bin", data);
            return 1;
        }
        int chunks = (data.length + max - 1) / max;
        for (int c = 0; c < chunks; c++) {
            int from = c * max;
            out.write(name + "." + c + ".bin", java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + max)));
        }
        return chunks;
    }

    /** One field's postings of the current term, reused from term to term. */
    private static final class FieldPostings {
        int size;
        int[] docs = new int[64];
        int[] freqs = new int[64];
        int[] starts = new int[64];
        int[] positions = new int[256];
        int positionCount;

        void clear() {
            size = 0;
            positionCount = 0;
        }

        void add(int doc, PostingsEnum pe) throws IOException {
            if (size == docs.length) {
                docs = java.util.Arrays.copyOf(docs, size * 2);
                freqs = java.util.Arrays.copyOf(freqs, size * 2);
                starts = java.util.Arrays.copyOf(starts, size * 2);
            }
            int freq = pe.freq();
            if (positionCount + freq > positions.length) {
                positions = java.util.Arrays.copyOf(positions, Math.max(positions.length * 2, positionCount + freq));
            }
            docs[size] = doc;
            freqs[size] = freq;
            starts[size] = positionCount;
            for (int i = 0; i < freq; i++) positions[positionCount++] = pe.nextPosition();
            size++;
        }
    }

    // --- surface words (prefix search, "did you mean") ------------------------------------------------

    private int writeWords(LeafReader leaf, LuceneVocabulary vocabulary, Writer out) throws IOException {
        Terms words = leaf.terms(SearchFields.WORDS);
        if (words == null) return 0;
        List<Vocabulary.Surface> all = new ArrayList<>();
        TermsEnum te = words.iterator();
        for (BytesRef b = te.next(); b != null; b = te.next()) {
            String word = b.utf8ToString();
            String term = vocabulary.termOf(word);
            if (term != null) all.add(new Vocabulary.Surface(word, te.docFreq(), term));
        }
        int shards = Math.max(1, (all.size() + layout.wordsPerShard() - 1) / layout.wordsPerShard());
        List<List<Vocabulary.Surface>> byShard = new ArrayList<>();
        for (int s = 0; s < shards; s++) byShard.add(new ArrayList<>());
        for (Vocabulary.Surface w : all) byShard.get(Bytes.shard(wordKey(w.word()), shards)).add(w);
        for (int s = 0; s < shards; s++) {
            Bytes b = new Bytes(16384).varint(byShard.get(s).size());
            String previous = "";
            for (Vocabulary.Surface w : byShard.get(s)) {
                int shared = commonPrefix(previous, w.word());
                b.varint(shared).string(w.word().substring(shared)).varint(w.docFreq());
                int termShared = commonPrefix(w.word(), w.term());
                b.varint(termShared).string(w.term().substring(termShared));
                previous = w.word();
            }
            out.write("w/" + s + ".bin", b.toArray());
        }
        return shards;
    }

    /** The shard key of a word: its first two characters (code points), the length of the shortest prefix searched. */
    static String wordKey(String word) {
        return word.codePointCount(0, word.length()) <= 2 ? word : word.substring(0, word.offsetByCodePoints(0, 2));
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        // never split a surrogate pair: both sides encode whole code points
        if (i > 0 && i < n && Character.isHighSurrogate(a.charAt(i - 1))) i--;
        return i;
    }

    // --- facets --------------------------------------------------------------------------------------

    /** Every facet value of the index, numbered field by field in sorted order. */
    record FacetTable(List<String> fields, Map<String, List<String>> values, Map<String, Integer> ids) {
        List<SearchManifest.Facet> describe(String lang, FacetLabels labels) {
            List<SearchManifest.Facet> out = new ArrayList<>();
            for (String field : fields) {
                List<List<String>> vs = new ArrayList<>();
                for (String v : values.get(field)) vs.add(List.of(v, labels.value(lang, field, v)));
                out.add(new SearchManifest.Facet(field, labels.field(lang, field), vs));
            }
            return out;
        }
    }

    private static FacetTable facetTable(SearchIndex index) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Map.Entry<String, SortedSetDocValues> e : new TreeMap<>(index.facetValues()).entrySet()) {
            List<String> vs = new ArrayList<>();
            SortedSetDocValues dv = e.getValue();
            for (long ord = 0; ord < dv.getValueCount(); ord++) {
                String v = dv.lookupOrd(ord).utf8ToString();
                vs.add(v);
                ids.put(e.getKey() + '\u0000' + v, ids.size());
            }
            values.put(e.getKey(), vs);
        }
        return new FacetTable(List.copyOf(values.keySet()), values, ids);
    }

    /**
     * Facet value ids per document, and with bundled result data each document's data length: a query
     * fetches these shards for its facet counts anyway, so locating its results costs no request of its own.
     */
    private void writeFacetShards(SearchIndex index, FacetTable table, int[] dataLengths, Writer out) throws IOException {
        int docs = index.docCount();
        List<List<Integer>> perDoc = new ArrayList<>(docs);
        for (int d = 0; d < docs; d++) perDoc.add(new ArrayList<>());
        for (Map.Entry<String, SortedSetDocValues> e : new TreeMap<>(index.facetValues()).entrySet()) {
            SortedSetDocValues dv = e.getValue();
            for (int d = dv.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
                for (int i = 0; i < dv.docValueCount(); i++) {
                    String v = dv.lookupOrd(dv.nextOrd()).utf8ToString();
                    perDoc.get(d).add(table.ids().get(e.getKey() + '\u0000' + v));
                }
            }
        }
        for (int start = 0, shard = 0; start < docs; start += layout.facetDocsPerShard(), shard++) {
            Bytes b = new Bytes(layout.facetDocsPerShard() * 6);
            for (int d = start; d < Math.min(docs, start + layout.facetDocsPerShard()); d++) {
                List<Integer> ids = perDoc.get(d);
                ids.sort(null);
                b.varint(ids.size());
                for (int id : ids) b.varint(id);
            }
            if (dataLengths != null) {
                // After the ids, as three byte planes (bits 16-23, 8-15, 0-7 of each length): the lengths lie
                // close together (text is cut at fragmentTextMax), so the high planes compress to almost
                // nothing; at 10,000 groups a first query fetches 12.7 KB of them per language, where varints
                // beside each document's ids took 16.9 KB.
                int end = Math.min(docs, start + layout.facetDocsPerShard());
                for (int shift = 16; shift >= 0; shift -= 8) {
                    for (int d = start; d < end; d++) b.write((dataLengths[d] >>> shift) & 0xff);
                }
            }
            out.write("f/" + shard + ".bin", b.toArray());
        }
    }

    // --- result data ---------------------------------------------------------------------------------

    /**
     * Each result's data as a gzip member: a file of its own ({@code d/<doc>.bin}) when there is one
     * document per file, else {@code perFile} consecutive documents per file ({@code d/<n>.bin}), read with
     * Range. Returns the members' lengths, by which the runtime finds a document in its file.
     */
    private int[] writeFragments(SearchIndex index, int perFile, Writer out) {
        // StoredFields instances are not thread-safe: one per worker.
        ThreadLocal<StoredFields> stored = ThreadLocal.withInitial(() -> {
            try {
                return index.leaf().storedFields();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int docs = index.docCount();
        int[] lengths = new int[docs];
        java.util.stream.IntStream.range(0, (docs + perFile - 1) / perFile).parallel().forEach(n -> {
            Bytes file = new Bytes(perFile * 2048);
            for (int d = n * perFile; d < Math.min(docs, (n + 1) * perFile); d++) {
                byte[] gz = Bytes.gzip(fragment(stored.get(), d, out));
                // Three bytes in the facet shards: a larger member would be a bug upstream (text is cut).
                if (gz.length >= 1 << 24) throw new IllegalStateException("result data of document " + d + ": " + gz.length + " bytes");
                lengths[d] = gz.length;
                file.bytes(gz, 0, gz.length);
            }
            out.writeRaw("d/" + (perFile == 1 ? n * perFile : n) + ".bin", file.toArray());
        });
        return lengths;
    }

    private byte[] fragment(StoredFields stored, int d, Writer out) {
        try {
            var doc = stored.document(d);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", doc.get(SearchFields.URL));
            m.put("title", doc.get(SearchFields.TITLE.name()));
            putIfPresent(m, "summary", doc.get(SearchFields.SUMMARY.name()));
            putIfPresent(m, "date", doc.get(SearchFields.DATE));
            putIfPresent(m, "dateText", doc.get(SearchFields.DATE_TEXT));
            putIfPresent(m, "type", doc.get(SearchFields.TYPE));
            putIfPresent(m, "translation", doc.get(SearchFields.TRANSLATION));
            m.put("text", fragmentText(doc.get(SearchFields.TEXT_STORED), layout.fragmentTextMax()));
            String[] titles = doc.getValues(SearchFields.ATTACHMENT_TITLE);
            if (titles.length > 0) {
                // The list is small and always sent; the texts are large and fetched only for a result whose
                // attachments hold a query word (few documents have any: a file each).
                String[] urls = doc.getValues(SearchFields.ATTACHMENT_URL);
                List<Map<String, String>> attachments = new ArrayList<>();
                for (int k = 0; k < titles.length; k++) {
                    Map<String, String> a = new LinkedHashMap<>();
                    a.put("title", titles[k]);
                    a.put("url", urls[k]);
                    attachments.add(a);
                }
                m.put("attachments", attachments);
                out.write("a/" + d + ".bin", JSON.writeValueAsBytes(List.of(doc.getValues(SearchFields.ATTACHMENT_TEXT))));
            }
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body text a result's data keeps for its excerpt: at most {@code max} characters, cut at a space. */
    static String fragmentText(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max);
        if (cut < max / 2) cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut);
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) m.put(key, value);
    }

    // --- files ---------------------------------------------------------------------------------------

    /**
     * Writes the files, from several threads at once; the folder's hash is taken over every file's name and
     * content hash in name order, so it does not depend on the order files were written in.
     */
    private static final class Writer {
        private final Path root;
        private final Map<String, byte[]> digests = new java.util.concurrent.ConcurrentHashMap<>();
        Writer(Path root) throws IOException {
            this.root = root;
            for (String folder : List.of("t", "p", "x", "w", "f", "d", "a")) Files.createDirectories(root.resolve(folder));
        }

        void write(String rel, byte[] raw) { writeRaw(rel, Bytes.gzip(raw)); }

        /** Writes bytes as they are: already gzip, or gzip members one after another. */
        void writeRaw(String rel, byte[] bytes) {
            digests.put(rel, sha256(bytes));
            Path file = root.resolve(rel);
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String hash() {
            MessageDigest all = newDigest();
            for (Map.Entry<String, byte[]> e : new TreeMap<>(digests).entrySet()) {
                all.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                all.update(e.getValue());
            }
            return HexFormat.of().formatHex(all.digest()).substring(0, 10);
        }

        private static byte[] sha256(byte[] data) { return newDigest().digest(data); }

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The language manifests and the Unicode tables of the browser's analysis, as JSON. */
    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
