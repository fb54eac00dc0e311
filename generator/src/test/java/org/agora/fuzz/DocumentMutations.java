package org.agora.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.agora.fuzz.HostileInputs.pick;

/**
 * Documents damaged the way files get damaged: flipped characters and bytes, cut short, lines lost or
 * doubled, front matter that is not YAML, or YAML that is hostile (alias bombs, nesting thousands deep,
 * tags, values of the wrong type or of absurd size), text that is not UTF-8, and plain binary junk; and
 * real sites' documents ({@link CorpusDocuments}) damaged the same ways.
 */
final class DocumentMutations {

    private DocumentMutations() {}

    /** What a person would put in a front-matter field by mistake, or an attacker on purpose. */
    private static final List<String> WRONG_VALUES = List.of(
            "[a, b]", "{a: b}", "123", "true", "null", "~", "\"\"", "!!binary aGVsbG8=", "2026-01-01", ".nan", "-.inf", "0x1F",
            "1e999", "99999999999999999999999", "-2147483649", "[[[a]]]", "[null]", "[~, ~]", "[{}]", "{}", "[]", "\"   \"",
            "\"\\0\"", "\"a\\\\b\"", "\"../../../../etc/passwd\"", "\"/../x\"", "\"/..\"", "\"//evil.example/x\"", "\"http://evil.example/\"",
            "\"/\"", "\"/en/\"", "\"/index.html\"", "\"/sitemap.xml\"", "\"/en/search/\"", "\"/assets/agora.js\"", "\"/404.html\"",
            "\"/.agora-cache/x\"", "\"/%2e%2e/%2e%2e/\"", "[\"/en/\"]", "[\"/../../x\"]", "[\"/sitemap.xml\"]", "[\"\\0\"]",
            "\"yesterday\"", "2026-02-30", "0000-00-00", "99999-01-01", "-2026-01-01", "+999999999-12-31", "2026-11-22T25:61:61",
            "2026-11-22T10:00:00+99:00", "2026-11-22 10:00:00 +1", "20261122", "1767225600", "{y: 2026}", "\"tomorrow\"",
            "{start: yesterday}", "{start: 2026-01-01, end: 2025-01-01}", "{start: [x]}", "{location: [a]}", "{start: 2026-01-01, foo: bar}",
            "{start: 2026-01-01T10:00:00+01:00, end: 2026-01-01T09:00:00+01:00}", "\"x.pdf\"", "{file: x}", "[[x]]", "[{title: x}]",
            "[{file: [x]}]", "[\"../../../../etc/passwd\"]", "[\"/../../etc/passwd\"]", "[\"missing.pdf\"]", "[{file: \"\\0\"}]",
            "[\"http://x/y\"]", "[XX]", "[b]", "[\"BE \"]", "[12]", "yes", "on", "\"maybe\"", "1.5", ".inf", "&anchor value",
            "*undefined_alias", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2026-13-45", "!!java.lang.Runtime {}",
            "!<tag:yaml.org,2002:js/function> 'function(){}'", "!custom x", "|\n  block\n text", ">-\n    folded", "'single ''quoted'",
            "\"unterminated", "[unclosed", "{unclosed: 1", "a: b: c", "- item", "@reserved", "`reserved", "%directive", "? complex");

    private static final List<String> FIELDS = List.of("title", "date", "lastmod", "draft", "slug", "url", "aliases", "weight",
            "summary", "description", "type", "translationKey", "tags", "themes", "countries", "organisations", "event",
            "attachments");

    /** Characters that mean something to YAML, Markdown, HTML or shortcodes. */
    private static final String INTERESTING = "{}<>[]():-#\n\t\"'`|*_!%&\\=/~.\u0000\u202E\uFEFF\r";
    /** The same and Agora's private-use markers, for sites whose {@link HostileMix} has them. */
    private static final String INTERESTING_AND_MARKERS = INTERESTING + "\uE000\uE001\uE002";

    static byte[] mutate(DocumentText d, SplittableRandom r, HostileMix mix) {
        int kind = r.nextInt(100);
        d.notes.add("mutation " + kind);
        if (kind < 30) return text(d.render(), r, mix.has(HostileMix.Family.MARKERS)).getBytes(StandardCharsets.UTF_8);
        if (kind < 55) {
            frontMatter(d, r);
            return d.render().getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 65) return yamlAttack(d, r);
        if (kind < 75) return bytes(d.render().getBytes(StandardCharsets.UTF_8), r);
        if (kind < 85) {
            // A real site's document, with a few of the same mutations.
            byte[] real = CorpusDocuments.pick(r);
            d.notes.add("a corpus document");
            return r.nextBoolean() ? bytes(real, r)
                    : text(new String(real, StandardCharsets.UTF_8), r, mix.has(HostileMix.Family.MARKERS)).getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 92) return lineEndings(d.render(), r);
        return junk(r);
    }

    private static String text(String s, SplittableRandom r, boolean markers) {
        String interesting = markers ? INTERESTING_AND_MARKERS : INTERESTING;
        StringBuilder t = new StringBuilder(s);
        int ops = 1 + r.nextInt(4);
        for (int i = 0; i < ops && t.length() > 0; i++) {
            int at = r.nextInt(t.length());
            switch (r.nextInt(7)) {
                case 0 -> {
                    for (int k = 0; k < 1 + r.nextInt(8); k++) t.setCharAt(r.nextInt(t.length()), interesting.charAt(r.nextInt(interesting.length())));
                }
                case 1 -> t.insert(at, interesting.charAt(r.nextInt(interesting.length())));
                case 2 -> t.setLength(at);
                case 3 -> t.insert(at, HostileInputs.any(r));
                case 4 -> t.insert(at, markers ? HostileInputs.markerToken(r, r.nextInt(8)) : HostileInputs.unicode(r));
                default -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(t.toString().split("\n", -1)));
                    int line = r.nextInt(lines.size());
                    switch (r.nextInt(3)) {
                        case 0 -> lines.add(line, lines.get(line));
                        case 1 -> lines.remove(line);
                        default -> {
                            int other = r.nextInt(lines.size());
                            String x = lines.get(line);
                            lines.set(line, lines.get(other));
                            lines.set(other, x);
                        }
                    }
                    t.setLength(0);
                    t.append(String.join("\n", lines));
                }
            }
        }
        return t.toString();
    }

    private static void frontMatter(DocumentText d, SplittableRandom r) {
        int ops = 1 + r.nextInt(3);
        for (int i = 0; i < ops; i++) {
            switch (r.nextInt(6)) {
                case 0, 1 -> d.fields.put(pick(r, FIELDS), pick(r, WRONG_VALUES));
                case 2 -> d.fields.put(pick(r, List.of("\"\"", "~", "null", "1", "? [a, b]", "\"\\0\"", "\u202E", "title ", " title", "Title",
                        "tilte", "tag", "translationkey", "event.start", "<script>")), pick(r, WRONG_VALUES));
                case 3 -> {
                    // A field twice: YAML forbids it, many editors write it.
                    String field = pick(r, FIELDS);
                    d.fields.put(field + ": x\n" + field, pick(r, WRONG_VALUES));
                }
                case 4 -> d.fields.put("title", "\"" + pick(r, List.of("no closing quote", "a\" b \"c", "\\q bad escape", "\\x0 short")));
                default -> d.fields.put("tags", "\n" + pick(r, List.of("- a\n  - b", "  - a\n - b", "\t- tab", "- [a\n- b]", "-a\n-b")));
            }
        }
        if (r.nextInt(8) == 0) {
            d.frontMatter = false;
            d.blocks.addFirst("---\n" + d.fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).reduce("", (a, b) -> a + b + "\n")
                    + pick(r, List.of("", "--", "- - -", "----", " ---", "--- ", "...", "+++")));
        }
    }

    /** YAML that is valid but hostile to whoever reads it: bombs, depth, size, recursion, tags. */
    private static byte[] yamlAttack(DocumentText d, SplittableRandom r) {
        String field = r.nextBoolean() ? pick(r, FIELDS) : "extra";
        switch (r.nextInt(8)) {
            case 0 -> {
                // A billion laughs: nine levels of nine aliases each.
                d.fields.put("lol0", "&a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]");
                for (int i = 1; i < 10; i++) d.fields.put("lol" + i, "&a" + i + " [" + ("*a" + (i - 1) + ",").repeat(8) + "*a" + (i - 1) + "]");
                d.fields.put(pick(r, List.of("title", "tags", "summary", "extra")), "*a9");
            }
            case 1 -> {
                int depth = pick(r, List.of(100, 1000, 5000, 50_000));
                d.fields.put(field, "[".repeat(depth) + "]".repeat(depth));
            }
            case 2 -> {
                int depth = pick(r, List.of(100, 1000, 5000, 20_000));
                d.fields.put(field, "{a: ".repeat(depth) + "1" + "}".repeat(depth));
            }
            case 3 -> {
                StringBuilder s = new StringBuilder();
                int depth = 50 + r.nextInt(950);
                for (int i = 0; i < depth; i++) s.append('\n').append(" ".repeat(i + 1)).append("a:");
                d.fields.put(field, s.append(" 1").toString());
            }
            case 4 -> d.fields.put(field, YamlText.quoted("x".repeat(pick(r, List.of(100_000, 1_000_000, 4_000_000)))));
            case 5 -> d.fields.put(field, YamlText.list(java.util.Collections.nCopies(pick(r, List.of(1000, 20_000, 200_000)), "tag")));
            case 6 -> d.fields.put(field, "&self [*self]");
            default -> d.fields.put(field, pick(r, List.of("!!java.net.URL [\"http://evil.example/\"]", "!!javax.script.ScriptEngineManager []",
                    "\n  <<: *missing", "\n  <<: [*a, *b]", "!!binary |\n  " + "QUJD".repeat(1000), "!!float 1e99999")));
        }
        return d.render().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] b, SplittableRandom r) {
        byte[] out = b.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + r.nextInt(10) && out.length > 0; i++) out[r.nextInt(out.length)] = (byte) r.nextInt(256);
            }
            case 1 -> {
                byte[] bad = pick(r, List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
                int at = out.length == 0 ? 0 : r.nextInt(out.length);
                byte[] joined = new byte[out.length + bad.length];
                System.arraycopy(out, 0, joined, 0, at);
                System.arraycopy(bad, 0, joined, at, bad.length);
                System.arraycopy(out, at, joined, at + bad.length, out.length - at);
                out = joined;
            }
            case 2 -> out = Arrays.copyOf(out, out.length == 0 ? 0 : r.nextInt(out.length));
            default -> {
                // Saved as UTF-16 by an editor that thought it was helping.
                String s = new String(b, StandardCharsets.UTF_8);
                out = s.getBytes(r.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
            }
        }
        return out;
    }

    private static byte[] lineEndings(String s, SplittableRandom r) {
        String t = switch (r.nextInt(4)) {
            case 0 -> s.replace("\n", "\r\n");
            case 1 -> s.replace("\n", "\r");
            case 2 -> "\uFEFF" + s.replace("\n", r.nextBoolean() ? "\r\n" : "\n\r");
            default -> "\uFEFF\uFEFF" + s;
        };
        return t.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] junk(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> "---".getBytes(StandardCharsets.UTF_8);
            case 2 -> "---\n---".getBytes(StandardCharsets.UTF_8);
            case 3 -> "+++\ntitle = \"toml\"\n+++\n".getBytes(StandardCharsets.UTF_8);
            case 4 -> {
                byte[] b = new byte[r.nextInt(65536)];
                r.nextBytes(b);
                yield b;
            }
            default -> {
                byte[] head = "---\ntitle: junk\n---\n".getBytes(StandardCharsets.UTF_8);
                byte[] b = new byte[head.length + r.nextInt(4096)];
                r.nextBytes(b);
                System.arraycopy(head, 0, b, 0, head.length);
                yield b;
            }
        };
    }
}
