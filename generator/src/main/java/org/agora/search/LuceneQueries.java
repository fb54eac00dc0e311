package org.agora.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link QueryPlan} as a Lucene query. Every clause is one flat disjunction over the text fields (and,
 * for a prefix, over its terms), so Lucene adds the per-field scores in one sum, as the browser does; a
 * document whose title has every word gains {@link #TITLE_BONUS}.
 */
public final class LuceneQueries {

    private LuceneQueries() {}

    /**
     * What a document whose title has every word of the query gains: more than any text score, so such
     * documents come first (an exact title among them first, as BM25 favours the shortest title).
     */
    public static final float TITLE_BONUS = 1000f;

    public static Query of(QueryPlan plan) {
        if (plan.isEmpty()) return new MatchNoDocsQuery("no words to search for");
        Query matches = matches(plan);
        if (plan.matchAll() || plan.must().isEmpty()) return matches;
        // The title signal only adds to the score: a SHOULD clause beside the query as a whole, so it never
        // counts towards the clauses a relaxed query requires.
        return new BooleanQuery.Builder()
                .add(matches, BooleanClause.Occur.MUST)
                .add(new BoostQuery(new ConstantScoreQuery(titleHasEveryWord(plan)), TITLE_BONUS), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The title holds every clause's words: one of an AnyOf clause's terms, each term of a phrase. */
    static Query titleHasEveryWord(QueryPlan plan) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (QueryPlan.Clause c : plan.must()) {
            switch (c) {
                case QueryPlan.TermClause t -> all.add(titleTerm(t.term()), BooleanClause.Occur.MUST);
                case QueryPlan.PhraseClause p -> p.terms().forEach(term -> all.add(titleTerm(term), BooleanClause.Occur.MUST));
                case QueryPlan.AnyOfClause a -> {
                    if (a.terms().isEmpty()) return new MatchNoDocsQuery("a word that matches nothing");
                    BooleanQuery.Builder any = new BooleanQuery.Builder();
                    a.terms().forEach(term -> any.add(titleTerm(term), BooleanClause.Occur.SHOULD));
                    all.add(any.build(), BooleanClause.Occur.MUST);
                }
                case QueryPlan.SynonymClause syn -> {
                    BooleanQuery.Builder any = new BooleanQuery.Builder();
                    for (QueryPlan.PhraseClause alt : syn.alternatives()) {
                        BooleanQuery.Builder every = new BooleanQuery.Builder();
                        alt.terms().forEach(term -> every.add(titleTerm(term), BooleanClause.Occur.MUST));
                        any.add(every.build(), BooleanClause.Occur.SHOULD);
                    }
                    all.add(any.build(), BooleanClause.Occur.MUST);
                }
            }
        }
        return all.build();
    }

    private static Query titleTerm(String term) { return new TermQuery(new Term(SearchFields.TITLE.name(), term)); }

    /** The documents the plan matches, scored by BM25 over the text fields. */
    private static Query matches(QueryPlan plan) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        if (plan.matchAll()) top.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        if (plan.isRelaxed()) {
            // Lucene sums the scores of the clauses a document matches, as it does for MUST clauses.
            for (QueryPlan.Clause c : plan.must()) top.add(clause(c), BooleanClause.Occur.SHOULD);
            top.setMinimumNumberShouldMatch(plan.required());
        } else {
            for (QueryPlan.Clause c : plan.must()) top.add(clause(c), BooleanClause.Occur.MUST);
        }
        for (QueryPlan.Clause c : plan.mustNot()) top.add(clause(c), BooleanClause.Occur.MUST_NOT);
        for (Map.Entry<String, List<String>> f : new TreeMap<>(plan.filters()).entrySet()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String value : f.getValue()) any.add(new TermQuery(new Term(f.getKey(), value)), BooleanClause.Occur.SHOULD);
            top.add(any.build(), BooleanClause.Occur.FILTER);
        }
        return top.build();
    }

    static Query clause(QueryPlan.Clause clause) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        switch (clause) {
            case QueryPlan.TermClause t -> addTerm(any, t.term());
            case QueryPlan.AnyOfClause a -> a.terms().forEach(term -> addTerm(any, term));
            case QueryPlan.PhraseClause p -> addPhrase(any, p);
            case QueryPlan.SynonymClause syn -> {
                for (QueryPlan.PhraseClause alt : syn.alternatives()) {
                    if (alt.terms().size() == 1) addTerm(any, alt.terms().getFirst());
                    else addPhrase(any, alt);
                }
            }
        }
        return any.build();
    }

    private static void addPhrase(BooleanQuery.Builder any, QueryPlan.PhraseClause p) {
        for (SearchFields.TextField field : SearchFields.TEXT) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (int i = 0; i < p.terms().size(); i++) {
                phrase.add(new Term(field.name(), p.terms().get(i)), p.positions().get(i));
            }
            any.add(boosted(phrase.build(), field.boost()), BooleanClause.Occur.SHOULD);
        }
    }

    private static void addTerm(BooleanQuery.Builder any, String term) {
        for (SearchFields.TextField field : SearchFields.TEXT) {
            any.add(boosted(new TermQuery(new Term(field.name(), term)), field.boost()), BooleanClause.Occur.SHOULD);
        }
    }

    private static Query boosted(Query q, float boost) { return boost == 1f ? q : new BoostQuery(q, boost); }
}
