package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.DutchStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * The analysis of each site language, at index and at query time. The browser's twin (analysis.js)
 * repeats these chains step by step, with its tables exported from here ({@link AnalysisTables}).
 *
 * <p>Stop words are removed before accent folding, on purpose: Dutch "een" (a) is a stop word but
 * "één" (one) is not, so "één" reaches the index as "een", and a query made only of stop words is
 * analysed without the stop filter ({@link Mode#KEEP_STOPWORDS}) so that {@code een} still finds it.
 * Languages other than English, French and Dutch get tokenising, lower-casing and folding only.
 */
public final class Analyzers {

    /** How much of the chain runs. */
    public enum Mode {
        /** The full chain: what the index holds and what a query normally looks up. */
        FULL,
        /** The full chain without stop words: for queries made only of stop words. */
        KEEP_STOPWORDS,
        /** Tokenise, strip elisions and possessives, lower-case and fold; no stop words, no stemming: the words a reader types. */
        SURFACE
    }

    /** Which parts of words a chain adds at the word's position (documents only: queries are never split). */
    public enum Parts {
        /** The words as they are: query analysis. */
        NONE,
        /** Plus the {@link WordParts} of identifiers: what excerpts highlight, in Java and in the browser. */
        IDENTIFIERS,
        /** Plus the words of Dutch compounds ({@link DutchCompounds}): the index's surface words. */
        IDENTIFIERS_AND_COMPOUNDS,
        /** Those parts without the words themselves: the index's {@link SearchFields#PARTS} field. */
        PARTS_ONLY
    }

    private Analyzers() {}

    /** The languages with stop words and a stemmer; others are tokenised and folded only. */
    public static boolean hasStemmer(String language) {
        return switch (base(language)) { case "en", "fr", "nl" -> true; default -> false; };
    }

    /** The chain of a query: words are not split. */
    public static Analyzer forLanguage(String language, Mode mode) {
        return forLanguage(language, mode, Parts.NONE);
    }


    /**
     * A chain with word parts: each is analysed like a word (a stop word part goes) and stands at its word's
     * position; a part whose term its word or an earlier part already gave at that position is dropped
     * (RemoveDuplicatesTokenFilter), so a part never counts twice.
     */
    public static Analyzer forLanguage(String language, Mode mode, Parts parts) {
        String lang = base(language);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = source;
                switch (lang) {
                    case "en" -> ts = new EnglishPossessiveFilter(ts);
                    case "fr" -> ts = new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES);
                    default -> { }
                }
                if (parts != Parts.NONE) ts = new WordPartsFilter(ts);
                ts = new LowerCaseFilter(ts);
                CharArraySet stops = stopwords(lang);
                if (mode == Mode.FULL && !stops.isEmpty()) ts = new StopFilter(ts, stops);
                ts = new ASCIIFoldingFilter(ts);
                if (parts.compareTo(Parts.IDENTIFIERS_AND_COMPOUNDS) >= 0 && lang.equals("nl")) ts = new DutchCompounds(ts);
                // The words themselves leave before stemming, the costly step, in the parts field's chain.
                if (parts == Parts.PARTS_ONLY) ts = new TypeTokenFilter(ts, Set.of(WordPartsFilter.PART), true);
                if (mode != Mode.SURFACE) ts = stemmer(lang, ts);
                if (parts != Parts.NONE) ts = new RemoveDuplicatesTokenFilter(ts);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static CharArraySet stopwords(String lang) {
        return switch (lang) {
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "nl" -> DutchAnalyzer.getDefaultStopSet();
            default -> CharArraySet.EMPTY_SET;
        };
    }

    private static TokenStream stemmer(String lang, TokenStream ts) {
        return switch (lang) {
            case "en" -> new PorterStemFilter(ts);
            case "fr" -> new FrenchLightStemFilter(ts);
            case "nl" -> new SnowballFilter(new StemmerOverrideFilter(ts, dutchOverrides()), new DutchStemmer());
            default -> ts;
        };
    }

    /**
     * DutchAnalyzer's own exceptions. Lucene keeps its table package-private, so it is repeated here;
     * AnalyzersTest checks it against DutchAnalyzer's output.
     */
    static final java.util.Map<String, String> DUTCH_OVERRIDES = java.util.Map.of(
            "fiets", "fiets", "bromfiets", "bromfiets", "ei", "eier", "kind", "kinder");

    static StemmerOverrideFilter.StemmerOverrideMap dutchOverrides() {
        try {
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
            for (var e : new java.util.TreeMap<>(DUTCH_OVERRIDES).entrySet()) builder.add(e.getKey(), e.getValue());
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
