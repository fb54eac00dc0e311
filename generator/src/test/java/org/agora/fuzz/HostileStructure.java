package org.agora.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.agora.fuzz.HostileInputs.ALERT;

/**
 * Traps in a site's files rather than in its documents: symbolic links out of the site (to /etc/passwd, to a
 * folder of secrets beside it), loops, files that collide with generated pages, files a browser runs
 * (.html, .svg, .js, .xml) in content/ and static/, and hostile labels in data/ and in the configuration.
 */
record HostileStructure(Path site, Path outside, Set<String> activeSources) {

    enum Feature {
        LINK_TO_PASSWD_AS_FILE, LINK_TO_PASSWD_AS_MARKDOWN, LINK_TO_OUTSIDE_FOLDER, LINK_TO_OUTSIDE_FILE_IN_STATIC, LINK_LOOP,
        DANGLING_LINK, STATIC_COLLIDES_WITH_PAGES, ACTIVE_FILES_IN_CONTENT, ACTIVE_FILES_IN_STATIC, ODD_FILES,
        HOSTILE_TAXONOMY_LABELS, BROKEN_TAXONOMY_LABELS
    }

    void add(Feature feature, SplittableRandom r) {
        Path content = site.resolve("content");
        Path statics = site.resolve("static");
        switch (feature) {
            case LINK_TO_PASSWD_AS_FILE -> SiteFiles.link(content.resolve("en/files/passwd.txt"), Path.of("/etc/passwd"));
            case LINK_TO_PASSWD_AS_MARKDOWN -> SiteFiles.link(content.resolve("en/leak.md"), Path.of("/etc/passwd"));
            case LINK_TO_OUTSIDE_FOLDER -> SiteFiles.link(content.resolve("en/linked"),
                    r.nextBoolean() ? outside.resolve("dir") : Path.of("../../../outside/dir"));
            case LINK_TO_OUTSIDE_FILE_IN_STATIC -> SiteFiles.link(statics.resolve("secret.txt"), outside.resolve("secret.txt"));
            case LINK_LOOP -> {
                SiteFiles.link(content.resolve("en/loop"), Path.of(".."));
                SiteFiles.link(content.resolve("en/self"), Path.of("."));
            }
            case DANGLING_LINK -> SiteFiles.link(content.resolve("en/dangling.md"), Path.of("/nonexistent/agora-fuzz.md"));
            case STATIC_COLLIDES_WITH_PAGES -> {
                for (String path : List.of("en/index.html", "index.html", "404.html", "en/search/index.html", "sitemap.xml",
                        "agora-search/agora-search.js", "agora-search/en.json", "robots.txt", "_redirects", "en/feed.xml")) {
                    if (r.nextBoolean() || path.equals("en/index.html")) {
                        SiteFiles.write(statics.resolve(path), path.endsWith(".js") ? ALERT + ";"
                                : "<!DOCTYPE html><title>static</title><script>" + ALERT + "</script>");
                        activeSources.add(path);
                    }
                }
            }
            case ACTIVE_FILES_IN_CONTENT -> {
                active(content, "en/evil.html", "<!DOCTYPE html><html><body><script>" + ALERT + "</script></body></html>");
                active(content, "en/files/evil.svg", svg());
                active(content, "en/page.htm", "<body onload=\"" + ALERT + "\">");
                active(content, "fr/files/evil.js", ALERT + ";");
                active(content, "evil.xml", "<?xml version=\"1.0\"?><?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?><x/>");
                active(content, "en/files/evil.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>" + ALERT + "</script></html>");
            }
            case ACTIVE_FILES_IN_STATIC -> {
                active(statics, "js/evil.js", ALERT + ";");
                active(statics, "evil.svg", svg());
                active(statics, "evil.shtml", "<script>" + ALERT + "</script>");
                active(statics, "feed.xml", "<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>");
            }
            case ODD_FILES -> {
                SiteFiles.write(content.resolve("en/empty.md"), new byte[0]);
                SiteFiles.write(content.resolve("en/folder.md/inside.txt"), "a folder named like a document");
                SiteFiles.write(content.resolve("en/UPPER.MD"), "---\ntitle: Upper\n---\nupper case extension\n");
                SiteFiles.write(content.resolve("en/.md"), "---\ntitle: hidden\n---\n");
                SiteFiles.write(content.resolve("en/files/name with \"quotes\" & <tags>.txt"), "odd");
            }
            case HOSTILE_TAXONOMY_LABELS -> SiteFiles.write(site.resolve("data/taxonomies.yml"), hostileLabels(r));
            case BROKEN_TAXONOMY_LABELS -> SiteFiles.write(site.resolve("data/taxonomies.yml"),
                    HostileInputs.pick(r, List.of("themes: [unclosed", "themes:\n  open-data: [1, 2]\n", "- a list\n", "themes: &a [*a]\n",
                            "themes:\n  open-data: { en: 1, xx: y }\n", "\u0000")));
        }
    }

    private void active(Path root, String rel, String text) {
        SiteFiles.write(root.resolve(rel), text);
        activeSources.add(rel);
    }

    private static String svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"" + ALERT + "\"><script>" + ALERT + "</script></svg>";
    }

    private static String hostileLabels(SplittableRandom r) {
        StringBuilder s = new StringBuilder("themes:\n");
        for (String theme : Words.THEMES) {
            s.append("  ").append(theme).append(": { en: ").append(YamlText.quoted(HostileInputs.any(r)))
                    .append(", fr: ").append(YamlText.quoted(HostileInputs.text(r)))
                    .append(", nl: ").append(YamlText.quoted(HostileInputs.unicode(r))).append(" }\n");
        }
        s.append("organisations:\n");
        for (String org : Words.ORGANISATIONS) s.append("  ").append(org).append(": ").append(YamlText.quoted(HostileInputs.any(r))).append('\n');
        return s.toString();
    }
}
