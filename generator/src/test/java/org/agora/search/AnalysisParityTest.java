package org.agora.search;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.agora.testing.TestPaths;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The browser's analysis.js must turn any text into exactly the tokens Lucene gives (term, position,
 * offsets), or a query finds other documents in the browser than at build time. Compared here, in
 * the three modes, on every word and line of the bundled site and the osmbe corpus, on the Debian
 * word lists, and on hand-picked edge cases of the tokenizer (scripts, emoji, long words).
 */
class AnalysisParityTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "nl");
    /** A chain: its mode, and whether it adds the parts of identifiers (as excerpts read a document). */
    private record Chain(Analyzers.Mode mode, Analyzers.Parts parts) {
        @Override
        public String toString() { return parts == Analyzers.Parts.NONE ? mode.toString() : mode + "+" + parts; }
    }

    /** In the order of the harness's MODES. */
    private static final List<Chain> MODES = List.of(
            new Chain(Analyzers.Mode.FULL, Analyzers.Parts.NONE),
            new Chain(Analyzers.Mode.KEEP_STOPWORDS, Analyzers.Parts.NONE),
            new Chain(Analyzers.Mode.SURFACE, Analyzers.Parts.NONE),
            new Chain(Analyzers.Mode.FULL, Analyzers.Parts.IDENTIFIERS),
            new Chain(Analyzers.Mode.KEEP_STOPWORDS, Analyzers.Parts.IDENTIFIERS));
    /** Debian's wamerican, wfrench and wdutch; AGORA_WORD_LISTS names another folder holding them (macOS has none). */
    private static final Path WORD_LIST_DIR = Path.of(System.getenv().getOrDefault("AGORA_WORD_LISTS", "/usr/share/dict"));
    private static final Map<String, Path> WORD_LISTS = Map.of(
            "en", WORD_LIST_DIR.resolve("american-english"),
            "fr", WORD_LIST_DIR.resolve("french"),
            "nl", WORD_LIST_DIR.resolve("dutch"));
    private static final int MIN_WORD_LIST_SIZE = 20_000;
    /**
     * Words taken from each list, evenly spread, to keep the test around ten seconds; the complete
     * lists (about 860,000 words) run with -Dagora.parity.allWords=true and gave no difference either.
     */
    private static final int WORD_LIST_SAMPLE = 100_000;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ObjectMapper JSON = JsonMapper.builder()
            // Lone surrogates (an edge case below) cannot be written as UTF-8.
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Where tokenizers usually go wrong: Unicode scripts, emoji, apostrophes, numbers, the 255-char limit. */
    private static final List<String> EDGE_CASES = List.of(
            "l'économie l’économie L'ÉCONOMIE aujourd'hui qu'il jusqu'à lorsqu'on QU’ELLE d'Anvers",
            "John's JOHN'S John’s dog＇s the dogs' 's rock'n'roll O'Neil's",
            "één een Één fietsen bromfietsen eieren kinderen kind ei",
            "İstanbul ΣΊΣΥΦΟΣ ὈΔΥΣΣΕΎΣ straße STRASSE ﬁnance Æsir œuvre ǅemal Ⅻ ①② ⒜ 𐐀𐐨 ＡＢＣ１２３",
            "日本語のテキストです カタカナ ﾊﾝｶｸ 한국어 텍스트 ภาษาไทย ສະບາຍດີ မြန်မာ 中文，标点。",
            "😀 👍🏽 🇧🇪 🇧 1️⃣ #️⃣ 1⃣ 👨‍👩‍👧 ©® ™ 🏳️‍🌈 ❤️ ☺ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 a😀b x\u200dy 😀\u200d",
            "foo:bar a.b.c 3.14 1,000,000 1.2.3 a1.b 1a.2 ４２ v1.2 10% 2024-01-01 12:30 €10",
            "_foo_ ___ a_b __1__ foo__bar e-mail foo@bar.com http://www.example.com/path?x=1&y=2#z",
            "U.S.A. C++ C# .NET node.js a\u0301b \u0301x x\u00adz a\u200bb شكرا שלום \"א\"ב",
            "tab\tnew\nline\r\ncrlf\u00a0nbsp\u2009thin\u3000ideo",
            "\ud800 lone \udc00 surrogates a\ud800b",
            "a".repeat(300) + " " + "b".repeat(600) + " end",
            "a".repeat(254) + "😀" + "b".repeat(10),
            "a".repeat(254) + "𝐀" + "b".repeat(10),
            "a".repeat(253) + "'" + "b".repeat(10) + " " + "a".repeat(254) + "'" + "b".repeat(10),
            "x ".repeat(10) + "a".repeat(255) + "\u0301b " + "é".repeat(256),
            "the of and a an to in is it that by be this with",
            "ScaleType.ShrinkToFit drawing.dxf window.URL XMLHttpRequest snake_case __init__ l'API.Client John's.Shop's "
                    + "iPhone McDonald's ABCdef aB.Cd _a.b_ HTTPServer2.0 the_end Of.The.To a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a "
                    + "Ab.Cd.Ef.Gh.Ij.Kl.Mn.Op.Qr.St.Uv.Wx.Yz.Ab.Cd.Ef.Gh.Ij.Kl d'ÉtatCivil.Ça Straße.Größe ÀBC.déF x_Y:zZ");

    @TempDir
    Path work;

    @Test
    void browserAnalysisEqualsLucene() throws Exception {
        String node = NodeRunner.requireNode();
        Corpus corpus = Corpus.read();
        Map<String, List<String>> wordLists = new LinkedHashMap<>();
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            wordLists.put(lang, wordList(lang));
            Set<String> all = new LinkedHashSet<>(EDGE_CASES);
            all.addAll(corpus.inputs(lang));
            all.addAll(wordLists.get(lang));
            inputs.put(lang, List.copyOf(all));
        }
        Path in = work.resolve("in.json");
        Path out = work.resolve("out.json");
        writeHarnessInput(in, inputs, false);

        // Lucene works while node runs: two cores, two halves of the job.
        Process js = NodeRunner.start(node, in, out);
        Map<String, List<List<String>>> lucene = new LinkedHashMap<>();
        for (String lang : LANGUAGES) lucene.put(lang, luceneResults(lang, inputs.get(lang)));
        JsonNode output = NodeRunner.finish(js, out);

        List<Mismatch> mismatches = new ArrayList<>();
        for (String lang : LANGUAGES) {
            List<String> texts = inputs.get(lang);
            JsonNode hashes = output.path("results").path(lang);
            assertEquals(texts.size() * MODES.size(), hashes.size(), lang + ": node returned another number of results");
            for (int i = 0; i < texts.size(); i++) {
                for (int m = 0; m < MODES.size(); m++) {
                    String expected = lucene.get(lang).get(i).get(m);
                    if (fnv1a(expected) != hashes.get(i * MODES.size() + m).asLong()) {
                        mismatches.add(new Mismatch(lang, MODES.get(m), texts.get(i), expected));
                    }
                }
            }
            System.out.printf("analysis parity %s: %,d distinct inputs (%,d corpus words, %,d corpus lines, %,d words of %s,"
                            + " %d edge cases) x %d modes; node took %s ms%n",
                    lang, texts.size(), corpus.words().size(), corpus.lines().get(lang).size(), wordLists.get(lang).size(),
                    WORD_LISTS.get(lang), EDGE_CASES.size(), MODES.size(), output.path("millis").path(lang).asText());
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " analyses differ between Lucene and analysis.js; the first ones:\n"
                    + describe(node, mismatches.subList(0, Math.min(30, mismatches.size()))));
        }
    }

    /** An analysis whose hash differs from Lucene's. */
    private record Mismatch(String lang, Chain mode, String text, String lucene) {}

    /** Runs the harness again on the mismatches alone, for analysis.js's tokens in full. */
    private String describe(String node, List<Mismatch> mismatches) throws Exception {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (Mismatch m : mismatches) inputs.computeIfAbsent(m.lang(), k -> new ArrayList<>()).add(m.text());
        Path in = work.resolve("detail-in.json");
        Path out = work.resolve("detail-out.json");
        writeHarnessInput(in, inputs, true);
        JsonNode results = NodeRunner.finish(NodeRunner.start(node, in, out), out).path("results");
        List<String> lines = new ArrayList<>();
        for (Mismatch m : mismatches) {
            String js = results.path(m.lang()).get(inputs.get(m.lang()).indexOf(m.text())).get(MODES.indexOf(m.mode())).asText();
            lines.add(describe(m.lang(), m.mode(), m.text(), m.lucene(), js));
        }
        return String.join("\n", lines);
    }

    /** 32-bit FNV-1a over UTF-16 units, as the harness computes it. */
    static long fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) hash = (hash ^ text.charAt(i)) * 0x01000193;
        return Integer.toUnsignedLong(hash);
    }

    @Test
    void prepareLoadsUnicodeTablesOnlyForNonAsciiTextAndOnlyOnce() throws Exception {
        String node = NodeRunner.requireNode();
        Path in = work.resolve("in.json");
        Path out = work.resolve("out.json");
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (String lang : LANGUAGES) inputs.put(lang, List.of());
        writeHarnessInput(in, inputs, false);
        JsonNode checks = NodeRunner.finish(NodeRunner.start(node, in, out), out).path("checks");
        for (String lang : LANGUAGES) {
            JsonNode c = checks.path(lang);
            assertTrue(c.path("nonAsciiBeforePrepare").asText().contains("await prepare(text)"), lang + ": " + c);
            assertEquals("plain\u00010\u00010\u00015\u0002ascii\u00011\u00016\u000111", c.path("surfaceBeforePrepare").asText(), lang);
            assertEquals(0, c.path("loadsAfterAsciiPrepare").asInt(), lang + ": ASCII text must not fetch the Unicode tables");
            assertEquals(1, c.path("loadsAfterNonAsciiPrepare").asInt(), lang + ": the Unicode tables are fetched once");
            assertEquals(encode(analyze(lang, Analyzers.Mode.FULL, "Réseaux")), c.path("afterPrepare").asText(), lang);
        }
    }

    private static void writeHarnessInput(Path in, Map<String, List<String>> inputs, boolean detail) throws IOException {
        List<Map<String, Object>> languages = new ArrayList<>();
        for (var e : inputs.entrySet()) {
            languages.add(Map.of("lang", e.getKey(), "table", AnalysisTables.forLanguage(e.getKey()), "inputs", e.getValue()));
        }
        JSON.writeValue(in.toFile(), Map.of("unicode", AnalysisTables.unicode(), "detail", detail, "languages", languages));
    }

    private static List<List<String>> luceneResults(String lang, List<String> texts) throws IOException {
        List<List<String>> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) results.add(new ArrayList<>(MODES.size()));
        for (Chain chain : MODES) {
            try (Analyzer analyzer = Analyzers.forLanguage(lang, chain.mode(), chain.parts())) {
                for (int i = 0; i < texts.size(); i++) results.get(i).add(encode(Token.analyze(analyzer, texts.get(i))));
            }
        }
        return results;
    }

    static List<Token> analyze(String lang, Analyzers.Mode mode, String text) {
        try (Analyzer analyzer = Analyzers.forLanguage(lang, mode)) {
            return Token.analyze(analyzer, text);
        }
    }

    private static String encode(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (!sb.isEmpty()) sb.append('\u0002');
            sb.append(t.term()).append('\u0001').append(t.position()).append('\u0001').append(t.start()).append('\u0001').append(t.end());
        }
        return sb.toString();
    }

    /** The input and the tokens around the first difference (lines of the corpus have hundreds of tokens). */
    private static String describe(String lang, Chain mode, String text, String expected, String actual) {
        List<String> lucene = expected.isEmpty() ? List.of() : List.of(expected.split("\u0002", -1));
        List<String> js = actual.isEmpty() ? List.of() : List.of(actual.split("\u0002", -1));
        int first = 0;
        while (first < lucene.size() && first < js.size() && lucene.get(first).equals(js.get(first))) first++;
        int from = Math.max(0, first - 2);
        return lang + " " + mode + " " + quote(text) + " (" + lucene.size() + " Lucene tokens, " + js.size()
                + " JS tokens; first difference at token " + first + ")"
                + "\n    Lucene: " + readable(lucene, from) + "\n    JS:     " + readable(js, from);
    }

    private static String readable(List<String> tokens, int from) {
        List<String> shown = tokens.subList(Math.min(from, tokens.size()), Math.min(from + 5, tokens.size()));
        return (from > 0 ? "[… " : "[") + String.join(", ", shown).replace('\u0001', ' ')
                + (from + 5 < tokens.size() ? " …]" : "]");
    }

    private static String quote(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
        return '"' + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    /**
     * The corpus as inputs: every whitespace-separated chunk of every Markdown file (punctuation
     * included, so tokenising is tested too) for every language, since readers type any word; and
     * every non-blank line of the files in that language (all languages for files without one), so
     * elision, possessives and stop-word gaps are tested in their own context.
     */
    private record Corpus(Set<String> words, Map<String, Set<String>> lines) {

        static Corpus read() throws IOException {
            Set<String> words = new LinkedHashSet<>();
            Map<String, Set<String>> lines = new LinkedHashMap<>();
            for (String lang : LANGUAGES) lines.put(lang, new LinkedHashSet<>());
            for (Path root : List.of(TestPaths.repoRoot().resolve("content"), TestPaths.corpus("osmbe-website"))) {
                assertTrue(Files.isDirectory(root), "missing corpus " + root);
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
                }
                assertTrue(files.size() > 10, "too few Markdown files under " + root);
                for (Path file : files) {
                    String lang = languageOf(root.relativize(file));
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) continue;
                        for (var e : lines.entrySet()) if (lang == null || lang.equals(e.getKey())) e.getValue().add(line);
                        for (String word : WHITESPACE.split(line.strip())) if (!word.isEmpty()) words.add(word);
                    }
                }
            }
            return new Corpus(words, lines);
        }

        /** x.fr.md, or fr/... ; null when the file does not say. */
        private static String languageOf(Path relative) {
            String name = relative.getFileName().toString();
            for (String lang : LANGUAGES) {
                if (name.endsWith("." + lang + ".md") || relative.getName(0).toString().equals(lang)) return lang;
            }
            return null;
        }

        Set<String> inputs(String lang) {
            Set<String> all = new LinkedHashSet<>(words);
            all.addAll(lines.get(lang));
            return all;
        }
    }

    private static List<String> wordList(String lang) {
        Path path = WORD_LISTS.get(lang);
        if (!Files.isRegularFile(path)) {
            fail("the word list " + path + " is missing: apt-get install wamerican wfrench wdutch, or set AGORA_WORD_LISTS"
                    + " to a folder holding Debian's american-english, french and dutch");
        }
        try {
            List<String> words = Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(w -> !w.isBlank()).toList();
            assertTrue(words.size() >= MIN_WORD_LIST_SIZE, path + " has only " + words.size() + " words");
            if (Boolean.getBoolean("agora.parity.allWords")) return words;
            int stride = (words.size() + WORD_LIST_SAMPLE - 1) / WORD_LIST_SAMPLE;
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < words.size(); i += stride) sample.add(words.get(i));
            return sample;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the harness in node, which must be on PATH. */
    private static final class NodeRunner {

        private static final Path HARNESS = TestPaths.repoRoot().resolve("generator/src/test/js/analysis-parity.mjs");

        static String requireNode() {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) fail("`node --version` failed: " + version);
                int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
                assertTrue(major >= 20, "node 20 or later is needed on PATH, found " + version);
                return "node";
            } catch (IOException e) {
                return fail("node (v20 or later) must be on PATH to test analysis.js: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }

        static Process start(String node, Path in, Path out) throws IOException {
            return new ProcessBuilder(node, HARNESS.toString(), in.toString(), out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(out.resolveSibling("node-stderr.txt").toFile())
                    .start();
        }

        static JsonNode finish(Process process, Path out) throws IOException, InterruptedException {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the analysis.js harness did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                fail("the analysis.js harness failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(out.resolveSibling("node-stderr.txt")));
            }
            return JSON.readTree(out.toFile());
        }
    }
}
