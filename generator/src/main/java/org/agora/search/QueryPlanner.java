package org.agora.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a reader typed into a {@link QueryPlan}, with the rules the browser runtime repeats:
 * <ul>
 * <li>every word's terms must match (ranked by BM25), "phrases" must match in order, -words must not;</li>
 * <li>a query made only of stop words is analysed without the stop filter (Dutch {@code een} finds {@code één});</li>
 * <li>a word no document has matches the index words it begins instead, when it has {@value #UNKNOWN_PREFIX_MIN_LENGTH}
 *     characters or more and begins some (a word cut short, the first word of a compound or an identifier), or
 *     else the closest index words (typo tolerance, {@link #fuzzyTerms}), unless the query is made of stop words
 *     only;</li>
 * <li>words that spell one of the site's {@link Synonyms} match any of its group, before any other rule;</li>
 * <li>with {@code prefix}, the last word also matches the index words it begins (at least
 *     {@value #PREFIX_MIN_LENGTH} characters): its own term first, then the terms of the most frequent words
 *     starting with it, {@value #PREFIX_MAX_TERMS} terms at most.</li>
 * </ul>
 */
public final class QueryPlanner {

    public static final int PREFIX_MIN_LENGTH = 2;
    public static final int PREFIX_MAX_TERMS = 10;
    /** A word no document has is read as a prefix from this length on. */
    public static final int UNKNOWN_PREFIX_MIN_LENGTH = 4;
    /** Index words a misspelt word matches at most. */
    public static final int FUZZY_MAX_TERMS = 5;
    /** Clauses kept of a long query: each looks in six fields, and Lucene allows 1,024 clauses in all. */
    public static final int MAX_CLAUSES = 64;
    /**
     * Terms a plan looks up at most ({@link #bounded}): each is a clause per text field and one for the title
     * bonus, seven in all, which keeps the largest query under Lucene's 1,024 clauses with room for filters.
     */
    public static final int MAX_TERMS = 128;

    private final Analyzer full;
    private final Analyzer keepStopwords;
    private final Analyzer surface;
    private final Vocabulary vocabulary;
    private final Synonyms synonyms;

    public QueryPlanner(String language, Vocabulary vocabulary) {
        this(language, vocabulary, Synonyms.NONE);
    }

    public QueryPlanner(String language, Vocabulary vocabulary, Synonyms synonyms) {
        this.synonyms = synonyms;
        this.full = Analyzers.forLanguage(language, Analyzers.Mode.FULL);
        this.keepStopwords = Analyzers.forLanguage(language, Analyzers.Mode.KEEP_STOPWORDS);
        this.surface = Analyzers.forLanguage(language, Analyzers.Mode.SURFACE);
        this.vocabulary = vocabulary;
    }

    public QueryPlan plan(QueryText query, boolean prefix, Map<String, List<String>> filters) {
        List<QueryText.Part> parts = query.parts();
        int prefixIndex = -1;
        if (prefix && !parts.isEmpty()) {
            QueryText.Part last = parts.getLast();
            if (!last.phrase() && !last.excluded()) prefixIndex = parts.size() - 1;
        }
        boolean anyPositive = false;
        boolean anyTerm = false;
        for (QueryText.Part p : parts) {
            if (p.excluded()) continue;
            anyPositive = true;
            if (!Token.analyze(full, p.text()).isEmpty()) anyTerm = true;
        }
        boolean stopwordsOnly = anyPositive && !anyTerm;
        Analyzer analyzer = stopwordsOnly ? keepStopwords : full;

        List<QueryPlan.Clause> must = new ArrayList<>();
        List<QueryPlan.Clause> mustNot = new ArrayList<>();
        List<List<Token>> analysed = new ArrayList<>();
        for (QueryText.Part p : parts) analysed.add(Token.analyze(analyzer, p.text()));
        for (int i = 0; i < parts.size(); i++) {
            QueryText.Part p = parts.get(i);
            List<Token> tokens = analysed.get(i);
            List<String> fuzzy;
            List<QueryPlan.Clause> target = new ArrayList<>();
            int last = stopwordsOnly ? -1 : synonymSpan(parts, analysed, i, prefixIndex);
            if (last >= i) {
                List<String> terms = new ArrayList<>();
                for (int k = i; k <= last; k++) analysed.get(k).forEach(t -> terms.add(t.term()));
                target.add(new QueryPlan.SynonymClause(synonyms.alternatives(terms)));
                i = last;
            } else if (i == prefixIndex) {
                addPrefixWord(p.text(), tokens, target);
            } else if (!stopwordsOnly && !p.excluded() && !p.phrase() && !(fuzzy = unknownWordTerms(p.text(), tokens)).isEmpty()) {
                target.add(new QueryPlan.AnyOfClause(fuzzy));
            } else if (p.phrase() && tokens.size() > 1) {
                int first = tokens.getFirst().position();
                target.add(new QueryPlan.PhraseClause(tokens.stream().map(Token::term).toList(),
                        tokens.stream().map(t -> t.position() - first).toList()));
            } else {
                for (Token t : tokens) target.add(new QueryPlan.TermClause(t.term()));
            }
            // A word given twice counts once (Lucene would merge the copies into one boosted clause).
            List<QueryPlan.Clause> into = p.excluded() ? mustNot : must;
            for (QueryPlan.Clause c : target) if (!into.contains(c) && into.size() < MAX_CLAUSES) into.add(c);
        }
        boolean matchAll = must.isEmpty() && !filters.isEmpty();
        return bounded(new QueryPlan(must, mustNot, filters, matchAll, stopwordsOnly));
    }

    /**
     * The plan within {@value #MAX_TERMS} terms: every clause keeps its first term (or synonym), and the others
     * of expanded words (prefixes, closest words, synonyms) are kept in order while the budget lasts.
     */
    static QueryPlan bounded(QueryPlan plan) {
        int used = 0;
        for (QueryPlan.Clause c : plan.must()) used += keptTerms(c);
        for (QueryPlan.Clause c : plan.mustNot()) used += keptTerms(c);
        int extra = MAX_TERMS - used;
        List<QueryPlan.Clause> must = new ArrayList<>();
        for (QueryPlan.Clause c : plan.must()) {
            switch (c) {
                case QueryPlan.AnyOfClause a when a.terms().size() > 1 -> {
                    int keep = 1 + Math.max(0, Math.min(a.terms().size() - 1, extra));
                    extra -= keep - 1;
                    must.add(new QueryPlan.AnyOfClause(a.terms().subList(0, keep)));
                }
                case QueryPlan.SynonymClause syn -> {
                    List<QueryPlan.PhraseClause> kept = new ArrayList<>(List.of(syn.alternatives().getFirst()));
                    for (QueryPlan.PhraseClause alt : syn.alternatives().subList(1, syn.alternatives().size())) {
                        if (alt.terms().size() > extra) break;
                        extra -= alt.terms().size();
                        kept.add(alt);
                    }
                    must.add(new QueryPlan.SynonymClause(kept));
                }
                default -> must.add(c);
            }
        }
        return new QueryPlan(must, plan.mustNot(), plan.filters(), plan.matchAll(), plan.keepStopwords(), plan.required());
    }

    /** The terms a clause keeps at least: all of a term or phrase, the first of the others. */
    private static int keptTerms(QueryPlan.Clause c) {
        return switch (c) {
            case QueryPlan.TermClause t -> 1;
            case QueryPlan.PhraseClause p -> p.terms().size();
            case QueryPlan.AnyOfClause a -> Math.min(1, a.terms().size());
            case QueryPlan.SynonymClause syn -> syn.alternatives().getFirst().terms().size();
        };
    }

    /**
     * The last of the words from {@code first} on that spell one of the site's synonyms, the longest such run
     * (words, not phrases or exclusions, nor the word being typed; it begins and ends with a word that has
     * terms); -1 when none does.
     */
    private int synonymSpan(List<QueryText.Part> parts, List<List<Token>> analysed, int first, int prefixIndex) {
        if (synonyms.isEmpty() || analysed.get(first).isEmpty()) return -1;
        int end = first;
        while (end < parts.size() && end - first < Synonyms.MAX_WORDS && end != prefixIndex
                && !parts.get(end).phrase() && !parts.get(end).excluded()) end++;
        for (int last = end - 1; last >= first; last--) {
            if (analysed.get(last).isEmpty()) continue;
            List<String> terms = new ArrayList<>();
            for (int k = first; k <= last; k++) analysed.get(k).forEach(t -> terms.add(t.term()));
            if (!synonyms.alternatives(terms).isEmpty()) return last;
        }
        return -1;
    }

    /**
     * The terms a word no document has stands for: those of the index words it begins, the most frequent first
     * ({@value #PREFIX_MAX_TERMS} at most, from {@value #UNKNOWN_PREFIX_MIN_LENGTH} characters), or else its
     * {@link #fuzzyTerms}. Empty when the word is known or more than one word.
     */
    private List<String> unknownWordTerms(String text, List<Token> tokens) {
        if (tokens.size() != 1 || vocabulary.hasTerm(tokens.getFirst().term())) return List.of();
        List<Token> surfaces = Token.analyze(surface, text);
        if (surfaces.size() != 1) return List.of();
        String w = surfaces.getFirst().term();
        if (w.codePointCount(0, w.length()) >= UNKNOWN_PREFIX_MIN_LENGTH) {
            List<Vocabulary.Surface> longer = new ArrayList<>();
            for (Vocabulary.Surface s : vocabulary.withPrefix(w)) if (!s.word().equals(w)) longer.add(s);
            if (!longer.isEmpty()) return mostFrequentTerms(longer, PREFIX_MAX_TERMS);
        }
        return fuzzyTerms(text, tokens);
    }

    private static List<String> mostFrequentTerms(List<Vocabulary.Surface> words, int max) {
        List<Vocabulary.Surface> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(Vocabulary.Surface::docFreq).reversed().thenComparing(Vocabulary.Surface::word));
        Set<String> terms = new LinkedHashSet<>();
        for (Vocabulary.Surface s : sorted) {
            if (terms.size() >= max) break;
            terms.add(s.term());
        }
        return List.copyOf(terms);
    }

    /**
     * The terms a word no document has stands for, the way Lucene's {@code FuzzyQuery} finds them: index words
     * with the same first two letters (its fixed prefix) within an edit distance that grows with the word's
     * length (one edit up to five letters, two beyond, as "did you mean"), only the closest ones, the most
     * frequent first, {@value #FUZZY_MAX_TERMS} at most. Empty when the word is known, too short, more than one
     * word, or has no close word.
     */
    private List<String> fuzzyTerms(String text, List<Token> tokens) {
        if (tokens.size() != 1 || vocabulary.hasTerm(tokens.getFirst().term())) return List.of();
        List<Token> surfaces = Token.analyze(surface, text);
        if (surfaces.size() != 1) return List.of();
        String w = surfaces.getFirst().term();
        if (w.length() < Spelling.MIN_LENGTH) return List.of();
        int maxEdits = Spelling.maxEdits(w);
        int best = maxEdits + 1;
        List<Vocabulary.Surface> closest = new ArrayList<>();
        for (Vocabulary.Surface s : vocabulary.withPrefix(IndexExporter.wordKey(w))) {
            if (s.word().equals(w)) continue;
            int d = Spelling.distance(w, s.word(), maxEdits);
            if (d > maxEdits || d > best) continue;
            if (d < best) {
                best = d;
                closest.clear();
            }
            closest.add(s);
        }
        return mostFrequentTerms(closest, FUZZY_MAX_TERMS);
    }

    /** The last word while typing: its earlier tokens as usual, its last one as a prefix of index words. */
    private void addPrefixWord(String text, List<Token> tokens, List<QueryPlan.Clause> must) {
        List<Token> surfaces = Token.analyze(surface, text);
        if (surfaces.isEmpty()) {
            for (Token t : tokens) must.add(new QueryPlan.TermClause(t.term()));
            return;
        }
        Token last = surfaces.getLast();
        String exact = null;
        for (Token t : tokens) {
            if (t.start() == last.start()) exact = t.term();
            else must.add(new QueryPlan.TermClause(t.term()));
        }
        Set<String> terms = new LinkedHashSet<>();
        if (exact != null && vocabulary.hasTerm(exact)) terms.add(exact);
        if (last.term().codePointCount(0, last.term().length()) >= PREFIX_MIN_LENGTH) {
            List<Vocabulary.Surface> candidates = new ArrayList<>(vocabulary.withPrefix(last.term()));
            candidates.sort(Comparator.comparingInt(Vocabulary.Surface::docFreq).reversed()
                    .thenComparing(Vocabulary.Surface::word));
            for (Vocabulary.Surface s : candidates) {
                if (terms.size() >= PREFIX_MAX_TERMS) break;
                terms.add(s.term());
            }
        } else if (exact == null) {
            return; // a one-letter stop word: nothing to look for
        }
        must.add(new QueryPlan.AnyOfClause(List.copyOf(terms)));
    }
}
