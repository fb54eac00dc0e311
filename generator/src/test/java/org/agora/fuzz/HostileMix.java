package org.agora.fuzz;

import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * Which families of payloads one site's hostile documents use ("swarm testing"): a payload that crashes
 * the build fails the whole site, so if every site had every family, the first crash would hide all the
 * checks of the pages behind it. Sites with a few families each still meet every family across a run,
 * and every pair of them in some sites.
 */
record HostileMix(EnumSet<Family> families) {

    enum Family {
        /** Raw HTML blocks and inline elements, comments, CDATA, entities. */
        RAW_HTML,
        /** Markdown links, images, references and autolinks to script-capable URLs. */
        LINKS,
        /** Theme shortcodes with payload arguments and bodies; unknown, unclosed, escaped and nested ones. */
        SHORTCODES,
        /** Agora's private-use shortcode markers U+E000, U+E001, U+E002 anywhere, alone and as tokens of any number. */
        MARKERS,
        /**
         * Markers aimed: a token of the document's own first shortcode inside an attribute, a link or a heading,
         * and U+E002 (where a paired shortcode's body goes) inside an argument.
         */
        MARKER_GADGETS,
        /** Payloads in front-matter fields: title, summary, tags, slug, url, aliases, type, event, attachments. */
        FIELDS,
        /** Headings, code spans and blocks, tables and footnotes holding payloads. */
        BLOCKS,
        /** Bidi controls, NUL, combining marks, emoji, RTL text, and text that closes elements and attributes. */
        TEXT,
        /** Nesting thousands deep, very long lines, thousands of links, headings and shortcodes. */
        STRESS
    }

    static HostileMix pick(SplittableRandom r) {
        EnumSet<Family> on = EnumSet.noneOf(Family.class);
        for (Family f : Family.values()) {
            int percent = switch (f) {
                case STRESS -> 25;
                case MARKERS -> 30;
                default -> 50;
            };
            if (r.nextInt(100) < percent) on.add(f);
        }
        while (on.size() < 2) on.add(Family.values()[r.nextInt(Family.values().length)]);
        return new HostileMix(on);
    }

    boolean has(Family f) { return families.contains(f); }
}
