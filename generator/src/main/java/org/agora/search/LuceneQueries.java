package org.agora.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
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
 * for a prefix, over its terms), so Lucene adds the per-field scores in one sum, as the browser does.
 */
public final class LuceneQueries {

    private LuceneQueries() {}

    public static Query of(QueryPlan plan) {
        if (plan.isEmpty()) return new MatchNoDocsQuery("no words to search for");
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
            case QueryPlan.PhraseClause p -> {
                for (SearchFields.TextField field : SearchFields.TEXT) {
                    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                    for (int i = 0; i < p.terms().size(); i++) {
                        phrase.add(new Term(field.name(), p.terms().get(i)), p.positions().get(i));
                    }
                    any.add(boosted(phrase.build(), field.boost()), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    private static void addTerm(BooleanQuery.Builder any, String term) {
        for (SearchFields.TextField field : SearchFields.TEXT) {
            any.add(boosted(new TermQuery(new Term(field.name(), term)), field.boost()), BooleanClause.Occur.SHOULD);
        }
    }

    private static Query boosted(Query q, float boost) { return boost == 1f ? q : new BoostQuery(q, boost); }
}
