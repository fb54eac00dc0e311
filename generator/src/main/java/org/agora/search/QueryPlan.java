package org.agora.search;

import java.util.List;
import java.util.Map;

/**
 * A query after analysis: what must match, what must not, and the facet filters. Lucene runs it as a
 * BooleanQuery ({@link LuceneQueries}); the browser runtime builds the same plan and scores it the same way.
 * @param matchAll no words to look for, only filters: every document of the filters matches, newest first
 * @param keepStopwords the query was made of stop words only and analysed with them (excerpts look for them too)
 * @param required how many of the {@code must} clauses a document matches at least: all of them, or fewer
 *                 when no document matches them all ({@link #relaxedTo}; Lucene's minimumShouldMatch)
 */
public record QueryPlan(List<Clause> must, List<Clause> mustNot, Map<String, List<String>> filters, boolean matchAll,
                        boolean keepStopwords, int required) {

    public QueryPlan {
        must = List.copyOf(must);
        mustNot = List.copyOf(mustNot);
        filters = Map.copyOf(filters);
        if (required < Math.min(1, must.size()) || required > must.size()) {
            throw new IllegalArgumentException("required " + required + " of " + must.size() + " clauses");
        }
    }

    /** Every clause must match. */
    public QueryPlan(List<Clause> must, List<Clause> mustNot, Map<String, List<String>> filters, boolean matchAll,
                     boolean keepStopwords) {
        this(must, mustNot, filters, matchAll, keepStopwords, must.size());
    }

    /** The same plan matching documents that have at least {@code required} of its clauses. */
    public QueryPlan relaxedTo(int required) {
        return new QueryPlan(must, mustNot, filters, matchAll, keepStopwords, required);
    }

    /** Whether a document may lack some of the clauses. */
    public boolean isRelaxed() { return required < must.size(); }

    /** True when nothing can match: no words and no filters. */
    public boolean isEmpty() { return must.isEmpty() && !matchAll; }

    public sealed interface Clause permits TermClause, PhraseClause, AnyOfClause, SynonymClause {}

    /** One term, looked up in every text field. */
    public record TermClause(String term) implements Clause {}

    /** Terms at these relative positions, in one field (a stop word leaves a gap). */
    public record PhraseClause(List<String> terms, List<Integer> positions) implements Clause {
        public PhraseClause {
            terms = List.copyOf(terms);
            positions = List.copyOf(positions);
        }
    }

    /** Any of these words or phrases, which the site says mean the same ({@link Synonyms}); one term is a phrase of one. */
    public record SynonymClause(List<PhraseClause> alternatives) implements Clause {
        public SynonymClause {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Any of these terms (the last word read as a prefix); no terms means nothing matches. */
    public record AnyOfClause(List<String> terms) implements Clause {
        public AnyOfClause {
            terms = List.copyOf(terms);
        }
    }
}
