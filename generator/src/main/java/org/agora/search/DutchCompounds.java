package org.agora.search;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Dutch compounds split into their words at index time ({@code attribuutwaarde} also indexes {@code attribuut}
 * and {@code waarde}), so a reader's single word finds the compounds built on it. Lucene's
 * {@link DictionaryCompoundWordTokenFilter} finds the parts, longest first and without reusing letters, in a
 * dictionary made from the OpenTaal word list (nl-compound-words.txt.gz, see its NOTICE and
 * generator/src/dict/dutch-compound-words.py).
 *
 * <p>That filter takes any dictionary words it finds inside a word, which on real text gives as many false
 * parts as true ones ({@code internationale} → {@code intern}, {@code openstreetmap} → {@code opens}). So a
 * split is kept only when its parts spell the whole word, joined directly or by the Dutch linking sounds
 * {@code s}, {@code e} or {@code en} ({@code stadsbestuur} = {@code stad} + s + {@code bestuur}); otherwise the
 * word is indexed alone. Queries are not split: a compound typed in full matches the compound.
 */
final class DutchCompounds extends DictionaryCompoundWordTokenFilter {

    /** Words shorter than this are not split: two parts of four letters at least. */
    static final int MIN_WORD = 8;
    static final int MIN_PART = 4;
    static final int MAX_PART = 12;
    private static final Set<String> LINKS = Set.of("", "s", "e", "en");

    // Lucene 10.6 marks its seven-argument constructor deprecated with no replacement that consumes the letters
    // of a match (the last argument); without it every word inside a part is a part too (onderwijs → onder, wijs).
    @SuppressWarnings("deprecation")
    DutchCompounds(TokenStream input) {
        super(input, Dictionary.WORDS, MIN_WORD, MIN_PART, MAX_PART, true, true);
    }

    @Override
    protected void decompose() {
        super.decompose();
        if (!spellsWholeWord()) tokens.clear();
    }

    private boolean spellsWholeWord() {
        if (tokens.size() < 2) return false;
        String word = termAtt.toString();
        int at = 0;
        for (CompoundToken part : tokens) {
            int found = word.indexOf(part.txt.toString(), at);
            if (found < 0 || !LINKS.contains(word.substring(at, found)) || (at == 0 && found != 0)) return false;
            at = found + part.txt.length();
        }
        return at == word.length();
    }

    /** The dictionary, read once per run (178,000 words, about 10 MB). */
    private static final class Dictionary {
        static final CharArraySet WORDS = load();

        private static CharArraySet load() {
            List<String> words = new ArrayList<>(180_000);
            try (InputStream in = DutchCompounds.class.getResourceAsStream("/agora/search/nl-compound-words.txt.gz")) {
                if (in == null) throw new IllegalStateException("nl-compound-words.txt.gz is missing from Agora's jar");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
                CharArraySet stopwords = Analyzers.stopwords("nl");
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isEmpty() && !stopwords.contains(line)) words.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
        }
    }
}
