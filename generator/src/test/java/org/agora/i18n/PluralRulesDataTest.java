package org.agora.i18n;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Agora's plural rules are CLDR's, as ICU4J carries them: the resource is written from ICU4J (a test-only
 * dependency) and must give ICU4J's category for every locale it knows and every number tried. When ICU4J is
 * upgraded and CLDR changed, the first test fails and leaves the new resource in target/ to copy over.
 */
class PluralRulesDataTest {

    private static final Path SOURCE = Path.of("src/main/resources" + PluralRules.RESOURCE);

    @Test
    void resourceIsWhatIcuSays() throws IOException {
        String expected = fromIcu();
        String actual;
        try (InputStream in = PluralRules.class.getResourceAsStream(PluralRules.RESOURCE)) {
            actual = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path written = Path.of("target/plurals.txt");
            Files.writeString(written, expected);
            fail("the CLDR plural rules of ICU4J " + com.ibm.icu.util.VersionInfo.ICU_VERSION + " differ from "
                    + SOURCE + ": copy " + written.toAbsolutePath() + " over it");
        }
    }

    @Test
    void everyLocaleGivesIcusCategoryForEveryNumber() {
        List<Double> numbers = numbers();
        int checked = 0;
        for (ULocale ul : com.ibm.icu.text.PluralRules.getAvailableULocales()) {
            checked += sameAsIcu(ul.toLocale(), numbers);
        }
        for (String tag : List.of("fr-BE", "nl-BE", "en-GB", "de-CH", "pt-PT", "pt-BR", "zh-Hant-TW", "sr-Latn-RS",
                "ar-EG", "he-IL", "ru-UA", "es-419", "xx", "und", "yue-Hant-HK")) {
            checked += sameAsIcu(Locale.forLanguageTag(tag), numbers);
        }
        assertTrue(checked > 100_000, "checked " + checked);
    }

    @Test
    void familiarCases() {
        assertEquals("one", PluralRules.forLocale(Locale.ENGLISH).select(1));
        assertEquals("other", PluralRules.forLocale(Locale.ENGLISH).select(1.5));
        assertEquals("one", PluralRules.forLocale(Locale.FRENCH).select(1.5));
        assertEquals("one", PluralRules.forLocale(Locale.forLanguageTag("bs")).select(4.1));
        assertEquals("many", PluralRules.forLocale(Locale.FRENCH).select(1_000_000));
        assertEquals("few", PluralRules.forLocale(Locale.forLanguageTag("pl")).select(22));
        assertEquals("many", PluralRules.forLocale(Locale.forLanguageTag("pl")).select(25));
        assertEquals("two", PluralRules.forLocale(Locale.forLanguageTag("cy")).select(2));
        assertEquals("other", PluralRules.forLocale(Locale.forLanguageTag("ja")).select(1));
        assertEquals("other", PluralRules.forLocale(Locale.forLanguageTag("xx")).select(1));
    }

    private static int sameAsIcu(Locale locale, List<Double> numbers) {
        com.ibm.icu.text.PluralRules icu = com.ibm.icu.text.PluralRules.forLocale(locale);
        PluralRules ours = PluralRules.forLocale(locale);
        LocalizedNumberFormatter decimal = NumberFormatter.withLocale(ULocale.ROOT);
        for (double n : numbers) {
            // ICU's select(double) reads 4.1 as 4.100000 (binary noise: 4.1 * 1e6 = 4099999.99...); formatted
            // first, it sees the digits a reader sees, as CLDR's samples mean them ("one" for 4.1 in Bosnian).
            assertEquals(icu.select(decimal.format(n)), ours.select(n), () -> locale.toLanguageTag() + " " + n);
        }
        return numbers.size();
    }

    private static List<Double> numbers() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i <= 1200; i++) out.add((double) i);
        for (int i = 0; i <= 300; i++) out.add(i / 10.0);
        for (int i = 0; i <= 300; i++) out.add(i / 100.0);
        for (double d : new double[] {0.001, 1.001, 2.005, 10.25, 101.1, 1000.5, 11_000, 21_000, 100_000, 999_999,
                1_000_000, 1_000_001, 2_000_000, 1_500_000, 10_000_000, 1e9, -1, -2, -2.5, -11}) out.add(d);
        return out;
    }

    /** The resource's text: one line per distinct rule text (samples left out), with the locales that have it. */
    private static String fromIcu() {
        Map<String, TreeSet<String>> localesByRules = new TreeMap<>();
        for (ULocale ul : com.ibm.icu.text.PluralRules.getAvailableULocales()) {
            String rules = withoutSamples(com.ibm.icu.text.PluralRules.forLocale(ul).toString());
            localesByRules.computeIfAbsent(rules, r -> new TreeSet<>()).add(ul.getName());
        }
        StringBuilder out = new StringBuilder("# CLDR plural rules, from ICU4J " + com.ibm.icu.util.VersionInfo.ICU_VERSION
                + " (written by PluralRulesDataTest): rules, a tab, the locales that have them.\n");
        localesByRules.forEach((rules, locales) -> out.append(rules).append('\t').append(String.join(" ", locales)).append('\n'));
        return out.toString();
    }

    private static String withoutSamples(String rules) {
        List<String> parts = new ArrayList<>();
        for (String part : rules.split(";")) {
            int at = part.indexOf('@');
            parts.add((at >= 0 ? part.substring(0, at) : part).strip());
        }
        return String.join("; ", parts);
    }
}
