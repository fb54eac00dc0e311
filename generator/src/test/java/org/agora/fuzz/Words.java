package org.agora.fuzz;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Plausible text in the site's three languages, so that valid documents look like an e-library's. */
final class Words {

    private Words() {}

    private static final Map<String, List<String>> WORDS = Map.of(
            "en", List.of("network", "learning", "workshop", "community", "data", "report", "guide", "practice", "partners",
                    "training", "climate", "water", "radio", "women", "schools", "maps", "budget", "health", "youth", "farmers",
                    "open", "local", "shared", "annual", "regional", "digital", "peer", "field", "public", "small"),
            "fr", List.of("réseau", "apprentissage", "atelier", "communauté", "données", "rapport", "guide", "pratique",
                    "partenaires", "formation", "climat", "eau", "radio", "femmes", "écoles", "cartes", "budget", "santé",
                    "jeunesse", "agriculteurs", "ouvert", "local", "partagé", "annuel", "régional", "numérique", "élève", "été"),
            "nl", List.of("netwerk", "leren", "werkplaats", "gemeenschap", "gegevens", "verslag", "gids", "praktijk",
                    "partners", "opleiding", "klimaat", "water", "radio", "vrouwen", "scholen", "kaarten", "begroting",
                    "gezondheid", "jongeren", "boeren", "open", "lokaal", "gedeeld", "jaarlijks", "regionaal", "digitaal"));

    static final List<String> TAGS = List.of("facilitation", "peer learning", "open data", "mapping", "radio", "gender",
            "water", "climate", "budget", "schools", "Réseau", "Öffentlich", "data & maps", "training");
    static final List<String> THEMES = List.of("capacity-building", "climate-adaptation", "community-media",
            "digital-inclusion", "gender-equality", "open-data");
    static final List<String> ORGANISATIONS = List.of("atlas-civic-lab", "faso-climat", "kivu-voices", "radio-teranga",
            "mediawerf-gent", "sahel-eau-vive");
    static final List<String> COUNTRIES = List.of("BE", "SN", "CD", "BF", "RW", "FR", "NL", "ML", "be", "sn");
    static final List<String> TYPES = List.of("guide", "report", "news", "resource", "toolkit");
    static final List<String> PLACES = List.of("Namur", "Dakar", "Gent", "Kinshasa", "Ouagadougou", "Online", "Liège");

    static String word(SplittableRandom r, String language) { return HostileInputs.pick(r, WORDS.get(language)); }

    static String words(SplittableRandom r, String language, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) s.append(' ');
            s.append(word(r, language));
        }
        return s.toString();
    }

    static String title(SplittableRandom r, String language) {
        String w = words(r, language, 2 + r.nextInt(4));
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static String sentence(SplittableRandom r, String language) { return title(r, language) + " " + words(r, language, 3 + r.nextInt(10)) + "."; }

    static String paragraph(SplittableRandom r, String language) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) s.append(i > 0 ? " " : "").append(sentence(r, language));
        return s.toString();
    }

    static String date(SplittableRandom r) {
        return String.format("%04d-%02d-%02d", 2020 + r.nextInt(8), 1 + r.nextInt(12), 1 + r.nextInt(28));
    }
}
