package org.agora.fuzz;

import java.util.List;
import java.util.SplittableRandom;

import static org.agora.fuzz.HostileInputs.ALERT;

/**
 * Valid Markdown no person writes: nesting thousands deep, very long lines, thousands of links, headings and
 * shortcodes. Recursive parsers and renderers overflow their stack on it, quadratic ones take minutes. In a
 * site that must build ({@code mayBreak} false), depths, lines and paragraphs stay just inside Agora's limits
 * (64 levels, 200,000 characters a line, 100,000 characters or 5,000 lines a paragraph): the most a build must take.
 */
final class Stress {

    private Stress() {}

    static String fragment(SplittableRandom r, SitePlan.Doc doc, List<SitePlan.Doc> targets, boolean mayBreak) {
        int n = 500 + r.nextInt(4500);
        int depth = mayBreak ? n : 20 + r.nextInt(40);
        return switch (r.nextInt(14)) {
            case 0 -> ">".repeat(depth) + " deep quote";
            case 1 -> nestedList(mayBreak ? 200 + r.nextInt(800) : depth);
            case 2 -> "[".repeat(n) + "x" + "](y)".repeat(Math.min(n, 200));
            case 3 -> "*_".repeat(depth / 2) + "x" + "_*".repeat(depth / 2);
            case 4 -> "<div>".repeat(n) + "deep html" + (r.nextBoolean() ? "</div>".repeat(n) : "");
            case 5 -> ("<span title=\"x\">" + "<b>").repeat(n / 2) + "x";
            case 6 -> "word ".repeat(mayBreak ? 40_000 + r.nextInt(160_000) : 10_000 + r.nextInt(9_000)) + HostileInputs.html(r);
            case 7 -> {
                if (targets.isEmpty()) yield "";
                String to = SitePlan.link(doc, HostileInputs.pick(r, targets).relPath(), r);
                int links = mayBreak ? 1000 + r.nextInt(2000) : Math.min(2000, 90_000 / (to.length() + 6));
                yield ("[l](" + to + ") ").repeat(links);
            }
            case 8 -> "## Same heading\n\n".repeat(500 + r.nextInt(1500));
            case 9 -> "{{< youtube x >}}\n\n".repeat(200 + r.nextInt(800));
            case 10 -> "{{% callout %}}\n".repeat(100 + r.nextInt(400)) + "deep" + "\n{{% /callout %}}".repeat(100 + r.nextInt(400));
            case 11 -> "x[^1]".repeat(1000) + "\n\n[^1]: note " + "[^1]".repeat(100);
            case 12 -> {
                int columns = mayBreak ? 300 : 40;
                yield "|" + " c |".repeat(columns) + "\n|" + "---|".repeat(columns)
                        + ("\n|" + " <img src=x onerror=" + ALERT + "> |".repeat(columns)).repeat(50);
            }
            default -> ("(" + "[").repeat(n) + "javascript:" + ALERT + ")".repeat(n);
        };
    }

    private static String nestedList(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) s.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        return s.toString();
    }
}
