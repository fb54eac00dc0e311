package org.agora.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One language's finished index, open for searching and exporting. It has a single sorted segment. */
public final class SearchIndex implements AutoCloseable {

    private final String language;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final LuceneVocabulary vocabulary;
    private final List<String> facetFields;
    private final Synonyms synonyms;

    private SearchIndex(String language, Directory directory, Synonyms synonyms) throws IOException {
        this.language = language;
        this.synonyms = synonyms;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        if (reader.leaves().size() > 1) throw new IllegalStateException("index of " + language + " is not merged");
        this.searcher = new IndexSearcher(reader);
        this.vocabulary = new LuceneVocabulary(reader, language);
        List<String> facets = new ArrayList<>();
        for (FieldInfo fi : org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader)) {
            if (fi.getDocValuesType() == DocValuesType.SORTED_SET) facets.add(fi.name);
        }
        facets.sort(null);
        this.facetFields = List.copyOf(facets);
    }

    public static SearchIndex open(String language, Path dir) throws IOException {
        return open(language, dir, Synonyms.NONE);
    }

    /** The index, searched with the site's synonyms for its language. */
    public static SearchIndex open(String language, Path dir, Synonyms synonyms) throws IOException {
        return new SearchIndex(language, FSDirectory.open(dir), synonyms);
    }

    public Synonyms synonyms() { return synonyms; }

    public String language() { return language; }

    public IndexSearcher searcher() { return searcher; }

    public LuceneVocabulary vocabulary() { return vocabulary; }

    public QueryPlanner planner() { return new QueryPlanner(language, vocabulary, synonyms); }

    /** The single segment; empty indexes have none. */
    public LeafReader leaf() { return reader.leaves().isEmpty() ? null : reader.leaves().getFirst().reader(); }

    public int docCount() { return reader.maxDoc(); }

    /** Names the commit this index was opened at: a new commit (any change) gets a new name. */
    public String commit() {
        try {
            return reader.getIndexCommit().getSegmentsFileName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Facet fields present in this index (type, year, taxonomies), sorted. */
    public List<String> facetFields() { return facetFields; }

    public SearchHit hit(int doc, float score) {
        try {
            Document d = reader.storedFields().document(doc);
            Map<String, List<String>> facets = new TreeMap<>();
            for (String f : facetFields) {
                List<String> values = new ArrayList<>();
                for (IndexableField v : d.getFields(f)) values.add(v.stringValue());
                if (!values.isEmpty()) facets.put(f, values);
            }
            return new SearchHit(language, doc, score, d.get(SearchFields.PATH), d.get(SearchFields.URL),
                    d.get(SearchFields.TITLE.name()), d.get(SearchFields.SUMMARY.name()), d.get(SearchFields.DATE),
                    d.get(SearchFields.DATE_TEXT), facets, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored body text of a document, for excerpts. */
    public String text(int doc) {
        try {
            return reader.storedFields().document(doc).get(SearchFields.TEXT_STORED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An attachment of a document as the index keeps it: title, link and the text that was indexed. */
    public record StoredAttachment(String title, String url, String text) {}

    /** The attachments of a document whose text is indexed, in the document's order. */
    public List<StoredAttachment> attachments(int doc) {
        try {
            Document d = reader.storedFields().document(doc);
            String[] titles = d.getValues(SearchFields.ATTACHMENT_TITLE);
            String[] urls = d.getValues(SearchFields.ATTACHMENT_URL);
            String[] texts = d.getValues(SearchFields.ATTACHMENT_TEXT);
            List<StoredAttachment> out = new ArrayList<>();
            for (int k = 0; k < titles.length; k++) out.add(new StoredAttachment(titles[k], urls[k], texts[k]));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a document's attachments hold one of these terms (read from the postings, as the runtime does). */
    public boolean attachmentsHoldAny(int doc, java.util.Collection<String> terms) {
        LeafReader leaf = leaf();
        if (leaf == null) return false;
        try {
            for (String term : terms) {
                var postings = leaf.postings(new org.apache.lucene.index.Term(SearchFields.ATTACHMENTS.name(), term));
                if (postings != null && postings.advance(doc) == doc) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For every document, its facet values as "field\u0000value" ids of the given table; used by counts and export. */
    public Map<String, SortedSetDocValues> facetValues() throws IOException {
        Map<String, SortedSetDocValues> out = new HashMap<>();
        LeafReader leaf = leaf();
        if (leaf == null) return out;
        for (String f : facetFields) out.put(f, leaf.getSortedSetDocValues(f));
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
