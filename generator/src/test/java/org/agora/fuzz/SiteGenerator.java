package org.agora.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.agora.fuzz.YamlText.quoted;

/**
 * Writes one random site from a seed: site-config.yml (en/fr/nl), content/ in folder and suffix layouts with
 * section pages, pictures and attachments, static/, data/, and the documents of its {@link SiteProfile}.
 * The same seed and number of documents always give the same files.
 */
final class SiteGenerator {

    static final int MIN_DOCUMENTS = 50;
    static final int MAX_DOCUMENTS = 150;

    private SiteGenerator() {}

    /** How many documents the site of this seed has, when {@code left} allows. */
    static int documentsFor(long seed, int left) {
        return Math.min(left, MIN_DOCUMENTS + new SplittableRandom(seed).nextInt(MAX_DOCUMENTS - MIN_DOCUMENTS + 1));
    }

    static GeneratedSite generate(Path root, long seed, int documents) {
        SplittableRandom r = new SplittableRandom(seed);
        r.nextInt(MAX_DOCUMENTS - MIN_DOCUMENTS + 1); // as documentsFor drew it
        return generate(root, seed, documents, SiteProfile.pick(r), r);
    }

    /** The site of valid documents whose pages show what the theme itself puts in a page. */
    static GeneratedSite benign(Path root) {
        return generate(root, 1, MAX_DOCUMENTS, SiteProfile.BENIGN, new SplittableRandom(1));
    }

    private static GeneratedSite generate(Path root, long seed, int documents, SiteProfile profile, SplittableRandom r) {
        Path site = root.resolve("site");
        Path outside = root.resolve("outside");
        String canary = "AGORA-FUZZ-SECRET-" + Long.toHexString(seed) + "-" + Long.toHexString(r.nextLong());
        SiteFiles.write(outside.resolve("secret.txt"), canary + "\n");
        SiteFiles.write(outside.resolve("dir/secret.md"), "---\ntitle: " + canary + "\n---\n" + canary + "\n");
        SiteFiles.write(outside.resolve("dir/secret.txt"), canary + "\n");
        List<String> secrets = new ArrayList<>(List.of(canary));
        passwdLine().ifPresent(secrets::add);

        Set<String> activeSources = new LinkedHashSet<>();
        List<String> features = new ArrayList<>();
        HostileStructure structure = new HostileStructure(site, outside, activeSources);
        EnumSet<HostileStructure.Feature> chosen = EnumSet.noneOf(HostileStructure.Feature.class);
        HostileStructure.Feature[] all = HostileStructure.Feature.values();
        switch (profile) {
            case HOSTILE_STRUCTURE -> {
                int n = 1 + r.nextInt(2);
                for (int i = 0; i < n; i++) chosen.add(all[r.nextInt(all.length)]);
            }
            case MUTATED -> {
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    HostileStructure.Feature f = all[r.nextInt(all.length)];
                    // Broken labels stop a build before any document is read: only now and then.
                    if (f != HostileStructure.Feature.BROKEN_TAXONOMY_LABELS || r.nextInt(3) == 0) chosen.add(f);
                }
            }
            case HOSTILE_CONTENT -> {
                if (r.nextInt(5) == 0) chosen.add(HostileStructure.Feature.HOSTILE_TAXONOMY_LABELS);
            }
            case BENIGN -> { }
        }
        boolean hostileConfig = profile != SiteProfile.BENIGN && r.nextInt(5) == 0;
        SiteFiles.write(site.resolve("site-config.yml"), config(r, hostileConfig));
        if (hostileConfig) features.add("HOSTILE_CONFIG_TEXTS");

        SitePlan plan = SitePlan.plan(r, documents, profile);
        Path content = site.resolve("content");
        plan.images.values().forEach(list -> list.forEach(f -> SiteFiles.write(content.resolve(f), SiteFiles.PNG)));
        plan.attachments.values().forEach(list -> list.forEach(f ->
                SiteFiles.write(content.resolve(f), f.endsWith(".csv") ? "a,b\n1,2\n" : "An attachment.\n")));
        plan.staticFiles.forEach(f -> SiteFiles.write(site.resolve("static").resolve(f), f.endsWith(".png") ? SiteFiles.PNG
                : "static text\n".getBytes(StandardCharsets.UTF_8)));
        if (!chosen.contains(HostileStructure.Feature.HOSTILE_TAXONOMY_LABELS) && r.nextBoolean()) {
            SiteFiles.write(site.resolve("data/taxonomies.yml"), "themes:\n  open-data: { en: Open data, fr: Données ouvertes, nl: Open data }\n"
                    + "  climate-adaptation: { en: Climate adaptation, fr: Adaptation au climat, nl: Klimaatadaptatie }\n"
                    + "organisations:\n  kivu-voices: Kivu Voices\n");
        }

        Map<String, List<String>> notes = new LinkedHashMap<>();
        RealisticDocuments realistic = new RealisticDocuments(plan);
        HostileMix mix = HostileMix.pick(r);
        if (profile != SiteProfile.BENIGN) features.add("payloads " + mix.families());
        HostileDocuments hostile = new HostileDocuments(plan, profile == SiteProfile.MUTATED, mix);
        for (SitePlan.Doc doc : plan.docs) {
            DocumentText d = realistic.write(doc, r);
            byte[] bytes;
            switch (doc.kind()) {
                case VALID -> bytes = d.render().getBytes(StandardCharsets.UTF_8);
                case HOSTILE -> {
                    hostile.infest(doc, d, r);
                    bytes = d.render().getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    if (r.nextBoolean()) hostile.infest(doc, d, r);
                    bytes = DocumentMutations.mutate(d, r, mix);
                }
            }
            SiteFiles.write(content.resolve(doc.relPath()), bytes);
            d.companions.forEach((rel, b) -> SiteFiles.write(content.resolve(rel), b));
            List<String> docNotes = new ArrayList<>();
            docNotes.add(doc.kind().name().toLowerCase());
            docNotes.addAll(d.notes);
            notes.put("content/" + doc.relPath(), docNotes);
        }
        for (HostileStructure.Feature f : chosen) {
            structure.add(f, r);
            features.add(f.name());
        }
        return new GeneratedSite(seed, documents, profile, root, site, root.resolve("out"), outside, List.copyOf(secrets),
                Set.copyOf(activeSources), List.copyOf(features), notes);
    }

    private static String config(SplittableRandom r, boolean hostile) {
        String en = hostile ? HostileInputs.any(r) : "Fuzz library";
        String description = hostile ? HostileInputs.any(r) : "A library of generated documents.";
        return "title:\n  en: " + quoted(en) + "\n  fr: " + quoted(hostile ? HostileInputs.text(r) : "Bibliothèque") + "\n  nl: "
                + quoted(hostile ? HostileInputs.unicode(r) : "Bibliotheek") + "\n"
                + "description:\n  en: " + quoted(description) + "\n  fr: " + quoted(description) + "\n  nl: " + quoted(description) + "\n"
                + "baseURL: https://example.org/elibrary/\n"
                + "defaultLanguage: en\n"
                + "defaultContentLanguageInSubdir: true\n"
                + "languages:\n"
                + "  en: { label: English, locale: en-GB }\n"
                + "  fr: { label: " + quoted(hostile ? "Français " + HostileInputs.text(r) : "Français") + ", locale: fr-BE }\n"
                + "  nl: { label: Nederlands, locale: nl-BE }\n"
                + "fallback:\n  fr: [en]\n  nl: [en, fr]\n"
                + "taxonomies: [tags, themes, countries, organisations]\n"
                + "pageSize: " + (5 + r.nextInt(16)) + "\n"
                + (r.nextBoolean() ? "markdown: { trustRawHtml: false }\n" : "")
                + "types:\n"
                + "  events: { required: [date, event, event.location] }\n"
                + "  guides: { required: [summary, themes] }\n"
                + "  resources: { required: [summary, themes] }\n";
    }

    /** The first line of /etc/passwd, a secret that a link in content/ could copy into the output. */
    private static java.util.Optional<String> passwdLine() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }
}
