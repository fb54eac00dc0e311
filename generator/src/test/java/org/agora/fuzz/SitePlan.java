package org.agora.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The documents and files of one site, decided before any is written, so that links, cards, refs and
 * attachments of valid documents name files that exist, and no two documents claim the same page by accident.
 */
final class SitePlan {

    static final List<String> LANGUAGES = List.of("en", "fr", "nl");
    static final List<String> SECTIONS = List.of("guides", "news", "events", "resources", "guides/advanced", "");

    enum Kind { VALID, HOSTILE, MUTATED }

    enum Layout { FOLDER, SUFFIX, DEFAULT_LANGUAGE }

    /**
     * One Markdown file.
     * @param relPath below content/
     * @param section "guides/advanced", or "" at the top
     * @param oddName a file name made of hostile characters: never linked to, since a link would have to survive them
     */
    record Doc(int number, String relPath, String language, String section, String name, boolean sectionIndex,
               String translationKey, boolean draft, Kind kind, boolean oddName, String slug, String url, List<String> aliases) {

        String dir() {
            int slash = relPath.lastIndexOf('/');
            return slash < 0 ? "" : relPath.substring(0, slash);
        }

        String pathKey() { return section.isEmpty() ? name : section + "/" + name; }

        /** Valid documents link only to what will surely be a published page with the headings they name. */
        boolean linkable() { return !draft && kind != Kind.MUTATED && !oddName; }

        boolean isEvent() { return section.equals("events") && !sectionIndex; }
    }

    final List<Doc> docs = new ArrayList<>();
    /** Pictures and attachments below content/, by language ("en/files/diagram-1.png"); "" for shared ones. */
    final Map<String, List<String>> images = new HashMap<>();
    final Map<String, List<String>> attachments = new HashMap<>();
    /** Files below static/. */
    final List<String> staticFiles = List.of("images/logo.png", "docs/readme.txt");

    private final Set<String> pathKeys = new HashSet<>();
    private final Map<String, Set<String>> translationKeyLanguages = new HashMap<>();

    private SitePlan() {}

    static SitePlan plan(SplittableRandom r, int documents, SiteProfile profile) {
        SitePlan plan = new SitePlan();
        for (String l : List.of("en", "fr", "nl", "")) {
            String folder = l.isEmpty() ? "files" : l + "/files";
            plan.images.put(l, List.of(folder + "/diagram-1.png", folder + "/photo-2.png"));
            plan.attachments.put(l, List.of(folder + "/report-1.txt", folder + "/data-2.csv"));
        }
        Set<String> indexed = new HashSet<>();
        while (plan.docs.size() < documents) {
            int n = plan.docs.size();
            Kind kind = profile.documentKind(r);
            int choice = r.nextInt(100);
            if (choice < 8) {
                String language = HostileInputs.pick(r, LANGUAGES);
                String section = HostileInputs.pick(r, SECTIONS);
                if (indexed.add(language + ":" + section)) {
                    plan.add(n, language, section, "_index", true, null, false, kind, false, layout(r, language), r);
                    continue;
                }
            }
            if (choice < 30 && !plan.docs.isEmpty()) {
                Doc original = plan.docs.get(r.nextInt(plan.docs.size()));
                if (!original.sectionIndex() && !original.draft() && plan.translate(n, original, kind, r)) continue;
            }
            String language = r.nextInt(100) < 50 ? "en" : r.nextBoolean() ? "fr" : "nl";
            String section = HostileInputs.pick(r, SECTIONS);
            boolean odd = r.nextInt(100) < 4;
            String name = odd ? oddName(r, n, profile == SiteProfile.MUTATED)
                    : (r.nextInt(10) == 0 ? Words.date(r) + "-" : "") + ascii(Words.word(r, "en")) + "-" + n;
            String key = r.nextInt(100) < 30 ? "tk-" + n : null;
            boolean draft = kind == Kind.VALID && r.nextInt(100) < 4;
            plan.add(n, language, section, name, false, key, draft, kind, odd, layout(r, language), r);
        }
        return plan;
    }

    private boolean translate(int n, Doc original, Kind kind, SplittableRandom r) {
        List<String> others = new ArrayList<>(LANGUAGES);
        others.remove(original.language());
        String language = HostileInputs.pick(r, others);
        if (original.translationKey() != null && r.nextBoolean()) {
            // A translation with a name of its own, joined by the key.
            if (translationKeyLanguages.getOrDefault(original.translationKey(), Set.of()).contains(language)) return false;
            String name = ascii(Words.word(r, language)) + "-" + n;
            return add(n, language, original.section(), name, false, original.translationKey(), false, kind, false, layout(r, language), r);
        }
        // A translation by path: the same section and name in another language.
        return add(n, language, original.section(), original.name(), false, null, false, kind, original.oddName(), layout(r, language), r);
    }

    private boolean add(int n, String language, String section, String name, boolean index, String key, boolean draft, Kind kind,
                        boolean odd, Layout layout, SplittableRandom r) {
        String pathKey = section.isEmpty() ? name : section + "/" + name;
        if (!pathKeys.add(language + ":" + pathKey)) return false;
        if (key != null && !translationKeyLanguages.computeIfAbsent(key, k -> new HashSet<>()).add(language)) return false;
        String prefix = section.isEmpty() ? "" : section + "/";
        String relPath = switch (layout) {
            case FOLDER -> language + "/" + prefix + name + ".md";
            case SUFFIX -> prefix + name + "." + language + ".md";
            case DEFAULT_LANGUAGE -> prefix + name + ".md";
        };
        String slug = !index && r.nextInt(100) < 20 ? ascii(Words.word(r, "en")) + "-s" + n : null;
        String url = !index && slug == null && r.nextInt(100) < 5 ? "/" + language + "/u/" + n + "/" : null;
        List<String> aliases = !index && r.nextInt(100) < 15
                ? (r.nextBoolean() ? List.of("/" + language + "/old/" + n + "/") : List.of("old-" + n + "/", "/" + language + "/older-" + n + "/"))
                : List.of();
        docs.add(new Doc(n, relPath, language, section, name, index, key, draft, kind, odd, slug, url, aliases));
        return true;
    }

    private static Layout layout(SplittableRandom r, String language) {
        int n = r.nextInt(10);
        if (n < 6) return Layout.FOLDER;
        return language.equals("en") && n == 9 ? Layout.DEFAULT_LANGUAGE : Layout.SUFFIX;
    }

    /** Names a person would not choose but a file system allows: markup, quotes, URL syntax, invisible and RTL text. */
    private static String oddName(SplittableRandom r, int n, boolean anything) {
        List<String> odd = List.of("a b c", "ünïcödé", "<script>alert(1)<", "x\"y", "it's", "a&b=c", "q?x=1",
                "50%25", "hash#tag", "\u202Eevil", "\uE000\uE001", "emoji\uD83D\uDE80", "CON",
                "\"><img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "%2e%2e", "semi;colon", "back`tick", "x".repeat(200));
        // Names the scanner reads differently (a language suffix, a second extension, hidden): for mutated sites only.
        // Names no web address can hold (control characters): refused, and the site with them, so mutated sites only.
        List<String> misread = List.of("x.de", "x.en.fr", "x.md", "..", "...", "x.", ".hidden", "#autosave#", "backup~", "x.EN",
                "tab\there", "new\nline");
        if (anything && r.nextInt(3) == 0) {
            String name = HostileInputs.pick(r, misread);
            return name.startsWith(".") || name.startsWith("#") ? name + n : n + "-" + name;
        }
        return HostileInputs.pick(r, odd) + "-" + n;
    }

    /** A file name part without accents: the valid documents' names are ordinary. */
    static String ascii(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9-]", "");
    }

    List<Doc> linkable() { return docs.stream().filter(Doc::linkable).toList(); }

    /** How a document links to another: relative to its own folder, or from content/ with a leading slash. */
    static String link(Doc from, String contentRel, SplittableRandom r) {
        if (r.nextInt(3) == 0) return "/" + contentRel;
        return Path.of(from.dir()).relativize(Path.of(contentRel)).toString();
    }
}
