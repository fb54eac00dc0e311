package org.agora.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parts of identifiers that the index adds beside the whole word (analysis.js repeats the rule). */
class WordPartsTest {

    private static String parts(String word) {
        return WordParts.of(word).stream().map(p -> word.substring(p.start(), p.end())).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ScaleType.ShrinkToFit | ScaleType Scale Type ShrinkToFit Shrink To Fit
            drawing.dxf           | drawing dxf
            window.URL            | window URL
            XMLHttpRequest        | XML Http Request
            snake_case_name       | snake case name
            __init__              | init
            iPhone                | Phone
            HTTPServer            | HTTP Server
            a.b.c                 | ""
            Ab.Ab.ab              | Ab ab
            network               | ""
            NETWORK               | ""
            Network               | ""
            3.14                  | 14
            v1.2                  | v1
            Straße.Größe          | Straße Größe
            """)
    void wordsAreCutAtDelimitersAndCaseChanges(String word, String expected) {
        assertEquals(expected, parts(word));
    }

    @org.junit.jupiter.api.Test
    void aLongIdentifierGivesABoundedNumberOfParts() {
        String word = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "p" + i).collect(Collectors.joining("."));
        assertEquals(WordParts.MAX_PARTS, WordParts.of(word).size(), word);
    }
}
