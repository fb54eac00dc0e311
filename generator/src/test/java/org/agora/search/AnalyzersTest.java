package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.agora.search.Analyzers.Mode.FULL;
import static org.agora.search.Analyzers.Mode.KEEP_STOPWORDS;
import static org.agora.search.Analyzers.Mode.SURFACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each language's chain does to the words readers search for; the tables the browser gets from it. */
class AnalyzersTest {

    /** Tokens as "term@position[start,end]", space-separated. */
    private static String tokens(String lang, Analyzers.Mode mode, String text) throws IOException {
        return AnalysisParityTest.analyze(lang, mode, text).stream()
                .map(t -> t.term() + "@" + t.position() + "[" + t.start() + "," + t.end() + "]")
                .collect(Collectors.joining(" "));
    }

    /** Terms only, space-separated. */
    private static String terms(String lang, Analyzers.Mode mode, String text) throws IOException {
        return AnalysisParityTest.analyze(lang, mode, text).stream()
                .map(Token::term).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | FULL           | the quick brown fox and the lazy dog | quick@1[4,9] brown@2[10,15] fox@3[16,19] lazi@6[28,32] dog@7[33,36]
            en | KEEP_STOPWORDS | the quick fox                        | the@0[0,3] quick@1[4,9] fox@2[10,13]
            en | SURFACE        | Running quickly                      | running@0[0,7] quickly@1[8,15]
            en | FULL           | John's network’s dog＇s              | john@0[0,6] network@1[7,16] dog@2[17,22]
            en | SURFACE        | JOHN'S dogs' U.S.A.                  | john@0[0,6] dogs@1[7,11] u.s.a@2[13,18]
            fr | FULL           | l'économie L’Économie                | econom@0[0,10] econom@1[11,21]
            fr | SURFACE        | l'économie d’Anvers                  | economie@0[0,10] anvers@1[11,19]
            fr | KEEP_STOPWORDS | qu'il jusqu'à aujourd'hui            | il@0[0,5] a@1[6,13] aujourd'hui@2[14,25]
            fr | FULL           | le chat et la souris                 | chat@1[3,7] souri@4[14,20]
            nl | FULL           | één een Één                          | een@0[0,3] een@2[8,11]
            nl | KEEP_STOPWORDS | één een                              | een@0[0,3] een@1[4,7]
            nl | FULL           | de kat en de hond                    | kat@1[3,6] hond@4[13,17]
            nl | SURFACE        | fietsen eieren kinderen              | fietsen@0[0,7] eieren@1[8,14] kinderen@2[15,23]
            de | FULL           | Straße Über l'école the              | strasse@0[0,6] uber@1[7,11] l'ecole@2[12,19] the@3[20,23]
            """)
    void chains(String lang, Analyzers.Mode mode, String text, String expected) throws IOException {
        assertEquals(expected, tokens(lang, mode, text));
    }

    /** A text's words with their parts at the same position (the index's parts field keeps only the parts). */
    private static String documentTokens(String lang, String text) {
        try (var analyzer = Analyzers.forLanguage(lang, FULL, Analyzers.Parts.IDENTIFIERS_AND_COMPOUNDS)) {
            return Token.analyze(analyzer, text).stream()
                    .map(t -> t.term() + "@" + t.position() + "[" + t.start() + "," + t.end() + "]")
                    .collect(Collectors.joining(" "));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Use ScaleType.ShrinkToFit now | us@0[0,3] scaletype.shrinktofit@1[4,25] scaletyp@1[4,13] scale@1[4,9] type@1[9,13] shrinktofit@1[14,25] shrink@1[14,20] fit@1[22,25] now@2[26,29]
            en | XMLHttpRequest snake_case      | xmlhttprequest@0[0,14] xml@0[0,3] http@0[3,7] request@0[7,14] snake_cas@1[15,25] snake@1[15,20] case@1[21,25]
            en | the_end of The.The            | the_end@0[0,7] end@0[4,7] the.th@2[11,18]
            fr | l'API.Client                  | api.client@0[0,12] api@0[0,12] client@0[0,12]
            nl | de attribuutwaarde            | attribuutwaard@1[3,18] attribut@1[3,18] waard@1[3,18]
            nl | onderwijsbeleid stadsbestuur  | onderwijsbeleid@0[0,15] onderwijs@0[0,15] beleid@0[0,15] stadsbestur@1[16,28] stad@1[16,28] bestur@1[16,28]
            nl | internationale openstreetmap  | international@0[0,14] openstreetmap@1[15,28]
            en | attribuutwaarde               | attribuutwaard@0[0,15]
            """)
    void documentsAddTheirWordsPartsAtTheWordsPosition(String lang, String text, String expected) {
        assertEquals(expected, documentTokens(lang, text));
    }

    @Test
    void thePartsFieldHoldsOnlyTheParts() {
        try (var analyzer = Analyzers.forLanguage("nl", FULL, Analyzers.Parts.PARTS_ONLY)) {
            assertEquals(List.of("attribut", "waard", "scal", "typ"), Token.analyze(analyzer, "de attribuutwaarde, ScaleType en waarde")
                    .stream().map(Token::term).toList());
        }
    }

    @Test
    void queriesAreNotSplit() throws IOException {
        assertEquals("scaletype.shrinktofit", terms("en", FULL, "ScaleType.ShrinkToFit"));
        assertEquals("attribuutwaard", terms("nl", FULL, "attribuutwaarde"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"en", "fr", "nl", "de", "fr-BE"})
    void accentsFoldToTheSameTermInEveryLanguageAndMode(String lang) throws IOException {
        for (Analyzers.Mode mode : Analyzers.Mode.values()) {
            assertEquals(terms(lang, mode, "reseau"), terms(lang, mode, "réseau"), lang + " " + mode);
            assertEquals(terms(lang, mode, "ECOLE"), terms(lang, mode, "École"), lang + " " + mode);
        }
    }

    @Test
    void dutchOneIsIndexedAsTheArticleButOnlyTheArticleIsAStopWord() throws IOException {
        // "één" (one) is not a stop word, so it reaches the index folded to "een"; "een" (a) alone is
        // dropped unless the query is made only of stop words.
        assertEquals("een", terms("nl", FULL, "één"));
        assertEquals("", terms("nl", FULL, "een"));
        assertEquals("een", terms("nl", KEEP_STOPWORDS, "een"));
        assertEquals(terms("nl", FULL, "één"), terms("nl", KEEP_STOPWORDS, "een"));
    }

    @Test
    void dutchOverridesGiveWhatDutchAnalyzerGives() throws IOException {
        String words = "fiets fietsen bromfiets bromfietsen ei eieren kind kinderen";
        try (Analyzer dutch = new DutchAnalyzer()) {
            String lucene = Token.analyze(dutch, words).stream()
                    .map(Token::term).collect(Collectors.joining(" "));
            assertEquals(lucene, terms("nl", FULL, words));
            assertEquals("fiets fiets bromfiets bromfiets eier eier kinder kinder", lucene);
        }
    }

    @Test
    void ourChainsGiveWhatLucenesOwnAnalyzersGive() throws IOException {
        // Our chains add ASCII folding; on unaccented text they must equal the stock analyzers.
        String english = "The networks' owners were running faster than the rest of John's team";
        String french = "Les réseaux de l'économie sociale et les coopératives d'habitants";
        String dutch = "De kinderen fietsen naar de bibliotheken en lezen boeken";
        try (Analyzer en = new EnglishAnalyzer(); Analyzer fr = new FrenchAnalyzer(); Analyzer nl = new DutchAnalyzer()) {
            assertEquals(join(Token.analyze(en, english)), join(AnalysisParityTest.analyze("en", FULL, english)));
            assertEquals(join(Token.analyze(nl, dutch)), join(AnalysisParityTest.analyze("nl", FULL, dutch)));
            // FrenchAnalyzer does not fold: compare on a sentence without accents.
            String plainFrench = french.replace('é', 'e');
            assertEquals(join(Token.analyze(fr, plainFrench)), join(AnalysisParityTest.analyze("fr", FULL, plainFrench)));
        }
    }

    private static String join(List<Token> tokens) {
        return tokens.toString();
    }

    @Test
    void onlyEnglishFrenchAndDutchHaveStemmers() {
        assertTrue(Analyzers.hasStemmer("en"));
        assertTrue(Analyzers.hasStemmer("fr-BE"));
        assertTrue(Analyzers.hasStemmer("NL"));
        assertFalse(Analyzers.hasStemmer("de"));
    }

    @Test
    void languageTablesComeFromLucene() {
        Map<String, Object> en = AnalysisTables.forLanguage("en");
        assertStopwords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, en.get("stopwords"));
        assertEquals(true, en.get("possessive"));
        assertEquals("porter", en.get("stemmer"));
        assertFalse(en.containsKey("elision"));

        Map<String, Object> fr = AnalysisTables.forLanguage("fr-BE");
        assertStopwords(FrenchAnalyzer.getDefaultStopSet(), fr.get("stopwords"));
        assertEquals(List.of("c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"), fr.get("elision"));
        assertEquals("french-light", fr.get("stemmer"));

        Map<String, Object> nl = AnalysisTables.forLanguage("nl");
        assertStopwords(DutchAnalyzer.getDefaultStopSet(), nl.get("stopwords"));
        assertEquals(Map.of("bromfiets", "bromfiets", "ei", "eier", "fiets", "fiets", "kind", "kinder"), nl.get("overrides"));
        assertEquals("dutch", nl.get("stemmer"));

        Map<String, Object> de = AnalysisTables.forLanguage("de");
        assertEquals(List.of(), de.get("stopwords"));
        assertEquals("none", de.get("stemmer"));
        assertEquals(false, de.get("possessive"));
    }

    private static void assertStopwords(CharArraySet lucene, Object exported) {
        List<?> words = (List<?>) exported;
        assertEquals(lucene.size(), words.size());
        assertEquals(words.stream().sorted().toList(), words, "sorted");
        for (Object w : words) assertTrue(lucene.contains(w.toString()), w + " is not a Lucene stop word");
    }

    @Test
    void unicodeTablesFollowJavaAndLuceneNotJavaScript() {
        Map<String, Object> unicode = AnalysisTables.unicode();
        Map<?, ?> lower = (Map<?, ?>) unicode.get("lower");
        assertEquals((int) 'i', lower.get(Integer.toString(0x130)), "İ lower-cases to one letter in Java, two in JavaScript");
        assertEquals(0x3C3, lower.get(Integer.toString(0x3A3)), "Σ is σ per code point, never the final ς");
        assertEquals(0x10428, lower.get(Integer.toString(0x10400)), "beyond the BMP too");
        assertFalse(lower.containsKey("65"), "ASCII is left to the browser");

        Map<?, ?> fold = (Map<?, ?>) unicode.get("fold");
        assertEquals("e", fold.get(Integer.toString('é')));
        assertEquals("ss", fold.get(Integer.toString('ß')));
        assertEquals("ae", fold.get(Integer.toString('æ')));
        assertFalse(fold.containsKey(Integer.toString('€')), "what Lucene does not fold stays");

        List<?> runs = (List<?>) unicode.get("classes");
        int covered = 0;
        for (int i = 0; i < runs.size(); i += 2) covered += (Integer) runs.get(i);
        assertEquals(Character.MAX_CODE_POINT + 1 - 0x80, covered, "the runs cover every non-ASCII code point");
        assertEquals(unicode, AnalysisTables.unicode(), "deterministic");
    }
}
