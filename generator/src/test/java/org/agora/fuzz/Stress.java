package org.agora.fuzz;

import java.util.List;
import java.util.SplittableRandom;

import static org.agora.fuzz.HostileInputs.ALERT;

/**
 * Valid Markdown no person writes: nesting thousands deep, very long lines, thousands of links, headings and
 * shortcodes. Recursive parsers and renderers overflow their stack on it, quadratic ones take minutes. In a
 * site that must build ({@code mayBreak} false), depths and lines stay just inside Agora's limits (64 levels,
 * 200,000 characters a line): the most a build must take.
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
            case 6 -> "word ".repeat(mayBreak ? 40_000 + r.nextInt(160_000) : 10_000 + r.nextInt(29_000)) + HostileInputs.html(r);
            case 7 -> {
                if (targets.isEmpty()) yield "";
                String to = SitePlan.link(doc, HostileInputs.pick(r, targets).relPath(), r);
                yield ("[l](" + to + ") ").repeat(1000 + r.nextInt(2000));
            }
            case 8 -> "## Same heading\n\n".repeat(500 + r.nextInt(1500));
            case 9 -> "{{< youtube x >}}\n\n".repeat(200 + r.nextInt(800));
            case 10 -> "{{% callout %}}\n".repeat(100 + r.nextInt(400)) + "deep" + "\n{{% /callout %}}".repeat(100 + r.nextInt(400));
            case 11 -> "x[^1]".repeat(1000) + "\n\n[^1]: note " + "[^1]".repeat(100);
            case 12 -> "|" + " c |".repeat(300) + "\n|" + "---|".repeat(300) + ("\n|" + " <img src=x onerror=" + ALERT + "> |".repeat(300)).repeat(50);
            default -> ("(" + "[").repeat(n) + "javascript:" + ALERT + ")".repeat(n);
        };
    }

    private static String nestedList(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) s.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        return s.toString();
    }
}
