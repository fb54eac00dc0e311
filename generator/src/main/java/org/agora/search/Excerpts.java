package org.agora.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.List;
import java.util.Set;

/** A plain-text excerpt around the first words of a query found in a text, matches in [brackets]: for the terminal. */
public final class Excerpts {

    private static final int LENGTH = 200;

    private Excerpts() {}

    public static String of(String text, Set<String> terms, Analyzer analyzer) {
        if (text == null || text.isEmpty()) return "";
        List<Token> hits = Token.analyze(analyzer, text).stream().filter(t -> terms.contains(t.term())).toList();
        int start = hits.isEmpty() ? 0 : Math.max(0, hits.getFirst().start() - 40);
        int end = Math.min(text.length(), start + LENGTH);
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

    /** The terms a plan looks for, for highlighting. */
    public static Set<String> terms(QueryPlan plan) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (QueryPlan.Clause c : plan.must()) {
            switch (c) {
                case QueryPlan.TermClause t -> out.add(t.term());
                case QueryPlan.AnyOfClause a -> out.addAll(a.terms());
                case QueryPlan.PhraseClause p -> out.addAll(p.terms());
            }
        }
        return out;
    }
}
