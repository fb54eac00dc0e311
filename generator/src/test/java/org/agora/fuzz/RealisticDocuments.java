package org.agora.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.agora.fuzz.YamlText.list;
import static org.agora.fuzz.YamlText.quoted;

/**
 * Documents as editors of an e-library write them: every front-matter field Agora reads, and Markdown with
 * headings, lists, tables, code, footnotes, links to other documents and their headings, pictures,
 * attachments and each shortcode of the default theme. Every link and name points at something that exists.
 */
final class RealisticDocuments {

    /** Headings every valid document has, so that links can name their anchors. */
    static final List<String> ANCHORS = List.of("overview", "details");

    private final SitePlan plan;

    RealisticDocuments(SitePlan plan) { this.plan = plan; }

    DocumentText write(SitePlan.Doc doc, SplittableRandom r) {
        DocumentText d = new DocumentText();
        String lang = doc.language();
        if (!doc.sectionIndex() && r.nextInt(100) < 3) {
            // A file without front matter is a page titled after its file name.
            d.frontMatter = false;
        }
        d.fields.put("title", quoted(Words.title(r, lang) + " " + doc.number()));
        if (doc.isEvent() || r.nextInt(100) < 60) d.fields.put("date", Words.date(r));
        if (r.nextInt(100) < 20) d.fields.put("lastmod", Words.date(r));
        if (r.nextInt(100) < 70) d.fields.put(r.nextInt(5) == 0 ? "description" : "summary", quoted(Words.sentence(r, lang)));
        if (doc.slug() != null) d.fields.put("slug", quoted(doc.slug()));
        if (doc.url() != null) d.fields.put("url", quoted(doc.url()));
        if (!doc.aliases().isEmpty()) d.fields.put("aliases", list(doc.aliases()));
        if (doc.translationKey() != null) d.fields.put("translationKey", quoted(doc.translationKey()));
        if (doc.draft()) d.fields.put("draft", "true");
        else if (r.nextInt(10) == 0) d.fields.put("draft", "false");
        if (r.nextInt(100) < 20) d.fields.put("weight", Integer.toString(r.nextInt(100)));
        if (!doc.sectionIndex()) {
            if (r.nextInt(100) < 50) d.fields.put("type", doc.isEvent() ? "events" : HostileInputs.pick(r, Words.TYPES));
            if (r.nextInt(100) < 60) d.fields.put("tags", list(pickSome(r, Words.TAGS, 1 + r.nextInt(3))));
            if (r.nextInt(100) < 50) d.fields.put("themes", list(pickSome(r, Words.THEMES, 1 + r.nextInt(2))));
            if (r.nextInt(100) < 40) d.fields.put("countries", list(pickSome(r, Words.COUNTRIES, 1 + r.nextInt(2))));
            if (r.nextInt(100) < 20) d.fields.put("organisations", r.nextBoolean() ? quoted(HostileInputs.pick(r, Words.ORGANISATIONS))
                    : list(pickSome(r, Words.ORGANISATIONS, 2)));
            if (doc.isEvent()) d.fields.put("event", event(r));
            if (r.nextInt(100) < 15) d.fields.put("attachments", attachments(doc, r));
            if (r.nextInt(100) < 10) d.fields.put("params", "{ color: blue, featured: true }");
        }
        body(doc, d, r);
        return d;
    }

    private static String event(SplittableRandom r) {
        String day = Words.date(r);
        int hour = 8 + r.nextInt(6);
        StringBuilder s = new StringBuilder("\n  start: ").append(day).append(String.format("T%02d:30:00+01:00", hour));
        if (r.nextBoolean()) s.append("\n  end: ").append(day).append(String.format("T%02d:00:00+01:00", hour + 2));
        if (r.nextInt(10) > 0) s.append("\n  location: ").append(quoted(HostileInputs.pick(r, Words.PLACES)));
        return s.toString();
    }

    private String attachments(SitePlan.Doc doc, SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        List<String> files = new ArrayList<>(plan.attachments.get(r.nextBoolean() ? doc.language() : ""));
        files.addAll(plan.images.get(doc.language()));
        for (String f : pickSome(r, files, 1 + r.nextInt(2))) {
            String path = SitePlan.link(doc, f, r);
            if (r.nextBoolean()) s.append("\n  - ").append(quoted(path));
            else s.append("\n  - file: ").append(quoted(path)).append("\n    title: ").append(quoted(Words.title(r, doc.language())));
        }
        return s.toString();
    }

    private void body(SitePlan.Doc doc, DocumentText d, SplittableRandom r) {
        String lang = doc.language();
        List<SitePlan.Doc> targets = plan.linkable();
        d.blocks.add(Words.paragraph(r, lang));
        d.blocks.add("## Overview");
        d.blocks.add(Words.paragraph(r, lang) + " " + docLink(doc, targets, r) + " " + Words.sentence(r, lang));
        d.blocks.add("- " + Words.sentence(r, lang) + "\n- **" + Words.words(r, lang, 2) + "** " + docLink(doc, targets, r)
                + "\n  - " + Words.sentence(r, lang) + "\n- [ ] " + Words.words(r, lang, 3));
        d.blocks.add("## Details");
        int extras = 2 + r.nextInt(5);
        for (int i = 0; i < extras; i++) d.blocks.add(extra(doc, targets, r));
        d.blocks.add(Words.paragraph(r, lang));
    }

    private String extra(SitePlan.Doc doc, List<SitePlan.Doc> targets, SplittableRandom r) {
        String lang = doc.language();
        return switch (r.nextInt(13)) {
            case 0 -> "| " + Words.word(r, lang) + " | " + Words.word(r, lang) + " |\n|---|---:|\n| " + Words.words(r, lang, 2)
                    + " | " + r.nextInt(1000) + " |";
            case 1 -> "```java\nint x = " + r.nextInt(10) + "; // {{< figure src=\"not-a-shortcode.png\" >}}\n```";
            case 2 -> "![" + Words.words(r, lang, 2) + "](" + SitePlan.link(doc, HostileInputs.pick(r, plan.images.get(lang)), r) + ")";
            case 3 -> "{{< figure src=\"" + SitePlan.link(doc, HostileInputs.pick(r, plan.images.get(lang)), r) + "\" alt=\""
                    + Words.words(r, lang, 2) + "\" caption=\"" + Words.sentence(r, lang) + "\" >}}";
            case 4 -> "{{% notice " + HostileInputs.pick(r, List.of("note", "tip", "info", "warning")) + " %}}\n"
                    + Words.sentence(r, lang) + " **" + Words.word(r, lang) + "**\n{{% /notice %}}";
            case 5 -> "{{% callout type=\"tip\" title=\"" + Words.title(r, lang) + "\" %}}\n" + Words.paragraph(r, lang) + "\n{{% /callout %}}";
            case 6 -> "{{< youtube " + (r.nextBoolean() ? "dQw4w9WgXcQ" : "id=\"M7lc1UVf-VE\" title=\"" + Words.title(r, lang) + "\"") + " >}}";
            case 7 -> targets.isEmpty() ? Words.paragraph(r, lang)
                    : "{{< card \"" + SitePlan.link(doc, HostileInputs.pick(r, targets).relPath(), r) + "\" >}}";
            case 8 -> targets.isEmpty() ? Words.paragraph(r, lang)
                    : "See [" + Words.words(r, lang, 2) + "]({{< ref \"/" + HostileInputs.pick(r, targets).relPath() + "\" >}}).";
            case 9 -> Words.sentence(r, lang) + "[^" + doc.number() + "]\n\n[^" + doc.number() + "]: " + Words.sentence(r, lang);
            case 10 -> "> " + Words.sentence(r, lang) + "\n> — *" + Words.word(r, lang) + "*";
            case 11 -> "Download [" + Words.word(r, lang) + "](" + SitePlan.link(doc, HostileInputs.pick(r, plan.attachments.get(lang)), r)
                    + ") or visit https://example.org/" + Words.word(r, "en") + " and [the home page](/" + lang + "/).";
            default -> "### " + Words.title(r, lang) + "\n\n" + Words.paragraph(r, lang);
        };
    }

    /** A link to a published document, sometimes to one of its headings. */
    static String docLink(SitePlan.Doc from, List<SitePlan.Doc> targets, SplittableRandom r) {
        if (targets.isEmpty()) return "";
        SitePlan.Doc to = HostileInputs.pick(r, targets);
        String anchor = !to.sectionIndex() && r.nextInt(3) == 0 ? "#" + HostileInputs.pick(r, ANCHORS) : "";
        return "[" + Words.word(r, from.language()) + "](" + SitePlan.link(from, to.relPath(), r) + anchor + ")";
    }

    static List<String> pickSome(SplittableRandom r, List<String> from, int count) {
        List<String> copy = new ArrayList<>(from);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count && !copy.isEmpty(); i++) out.add(copy.remove(r.nextInt(copy.size())));
        return out;
    }
}
