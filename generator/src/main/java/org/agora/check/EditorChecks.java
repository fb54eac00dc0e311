package org.agora.check;

import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks only {@code agora check} makes, on top of the build's: they concern readers (a blind reader's image,
 * two documents a reader cannot tell apart in a list), never whether the site can be built, so they are warnings.
 */
public final class EditorChecks {

    private static final Pattern IMAGE_WITHOUT_ALT = Pattern.compile("!\\[\\s*]\\(");

    private EditorChecks() {}

    public static void run(Library library, Diagnostics diagnostics) {
        imagesWithoutAlt(library, diagnostics);
        duplicateTitles(library, diagnostics);
    }

    static void imagesWithoutAlt(Library library, Diagnostics diagnostics) {
        for (Page page : library.pages()) {
            if (page.document() == null) continue;
            String[] lines;
            try {
                lines = page.document().body().split("\n", -1);
            } catch (org.agora.content.Body.ChangedMeanwhile e) {
                continue; // the build reported it
            }
            boolean inFence = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
                if (inFence || !IMAGE_WITHOUT_ALT.matcher(lines[i]).find()) continue;
                diagnostics.warning("image.missing-alt",
                        SourcePosition.of(page.document().source().file(), page.document().bodyLineOffset() + i + 1),
                        "the image has no alternative text, so readers who cannot see it learn nothing from it",
                        "describe the image between the brackets: ![A volunteer mapping a village](photo.jpg)");
            }
        }
    }

    static void duplicateTitles(Library library, Diagnostics diagnostics) {
        Map<String, List<Page>> byTitle = new TreeMap<>();
        for (Page page : library.pages()) {
            if (page.kind() != PageKind.PAGE || page.document() == null || page.title() == null) continue;
            String key = page.language() + "\u0000" + page.title().strip().toLowerCase(Locale.ROOT);
            byTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(page);
        }
        // Reported once, in each document after the first (by date, then path): the oldest keeps its title.
        for (List<Page> same : byTitle.values()) {
            if (same.size() < 2) continue;
            List<Page> sorted = same.stream().sorted(java.util.Comparator
                    .comparing(Page::date, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(p -> p.document().source().relPath())).toList();
            String first = "content/" + sorted.get(0).document().source().relPath();
            for (Page page : sorted.subList(1, sorted.size())) {
                var fm = page.document().frontMatter();
                diagnostics.warning("title.duplicate", SourcePosition.of(page.document().source().file(), fm.lineOf("title")),
                        "the title '" + page.title() + "' is already the title of " + first
                                + " in the same language, so readers cannot tell them apart in lists and search results",
                        "give this document a title of its own");
            }
        }
    }
}
