package org.agora.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.List;
import java.util.Optional;

/**
 * Corrections drawn from the index's own words. The browser runtime applies the same rule to the
 * exported surface-word shards, so both suggest the same word.
 */
public final class Spelling {

    public static final int MIN_LENGTH = 3;

    private final Analyzer full;
    private final Analyzer surface;
    private final LuceneVocabulary vocabulary;

    public Spelling(String language, LuceneVocabulary vocabulary) {
        this.full = Analyzers.forLanguage(language, Analyzers.Mode.FULL);
        this.surface = Analyzers.forLanguage(language, Analyzers.Mode.SURFACE);
        this.vocabulary = vocabulary;
    }

    /** The index word closest to {@code word}, when the word itself finds nothing. */
    public Optional<String> correction(String word) {
        List<Token> surfaces = Token.analyze(surface, word);
        if (surfaces.size() != 1) return Optional.empty();
        List<Token> terms = Token.analyze(full, word);
        if (terms.isEmpty() || terms.stream().anyMatch(t -> vocabulary.hasTerm(t.term()))) return Optional.empty();
        String w = surfaces.getFirst().term();
        if (w.length() < MIN_LENGTH) return Optional.empty();
        int maxEdits = maxEdits(w);
        Vocabulary.Surface best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Vocabulary.Surface s : vocabulary.withPrefix(IndexExporter.wordKey(w))) {
            if (s.word().equals(w)) continue;
            int d = distance(w, s.word(), maxEdits);
            if (d > maxEdits) continue;
            if (best == null || d < bestDistance || (d == bestDistance && (s.docFreq() > best.docFreq()
                    || (s.docFreq() == best.docFreq() && s.word().compareTo(best.word()) < 0)))) {
                best = s;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best).map(Vocabulary.Surface::word);
    }

    /** The edits a word may be away from the word it stands for: one up to five letters, two beyond. */
    static int maxEdits(String word) { return word.length() <= 5 ? 1 : 2; }

    /** Levenshtein distance over UTF-16 units, giving up (returning max + 1) once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
