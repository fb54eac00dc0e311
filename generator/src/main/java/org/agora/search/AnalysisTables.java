package org.agora.search;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizerImpl;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data the browser's analysis.js needs to repeat {@link Analyzers} exactly, read from Lucene
 * itself so that nothing is typed by hand and a Lucene upgrade cannot leave the browser behind
 * silently (AnalysisParityTest would fail instead).
 *
 * <p>Tokenising: rather than approximating StandardTokenizer with the browser's Intl.Segmenter
 * (another Unicode version, dictionary-based CJK and Thai splitting, different emoji rules, and a
 * different implementation in each browser), the browser runs Lucene's own JFlex automaton: its
 * transition tables are small (59 states, 29 character classes) and are copied here from the
 * generated {@link StandardTokenizerImpl}. The character classes of ASCII travel with each
 * language; those of other code points travel in {@link #unicode()}, which a page fetches only when
 * the query has a non-ASCII character.
 */
public final class AnalysisTables {

    private AnalysisTables() {}

    /** The chain of one language: stop words, elision articles, possessive, stemmer, tokenizer automaton. */
    public static Map<String, Object> forLanguage(String language) {
        String lang = Analyzers.base(language);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("stopwords", sorted(Analyzers.stopwords(lang)));
        if (lang.equals("fr")) table.put("elision", sorted(FrenchAnalyzer.DEFAULT_ARTICLES));
        table.put("possessive", lang.equals("en"));
        table.put("stemmer", switch (lang) {
            case "en" -> "porter";
            case "fr" -> "french-light";
            case "nl" -> "dutch";
            default -> "none";
        });
        if (lang.equals("nl")) table.put("overrides", new TreeMap<>(Analyzers.DUTCH_OVERRIDES));
        table.put("tokenizer", Automaton.INSTANCE.languageTable());
        return table;
    }

    /**
     * What non-ASCII text needs: Java's per-code-point lower case (LowerCaseFilter), the
     * ASCIIFoldingFilter replacements (it works on UTF-16 units, so only the BMP), and the tokenizer
     * character class of every code point from U+0080 up, as runs: [length, class, length, class, ...]
     * (lengths rather than starts: a third of the size once gzipped).
     */
    public static Map<String, Object> unicode() {
        Map<String, Object> lower = new LinkedHashMap<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            int lc = Character.toLowerCase(cp);
            if (lc != cp) lower.put(Integer.toString(cp), lc);
        }
        Map<String, Object> fold = new LinkedHashMap<>();
        char[] in = new char[1];
        char[] out = new char[16];
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            in[0] = (char) c;
            int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
            if (n != 1 || out[0] != c) fold.put(Integer.toString(c), new String(out, 0, n));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("lower", lower);
        table.put("fold", fold);
        table.put("classes", Automaton.INSTANCE.nonAsciiClassRuns());
        return table;
    }

    private static List<String> sorted(CharArraySet set) {
        List<String> words = new ArrayList<>();
        for (Object o : set) words.add(o instanceof char[] chars ? new String(chars) : o.toString());
        words.sort(null);
        return words;
    }

    /**
     * The generated scanner's tables. They are private to Lucene, hence the reflection; Lucene is
     * pinned in the pom and the parity test proves the copy still behaves like the original.
     */
    private record Automaton(int[] cmapTop, int[] cmapBlocks, int[] trans, int[] rowMap, int[] attributes, int[] actions) {

        static final Automaton INSTANCE = new Automaton(
                field("ZZ_CMAP_TOP"), field("ZZ_CMAP_BLOCKS"), field("ZZ_TRANS"),
                field("ZZ_ROWMAP"), field("ZZ_ATTRIBUTE"), field("ZZ_ACTION"));

        private static int[] field(String name) {
            try {
                Field f = StandardTokenizerImpl.class.getDeclaredField(name);
                f.setAccessible(true);
                return ((int[]) f.get(null)).clone();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + name + " from Lucene's StandardTokenizerImpl;"
                        + " the browser tokenizer tables depend on it (was Lucene upgraded?)", e);
            }
        }

        /** Same lookup as the generated zzCMap. */
        int charClass(int codePoint) {
            int offset = codePoint & 0xFF;
            return offset == codePoint ? cmapBlocks[offset] : cmapBlocks[cmapTop[codePoint >> 8] | offset];
        }

        Map<String, Object> languageTable() {
            int[] ascii = new int[128];
            for (int c = 0; c < 128; c++) ascii[c] = charClass(c);
            // The grammar's last rule ([^], "ignore it") is what a lone space matches; its action
            // number tells the browser which matches are not tokens.
            int afterSpace = trans[rowMap[0] + charClass(' ')];
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("maxTokenLength", new StandardTokenizer().getMaxTokenLength());
            t.put("ascii", ascii);
            t.put("rowmap", rowMap.clone());
            t.put("attributes", attributes.clone());
            t.put("actions", actions.clone());
            t.put("skipAction", actions[afterSpace]);
            t.put("trans", trans.clone());
            return t;
        }

        List<Integer> nonAsciiClassRuns() {
            List<Integer> runs = new ArrayList<>();
            int start = 0x80;
            for (int cp = 0x81; cp <= Character.MAX_CODE_POINT + 1; cp++) {
                if (cp > Character.MAX_CODE_POINT || charClass(cp) != charClass(start)) {
                    runs.add(cp - start);
                    runs.add(charClass(start));
                    start = cp;
                }
            }
            return runs;
        }
    }
}
