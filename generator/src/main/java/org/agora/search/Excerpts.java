package org.agora.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.List;
import java.util.Set;

/** A plain-text excerpt around the best passage of a text for a query, matches in [brackets]: for the terminal. */
public final class Excerpts {

    private static final int LENGTH = 200;

    private Excerpts() {}

    public static String of(String text, Set<String> terms, Analyzer analyzer) {
        if (text == null || text.isEmpty()) return "";
        List<Token> hits = Token.analyze(analyzer, text).stream().filter(t -> terms.contains(t.term())).toList();
        // As the runtime's excerpt(): from a whole word some words before the best passage, to its end.
        int best = hits.isEmpty() ? -1 : bestPassageOf(hits).first();
        int start = best < 0 ? 0 : Math.max(0, hits.get(best).start() - CONTEXT);
        if (start > 0) start = text.lastIndexOf(' ', start) + 1;
        int end = Math.min(text.length(), Math.max(start + LENGTH, best < 0 ? 0 : hits.get(best).start() + PASSAGE_LENGTH));
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            if (best >= 0 && space > hits.get(best).end()) end = space;
        }
        StringBuilder sb = new StringBuilder(start > 0 ? "… " : "");
        int at = start;
        for (Token h : hits) {
            if (h.start() < start || h.end() > end) continue;
            sb.append(text, at, h.start()).append('[').append(text, h.start(), h.end()).append(']');
            at = h.end();
        }
        sb.append(text, at, end);
        if (end < text.length()) sb.append(" …");
        return sb.toString().replaceAll("\\s+", " ");
    }

    /** The runtime's excerpt length (agora-search.js EXCERPT_LENGTH): a passage is this long less 40 characters. */
    static final int PASSAGE_LENGTH = 220 - 40;

    /** Characters of text shown before the best passage (the runtime's EXCERPT_CONTEXT). */
    private static final int CONTEXT = 60;

    /** The best passage of a text's hits: the hit that opens it, and its score (0 without any hit). */
    private record Passage(int first, int score) {}

    /** The runtime's bestPassage(): distinct terms × 1,000 plus occurrences in a window, the first best. */
    private static Passage bestPassageOf(List<Token> hits) {
        int best = 0;
        int bestScore = 0;
        for (int i = 0; i < hits.size(); i++) {
            Set<String> seen = new java.util.HashSet<>();
            int count = 0;
            for (int j = i; j < hits.size() && hits.get(j).end() - hits.get(i).start() <= PASSAGE_LENGTH; j++) {
                seen.add(hits.get(j).term());
                count++;
            }
            int score = seen.size() * 1000 + count;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return new Passage(best, bestScore);
    }

    /**
     * How much of a query the best passage of a text holds, as the runtime's excerpt() rates passages: the
     * distinct terms times 1,000 plus the occurrences, in a window of {@value #PASSAGE_LENGTH} characters;
     * 0 when the text has none.
     */
    public static int bestPassage(String text, Set<String> terms, Analyzer analyzer) {
        if (text == null || text.isEmpty()) return 0;
        List<Token> hits = Token.analyze(analyzer, text).stream().filter(t -> terms.contains(t.term())).toList();
        return bestPassageOf(hits).score();
    }

    /**
     * How excerpts read a text for a plan: the index's analysis with the parts of identifiers, so that
     * {@code scaletype} is found in {@code ScaleType.ShrinkToFit}; not with Dutch compound parts, whose
     * dictionary the browser does not load (analysis.js repeats this chain).
     */
    public static Analyzer analyzer(String language, QueryPlan plan) {
        return Analyzers.forLanguage(language, plan.keepStopwords() ? Analyzers.Mode.KEEP_STOPWORDS : Analyzers.Mode.FULL,
                Analyzers.Parts.IDENTIFIERS);
    }

    /**
     * The attachment that holds a result's best passage, or null when the document's own text (or, when that
     * has no query word, its summary) holds one at least as good: the runtime's rule, on the same texts
     * (the body as a result's data keeps it). Attachments are read only when the postings say that they
     * hold a query word, as the runtime fetches their text only then.
     */
    public static SearchIndex.StoredAttachment passageAttachment(SearchIndex index, int doc, String summary, QueryPlan plan) {
        Set<String> terms = terms(plan);
        if (terms.isEmpty() || !index.attachmentsHoldAny(doc, terms)) return null;
        Analyzer analyzer = analyzer(index.language(), plan);
        String body = IndexExporter.fragmentText(index.text(doc), IndexExporter.Layout.DEFAULT.fragmentTextMax());
        int best = bestPassage(body, terms, analyzer);
        if (best == 0) best = bestPassage(summary, terms, analyzer);
        SearchIndex.StoredAttachment found = null;
        for (SearchIndex.StoredAttachment a : index.attachments(doc)) {
            int score = bestPassage(a.text(), terms, analyzer);
            if (score > best) {
                best = score;
                found = a;
            }
        }
        return found;
    }

    /** The terms a plan looks for, for highlighting. */
    public static Set<String> terms(QueryPlan plan) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (QueryPlan.Clause c : plan.must()) {
            switch (c) {
                case QueryPlan.TermClause t -> out.add(t.term());
                case QueryPlan.AnyOfClause a -> out.addAll(a.terms());
                case QueryPlan.PhraseClause p -> out.addAll(p.terms());
                case QueryPlan.SynonymClause syn -> syn.alternatives().forEach(alt -> out.addAll(alt.terms()));
            }
        }
        return out;
    }
}
