package org.agora.testing;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.ris.RISParser;
import de.undercouch.citeproc.ris.RISReference;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citation files a build writes, read back by parsers that are not Agora's writers: a strict RIS grammar and
 * citeproc-java's RIS reader, jbibtex for BibTeX, Jackson and citeproc-java's item reader for CSL-JSON.
 */
public final class CitationFiles {

    /** One RIS line: a tag of an upper-case letter and a letter or digit, two spaces, a hyphen, a space, the value. */
    private static final Pattern RIS_LINE = Pattern.compile("([A-Z][A-Z0-9])  - (.*)");

    public record Tag(String tag, String value) {}

    private CitationFiles() {}

    /**
     * The tags of a RIS file of one reference, checked against RIS's grammar: CR LF line ends, TY first, ER last
     * and empty, every other line a tag with a value and no control character.
     */
    public static List<Tag> strictRis(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "a RIS file ends with CR LF");
        String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
        List<Tag> tags = new ArrayList<>();
        for (String line : lines) {
            Matcher m = RIS_LINE.matcher(line);
            assertTrue(m.matches(), () -> "not a RIS line: '" + line + "' in\n" + text);
            assertTrue(m.group(2).chars().noneMatch(Character::isISOControl), () -> "control character in " + line);
            tags.add(new Tag(m.group(1), m.group(2)));
        }
        assertEquals("TY", tags.getFirst().tag(), "TY comes first");
        assertEquals(new Tag("ER", ""), tags.getLast(), "ER comes last, empty");
        assertEquals(1, tags.stream().filter(t -> t.tag().equals("TY")).count(), "one reference");
        assertEquals(1, tags.stream().filter(t -> t.tag().equals("ER")).count(), "one reference");
        for (Tag t : tags.subList(0, tags.size() - 1)) assertTrue(!t.value().isBlank(), () -> "empty " + t.tag());
        return tags;
    }

    public static List<String> values(List<Tag> tags, String tag) {
        return tags.stream().filter(t -> t.tag().equals(tag)).map(Tag::value).toList();
    }

    /** The one reference of a RIS file, as citeproc-java's RIS reader sees it. */
    public static RISReference ris(byte[] bytes) throws Exception {
        List<RISReference> refs = new RISParser().parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getReferences();
        assertEquals(1, refs.size());
        return refs.getFirst();
    }

    /** The one entry of a BibTeX file, as jbibtex parses it (strictly: any error fails). */
    public static BibTeXEntry bibtex(byte[] bytes) throws Exception {
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        assertEquals(1, db.getEntries().size(), () -> new String(bytes, StandardCharsets.UTF_8));
        return db.getEntries().values().iterator().next();
    }

    /**
     * The names of a BibTeX name list, split as BibTeX splits them: at " and " outside braces. Braces must
     * balance, which BibTeX counts whatever precedes them.
     */
    public static List<String> bibtexNames(String field) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '{') depth++;
            if (c == '}') depth--;
            assertTrue(depth >= 0, () -> "unbalanced braces in " + field);
            if (depth == 0 && field.regionMatches(true, i, " and ", 0, 5)) {
                names.add(field.substring(start, i));
                start = i + 5;
            }
        }
        assertEquals(0, depth, () -> "unbalanced braces in " + field);
        names.add(field.substring(start));
        return names;
    }

    /** The one item of a CSL-JSON file, read by citeproc-java from the JSON Jackson parsed. */
    public static CSLItemData cslJson(byte[] bytes) throws Exception {
        List<Map<String, Object>> items = new ObjectMapper().readValue(bytes, new TypeReference<>() {});
        assertEquals(1, items.size());
        return CSLItemData.fromJson(items.getFirst());
    }

    /** A query string ("a=b&c=d%20e") as its pairs, in order, decoded. */
    public static List<Map.Entry<String, String>> query(String query) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.add(Map.entry(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return out;
    }
}
