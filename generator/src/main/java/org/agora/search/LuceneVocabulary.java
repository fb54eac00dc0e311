package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The vocabulary of a Lucene index: surface words from the words field, mapped to their terms by analysis. */
public final class LuceneVocabulary implements Vocabulary {

    private final IndexReader reader;
    private final Analyzer full;

    public LuceneVocabulary(IndexReader reader, String language) {
        this.reader = reader;
        this.full = Analyzers.forLanguage(language, Analyzers.Mode.FULL);
    }

    @Override
    public boolean hasTerm(String term) {
        try {
            for (SearchFields.TextField f : SearchFields.TEXT) {
                if (reader.docFreq(new Term(f.name(), term)) > 0) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The term a surface word stands for, or null when it has none in the index (a stop word, say). */
    public String termOf(String word) {
        List<Token> tokens = Token.analyze(full, word);
        if (tokens.size() != 1) return null;
        String term = tokens.getFirst().term();
        return hasTerm(term) ? term : null;
    }

    @Override
    public List<Surface> withPrefix(String prefix) {
        List<Surface> out = new ArrayList<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, SearchFields.WORDS);
            if (terms == null) return out;
            TermsEnum te = terms.iterator();
            BytesRef start = new BytesRef(prefix);
            if (te.seekCeil(start) == TermsEnum.SeekStatus.END) return out;
            for (BytesRef b = te.term(); b != null; b = te.next()) {
                String word = b.utf8ToString();
                if (!word.startsWith(prefix)) break;
                String term = termOf(word);
                if (term != null) out.add(new Surface(word, te.docFreq(), term));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
