package org.agora.check;

import org.agora.cite.Citations;
import org.agora.config.SiteConfig;
import org.agora.content.FrontMatter;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.model.Library;
import org.agora.model.Page;

/**
 * What a reference to a citable document needs (its type is listed under {@code citable:}), checked by
 * {@code agora check} only: a reference without authors or a year still works, so these are warnings, but a
 * reader pasting it into a bibliography gets "n.d." or a title in the author's place.
 */
public final class CitableFields {

    public static final String MISSING_AUTHORS = "citation.missing-authors";
    public static final String MISSING_DATE = "citation.missing-date";

    private CitableFields() {}

    public static void run(Library library, Diagnostics diagnostics) {
        SiteConfig config = library.config();
        for (Page page : library.pages()) {
            if (!Citations.isCitable(page, config) || !page.document().frontMatterRead()) continue;
            FrontMatter fm = page.document().frontMatter();
            // A field the type requires is already an error of RequiredFields: one problem, one message.
            var required = config.types().required(page.type());
            if (!fm.has("authors") && !required.contains("authors")) {
                diagnostics.warning(MISSING_AUTHORS, at(page, fm, "authors"),
                        "the document can be cited (type '" + page.type() + "' is citable) but names no authors, so its references begin with its title",
                        "add the people or the organisation who wrote it:\n      authors:\n        - \"Diop, Awa\"\n        - Bridges Learning Network");
            }
            if (!fm.has("date") && !required.contains("date")) {
                diagnostics.warning(MISSING_DATE, at(page, fm, "date"),
                        "the document can be cited (type '" + page.type() + "' is citable) but has no date, so its references say \"n.d.\"",
                        "add the day it was published:  date: 2026-03-31");
            }
        }
    }

    /** The empty field's line when written, else the title's, where an editor adds fields. */
    private static SourcePosition at(Page page, FrontMatter fm, String field) {
        int line = fm.wrote(field) ? fm.lineOf(field) : fm.wrote("title") ? fm.lineOf("title") : 1;
        return SourcePosition.of(page.document().source().file(), line);
    }
}
