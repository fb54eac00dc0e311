package org.agora.docs;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.content.FrontMatterParser;
import org.agora.content.SourceFile;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README, the manuals in docs/ and bench/README.md say what is true: every relative link reaches a file (and
 * every {@code #anchor} a heading of a Markdown file, by GitHub's slugs), and every example a reader would copy is
 * read by Agora without an error or a warning. A {@code yaml} block is a site-config.yml example, read by the real
 * {@link ConfigLoader} (a fragment inside a minimal site: the keys it leaves out come from {@link #BASE}); a
 * {@code yaml}, {@code markdown} or {@code md} block that starts with {@code ---}, or a {@code yaml} block after
 * {@code <!-- front-matter -->}, is front matter, read by the real {@link FrontMatterParser}. A block that shows a
 * mistake or is something else (a CI workflow) says so on the line before it: {@code <!-- not-checked: why -->}.
 */
class DocsTest {

    static final Path ROOT = TestPaths.repoRoot();

    /** The minimal site a site-config fragment is read in: only the top-level keys the fragment lacks are added. */
    static final String BASE = """
            baseURL: https://example.org/elibrary/
            languages:
              en: { label: English, locale: en-GB }
              fr: { label: Français, locale: fr-BE }
              nl: { label: Nederlands, locale: nl-BE }
            """;

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([\\w-]*).*$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern NOT_CHECKED = Pattern.compile("^<!--\\s*not-checked:\\s*\\S.*-->$");
    private static final Pattern FRONT_MATTER_MARK = Pattern.compile("^<!--\\s*front-matter\\s*-->$");
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z][\\w.-]*)\\s*:");

    @TempDir
    Path temp;

    /** A fenced block: its language, its text, the last non-blank line before it and where it starts. */
    record Block(Path file, int line, String lang, String text, String before) {
        boolean notChecked() { return NOT_CHECKED.matcher(before.strip()).matches(); }
        String where() { return ROOT.relativize(file) + ":" + line; }
    }

    /** A Markdown file read once: its prose lines (code blocks blanked), its blocks and its anchors. */
    record Doc(Path file, List<String> prose, List<Block> blocks, Set<String> anchors) {}

    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        files.add(ROOT.resolve("bench/README.md"));
        return files;
    }

    static Doc read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> prose = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> slugCounts = new HashMap<>();
        String lastNonBlank = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String indent = fence.group(1), marker = fence.group(2);
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                prose.add("");
                for (i++; i < lines.size(); i++) {
                    String inner = lines.get(i);
                    if (inner.strip().startsWith(marker) && inner.strip().chars().allMatch(c -> c == marker.charAt(0))) break;
                    text.append(inner.startsWith(indent) ? inner.substring(indent.length()) : inner.stripLeading()).append('\n');
                    prose.add("");
                }
                prose.add("");
                blocks.add(new Block(file, start, fence.group(3).toLowerCase(), text.toString(), lastNonBlank));
                lastNonBlank = "```";
                continue;
            }
            prose.add(line);
            if (!line.isBlank()) lastNonBlank = line;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int n = slugCounts.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher id = HTML_ID.matcher(line);
            while (id.find()) anchors.add(id.group(1));
        }
        return new Doc(file, prose, blocks, anchors);
    }

    /** The id GitHub gives a heading: its text without markup, lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        text = text.replaceAll("<[^>]+>", "").toLowerCase();
        return text.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** Every relative link of the file that does not reach a file, or a heading of it. */
    static List<String> brokenLinks(Doc doc, Map<Path, Doc> known) throws IOException {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < doc.prose().size(); i++) {
            String line = CODE_SPAN.matcher(doc.prose().get(i)).replaceAll("");
            List<String> targets = new ArrayList<>();
            Matcher link = LINK.matcher(line);
            while (link.find()) targets.add(link.group(1));
            Matcher ref = REFERENCE.matcher(line);
            if (ref.matches()) targets.add(ref.group(1));
            for (String target : targets) {
                String problem = problem(doc, target, known);
                if (problem != null) broken.add(ROOT.relativize(doc.file()) + ":" + (i + 1) + ": " + target + ": " + problem);
            }
        }
        return broken;
    }

    private static String problem(Doc doc, String target, Map<Path, Doc> known) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) return null;   // https:, mailto:…: not ours to check
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path file = doc.file();
        if (!path.isEmpty()) {
            if (path.startsWith("/")) return "a link from the repository's root works on GitHub only; write it relative";
            file = doc.file().getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
            if (!Files.exists(file)) return "no such file " + ROOT.relativize(file);
        }
        if (anchor == null || !file.toString().endsWith(".md")) return null;
        Doc linked = known.containsKey(file) ? known.get(file) : read(file);
        return linked.anchors().contains(anchor) ? null
                : "no heading with the anchor #" + anchor + " in " + ROOT.relativize(file) + " (its anchors: " + linked.anchors() + ")";
    }

    @Test
    void everyLinkResolves() throws IOException {
        Map<Path, Doc> docs = new HashMap<>();
        for (Path file : documents()) docs.put(file, read(file));
        List<String> broken = new ArrayList<>();
        for (Path file : documents()) broken.addAll(brokenLinks(docs.get(file), docs));
        assertEquals(List.of(), broken, "fix these links in the README, docs/ or bench/README.md");
    }

    @Test
    void theReadmeIsAFrontDoorThatLinksEveryManual() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        long lines = readme.lines().count();
        assertTrue(lines <= 160, "README.md has " + lines + " lines: the manuals belong in docs/");
        List<String> unlinked = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.map(p -> "(docs/" + p.getFileName() + ")").sorted().filter(l -> !readme.contains(l)).forEach(unlinked::add);
        }
        assertEquals(List.of(), unlinked, "link every manual from the README's Manuals list");
        assertTrue(readme.contains("./agora serve ") && readme.contains("./run-tests "), "the quick start's two commands");
    }

    @Test
    void everySiteConfigExampleIsReadWithoutAnError() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : documents()) {
            for (Block block : read(file).blocks()) {
                if (!block.lang().equals("yaml") && !block.lang().equals("yml")) continue;
                if (block.notChecked() || isFrontMatter(block)) continue;
                checked++;
                Diagnostics diagnostics = new Diagnostics();
                Path site = Files.createTempDirectory(temp, "site");
                Files.writeString(site.resolve(ConfigLoader.FILE_NAME), completed(block.text()), StandardCharsets.UTF_8);
                Optional<SiteConfig> config = new ConfigLoader().load(site, diagnostics);
                List<Diagnostic> all = diagnostics.sorted();
                if (config.isEmpty() || !all.isEmpty()) {
                    problems.add(block.where() + ": " + (all.isEmpty() ? "not read" : all.stream().map(d -> d.format(site)).toList()));
                }
            }
        }
        assertEquals(List.of(), problems, "correct these site-config.yml examples, or mark a wrong one <!-- not-checked: why -->");
        assertTrue(checked >= 4, "only " + checked + " site-config examples found");
    }

    @Test
    void everyFrontMatterExampleIsReadWithoutAnError() throws IOException {
        Path site = Files.createTempDirectory(temp, "site");
        Files.writeString(site.resolve(ConfigLoader.FILE_NAME), BASE, StandardCharsets.UTF_8);
        SiteConfig config = new ConfigLoader().load(site, new Diagnostics()).orElseThrow();
        FrontMatterParser parser = new FrontMatterParser(config);
        Path content = site.resolve("content/en/guides/example.md");
        SourceFile source = new SourceFile(content, "en/guides/example.md", "en", "guides/example", SourceFile.Layout.FOLDER);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : documents()) {
            for (Block block : read(file).blocks()) {
                if (block.notChecked() || !isFrontMatter(block)) continue;
                checked++;
                String text = block.text().startsWith("---") ? block.text() : "---\n" + block.text() + "---\n";
                Diagnostics diagnostics = new Diagnostics();
                parser.parse(source, text, diagnostics);
                if (!diagnostics.sorted().isEmpty()) {
                    problems.add(block.where() + ": " + diagnostics.sorted().stream().map(d -> d.format(site)).toList());
                }
            }
        }
        assertEquals(List.of(), problems, "correct these front-matter examples, or mark a wrong one <!-- not-checked: why -->");
        assertTrue(checked >= 3, "only " + checked + " front-matter examples found");
    }

    static boolean isFrontMatter(Block block) {
        boolean markdown = Set.of("yaml", "yml", "markdown", "md").contains(block.lang());
        return markdown && (block.text().startsWith("---\n")
                || (!block.lang().startsWith("m") && FRONT_MATTER_MARK.matcher(block.before().strip()).matches()));
    }

    /** The example, with the keys of {@link #BASE} it does not set itself. */
    static String completed(String example) {
        Set<String> own = new LinkedHashSet<>();
        Matcher key = TOP_KEY.matcher(example);
        while (key.find()) own.add(key.group(1));
        StringBuilder out = new StringBuilder(example);
        String[] base = BASE.split("\n(?=\\S)");
        for (String entry : base) {
            Matcher k = TOP_KEY.matcher(entry);
            if (k.find() && !own.contains(k.group(1))) out.append('\n').append(entry.strip()).append('\n');
        }
        return out.toString();
    }

    // The checks themselves can fail: a broken link, a missing anchor, a wrong example.

    @Test
    void aBrokenLinkOrAnchorIsFound() throws IOException {
        Path file = temp.resolve("page.md");
        Files.writeString(file, """
                # A page

                ## Site-config.yml: the `types` key

                [fine](#site-configyml-the-types-key), [missing](#nowhere), [no file](missing.md),
                `[in code](missing.md)`, [outside](https://example.org/x.md)

                ```
                [in a block](missing.md)
                ```
                """);
        Doc doc = read(file);
        List<String> broken = brokenLinks(doc, Map.of(file, doc));
        assertEquals(2, broken.size(), broken.toString());
        assertTrue(broken.get(0).contains("#nowhere") && broken.get(1).contains("missing.md"), broken.toString());
    }

    @Test
    void slugsAreGitHubs() {
        assertEquals("site-configyml", slug("site-config.yml"));
        assertEquals("writing-documents-editors-guide", slug("Writing documents (editor's guide)"));
        assertEquals("related-documents-issue-13-point-3", slug("Related documents (issue 13, point 3)"));
        assertEquals("agora-check---format-json", slug("`agora check --format json`"));
    }

    @Test
    void aWrongExampleIsFound() throws IOException {
        Path site = Files.createTempDirectory(temp, "wrong");
        Files.writeString(site.resolve(ConfigLoader.FILE_NAME), completed("defaultLanguge: en\n"));
        Diagnostics diagnostics = new Diagnostics();
        new ConfigLoader().load(site, diagnostics);
        assertTrue(diagnostics.hasErrors(), "a misspelt key in an example must fail");
        String own = completed("languages:\n  en: { label: English }\n");
        assertEquals(own.indexOf("languages:"), own.lastIndexOf("languages:"), "an example's own key is not added again");
        assertTrue(own.contains("baseURL:"), own);
    }
}
