package org.agora.cite;

import org.agora.content.FrontMatter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * COinS (ContextObjects in Spans): the citation as an OpenURL ContextObject (Z39.88-2004, key/encoded-value
 * format), URL-encoded into the title of an empty {@code <span class="Z3988">}. Zotero and link resolvers read
 * it where a page has no meta tags of its own (a list showing several works).
 */
public final class Coins {

    private Coins() {}

    /** The span's title: a query string, as the attribute holds it before HTML escaping. */
    public static String of(Citation c) {
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"ctx_ver", "Z39.88-2004"});
        kv.add(new String[] {"rft_val_fmt", "info:ofi/fmt:kev:mtx:book"});
        if (c.doi() != null) kv.add(new String[] {"rft_id", "info:doi/" + c.doi()});
        kv.add(new String[] {"rft_id", c.url()});
        kv.add(new String[] {"rft.genre", c.kind() == Citation.Kind.BOOK ? "book" : "report"});
        kv.add(new String[] {"rft.btitle", c.title()});
        if (!c.authors().isEmpty()) {
            FrontMatter.Author first = c.authors().getFirst();
            if (first.isPerson()) {
                kv.add(new String[] {"rft.aulast", first.family()});
                if (first.given() != null) kv.add(new String[] {"rft.aufirst", first.given()});
            } else {
                kv.add(new String[] {"rft.aucorp", first.literal()});
            }
            for (FrontMatter.Author a : c.authors().subList(1, c.authors().size())) {
                kv.add(new String[] {a.isPerson() ? "rft.au" : "rft.aucorp", a.isPerson() ? a.invertedName() : a.literal()});
            }
        }
        if (c.issued() != null) kv.add(new String[] {"rft.date", c.issued().date().toString()});
        if (c.publisher() != null) kv.add(new String[] {"rft.pub", c.publisher()});
        if (c.isbn() != null) kv.add(new String[] {"rft.isbn", c.isbn()});
        kv.add(new String[] {"rft.language", c.languageCode()});
        StringBuilder out = new StringBuilder();
        for (String[] p : kv) {
            if (!out.isEmpty()) out.append('&');
            out.append(p[0]).append('=').append(encode(Ris.oneLine(p[1])));
        }
        return out.toString();
    }

    /** Percent-encoding with %20 for a space: OpenURL's KEV format and every query parser read it the same. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
