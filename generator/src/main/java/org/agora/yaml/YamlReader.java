package org.agora.yaml;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.List;

/**
 * Reads YAML into {@link YamlNode}s with line numbers, using Jackson's streaming parser
 * (a data-binding tree would lose the positions editors need in error messages).
 *
 * <p>Front matter, configuration and data files come from anyone who can commit to the site, so the
 * reader is bounded by {@link Limits}: whatever the text, it returns a tree or a {@link YamlProblem} with a
 * line, quickly, and never throws. Aliases ({@code *name}) are refused: Jackson's parser does not expand
 * them (it gives the anchor's name as the value), so they could only ever be read wrongly, and refusing them
 * also rules out "billion laughs" documents.
 */
public final class YamlReader {

    /**
     * How much YAML one text may hold. The defaults are far above any real front matter (a few dozen values,
     * rarely nested more than 5 levels), site configuration or taxonomy file, and keep a hostile text cheap.
     *
     * @param maxChars a longer text is not parsed at all: SnakeYAML's scanner takes time quadratic in the
     *                 length of a single long word, about half a second for a million characters
     * @param maxDepth lists and maps nested deeper are refused (SnakeYAML's own default); this also bounds the
     *                 recursion of {@link #read}
     * @param maxValues values (scalars, lists and maps, keys not counted) one text may hold, which bounds the
     *                  memory of the tree
     */
    public record Limits(int maxChars, int maxDepth, int maxValues) {
        public static final Limits DEFAULTS = new Limits(1_000_000, 50, 100_000);

        public Limits {
            if (maxChars <= 0 || maxDepth <= 0 || maxValues <= 0) {
                throw new IllegalArgumentException("YAML limits must be positive: " + maxChars + " characters, "
                        + maxDepth + " levels, " + maxValues + " values");
            }
        }
    }

    /** Either a tree or the first syntax problem, never both. */
    public record Result(YamlNode node, YamlProblem problem, List<YamlProblem> duplicateKeys) {
        public boolean ok() { return problem == null; }
    }

    private final YAMLFactory factory;
    private final TokenTree tree;

    public YamlReader() { this(Limits.DEFAULTS); }

    public YamlReader(Limits limits) {
        this.tree = new TokenTree("YAML", limits);
        // Only the code point limit of SnakeYAML's LoaderOptions applies to the events Jackson reads; its
        // nesting, alias and recursive-key limits belong to SnakeYAML's composer, which Jackson does not use:
        // this class enforces those itself. The text is measured before parsing, so neither this limit nor
        // Jackson's document and string lengths (which its YAML parser does not check today) are reached
        // first; they are set to the same value in case a later version does check them.
        LoaderOptions snakeYaml = new LoaderOptions();
        snakeYaml.setCodePointLimit(limits.maxChars());
        this.factory = YAMLFactory.builder()
                .loaderOptions(snakeYaml)
                .streamReadConstraints(TokenTree.constraints(limits))
                // "key:" with nothing after it is null in YAML, not an empty text.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
    }

    /**
     * @param lineOffset added to every line, for YAML embedded in a file (front matter starts on line 2)
     */
    public Result read(String text, int lineOffset) {
        return tree.read(text, lineOffset, factory::createParser, TokenTree.Lines.fromParser(lineOffset));
    }
}
