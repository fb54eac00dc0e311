package org.agora.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and phrases a site says mean the same in a language ({@code search.synonyms}: "NGO, non-governmental
 * organisation, ngo"), each analysed like a query. A query whose words spell one of them also finds the others:
 * the clause becomes a disjunction of each one's term or phrase, which is how Lucene's QueryBuilder turns a
 * query-time SynonymGraphFilter's graph into a query. Applied to queries only, so changing the list needs no
 * new index; the browser receives the analysed groups in its manifest and applies the same rule.
 */
public final class Synonyms {

    public static final Synonyms NONE = new Synonyms(List.of());

    /** Query words a synonym may span at most. */
    public static final int MAX_WORDS = 8;

    private final List<List<QueryPlan.PhraseClause>> groups;

    private Synonyms(List<List<QueryPlan.PhraseClause>> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * The groups of lines "a, b, c" analysed with the language's query analysis; a word or phrase that analyses
     * to nothing (stop words only) is left out, and a line left with fewer than two is dropped.
     */
    public static Synonyms parse(String language, List<String> lines) {
        if (lines.isEmpty()) return NONE;
        List<List<QueryPlan.PhraseClause>> groups = new ArrayList<>();
        try (Analyzer full = Analyzers.forLanguage(language, Analyzers.Mode.FULL)) {
            for (String line : lines) {
                Map<List<String>, QueryPlan.PhraseClause> entries = new LinkedHashMap<>();
                for (String text : line.split(",")) {
                    List<Token> tokens = Token.analyze(full, text);
                    if (tokens.isEmpty()) continue;
                    int first = tokens.getFirst().position();
                    List<String> terms = tokens.stream().map(Token::term).toList();
                    entries.putIfAbsent(terms, new QueryPlan.PhraseClause(terms, tokens.stream().map(t -> t.position() - first).toList()));
                }
                if (entries.size() >= 2) groups.add(List.copyOf(entries.values()));
            }
        }
        return new Synonyms(groups);
    }

    public boolean isEmpty() { return groups.isEmpty(); }

    /** The groups, each a list of terms with their relative positions: the manifest's {@code synonyms}. */
    public List<List<QueryPlan.PhraseClause>> groups() { return groups; }

    /**
     * What a query's terms stand for when they are exactly the terms of one of the words or phrases: that one
     * first, then the others of every group holding it, each once; empty when none has these terms.
     */
    public List<QueryPlan.PhraseClause> alternatives(List<String> terms) {
        List<QueryPlan.PhraseClause> out = new ArrayList<>();
        for (List<QueryPlan.PhraseClause> group : groups) {
            QueryPlan.PhraseClause own = null;
            for (QueryPlan.PhraseClause e : group) if (e.terms().equals(terms)) own = e;
            if (own == null) continue;
            if (out.isEmpty()) out.add(own);
            for (QueryPlan.PhraseClause e : group) if (!out.contains(e)) out.add(e);
        }
        return out;
    }
}
