package org.agora.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The split of a query into words, phrases and exclusions; agora-search.js repeats it (RankingParityTest). */
class QueryTextTest {

    static List<QueryText.Part> parse(String q) { return QueryText.parse(q).parts(); }

    static QueryText.Part word(String t) { return new QueryText.Part(t, false, false); }

    @Test
    void wordsPhrasesAndExclusions() {
        assertEquals(List.of(word("open"), new QueryText.Part("data lab", true, false), new QueryText.Part("radio", false, true),
                        new QueryText.Part("old news", true, true)),
                parse("open \"data lab\" -radio -\"old news\""));
    }

    @Test
    void edgeCases() {
        assertEquals(List.of(), parse("   "));
        assertEquals(List.of(word("-")), parse("- "), "a lone dash is a word (analysis drops it)");
        assertEquals(List.of(new QueryText.Part("unclosed phrase", true, false)), parse("\"unclosed phrase"));
        assertEquals(List.of(word("a"), new QueryText.Part("b", true, false)), parse("a\"b\""), "a quote ends a word");
        assertEquals(List.of(word("e-mail"), word("co-op")), parse("e-mail\u00a0co-op"), "no-break space separates words");
        assertEquals(List.of(), parse("\"\" \"  \""), "empty phrases are dropped");
    }

    @Test
    void aLongQueryKeepsItsFirstParts() {
        String pasted = String.join(" ", java.util.Collections.nCopies(50, "word"));
        assertEquals(QueryText.MAX_PARTS, parse(pasted).size());
        assertEquals(List.of(word("a")), parse("a \"\u00a0\""), "a phrase of spaces (no-break included) is dropped");
    }

    @Test
    void aCorrectionIsWrittenBackInThePartsShape() {
        QueryText q = QueryText.parse("reseua  -\"old news\" Namur");
        assertEquals("reseau -\"old news\" Namur", q.write(Map.of(0, "reseau")));
    }
}
