package org.agora.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLDR plural rules ("one", "few", "many", "other"...) for every language CLDR describes. The rules are CLDR's
 * own, in its rule syntax (UTS #35, "Language Plural Rules"), kept in {@code /agora/i18n/plurals.txt}, which
 * PluralRulesDataTest writes from ICU4J and checks against it; ICU4J itself (15 MB) is only a test dependency.
 * A language CLDR does not know has the single category "other".
 */
public final class PluralRules {

    static final String RESOURCE = "/agora/i18n/plurals.txt";
    private static final PluralRules OTHER = new PluralRules(List.of());
    private static final Map<String, String> RULES_BY_LOCALE = load();
    private static final Map<String, PluralRules> PARSED = new ConcurrentHashMap<>();

    private record Rule(String category, Condition condition) {}

    private final List<Rule> rules;

    private PluralRules(List<Rule> rules) { this.rules = rules; }

    /** The rules of {@code locale}, or of the nearest locale CLDR has ("de-CH" → "de", "zh-Hant-TW" → "zh-Hant" → "zh"). */
    public static PluralRules forLocale(Locale locale) {
        for (String id = id(locale); !id.isEmpty(); id = id.contains("_") ? id.substring(0, id.lastIndexOf('_')) : "") {
            String text = RULES_BY_LOCALE.get(id);
            if (text != null) return PARSED.computeIfAbsent(text, PluralRules::parse);
        }
        return OTHER;
    }

    /** The category of {@code n}: its visible fraction digits count (1.5 is not 1), trailing zeros of a double do not. */
    public String select(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) return "other";
        Operands o = Operands.of(n);
        for (Rule r : rules) if (r.condition().test(o)) return r.category();
        return "other";
    }

    /** "one: i = 1 and v = 0;  other: ..." (the samples after "@" are ignored). */
    static PluralRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split(";")) {
            int colon = part.indexOf(':');
            if (colon < 0) continue;
            String category = part.substring(0, colon).strip();
            String condition = part.substring(colon + 1);
            int at = condition.indexOf('@');
            if (at >= 0) condition = condition.substring(0, at);
            if (condition.isBlank()) continue; // "other" is what nothing else matched
            rules.add(new Rule(category, new Parser(condition).orCondition()));
        }
        return new PluralRules(List.copyOf(rules));
    }

    /** ICU's form of a locale id, language_Script_REGION, the form the resource is keyed by. */
    private static String id(Locale locale) {
        StringBuilder id = new StringBuilder(locale.getLanguage());
        if (!locale.getScript().isEmpty()) id.append('_').append(locale.getScript());
        if (!locale.getCountry().isEmpty()) id.append('_').append(locale.getCountry());
        return id.toString();
    }

    /** Each line: a rule text, a tab, and the locales that have it, separated by spaces. */
    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = PluralRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                String rules = line.substring(0, tab);
                for (String locale : line.substring(tab + 1).strip().split(" ")) out.put(locale, rules);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    /** UTS #35 operands: n absolute value, i integer digits, v/w visible fraction digits with/without trailing zeros, f/t the same digits as a number, c/e the compact exponent (0 here). */
    private record Operands(double n, long i, int v, int w, long f, long t) {
        static Operands of(double value) {
            BigDecimal d = BigDecimal.valueOf(Math.abs(value)).stripTrailingZeros();
            if (d.scale() < 0) d = d.setScale(0);
            long i = d.longValue();
            int v = d.scale();
            long f = v == 0 ? 0 : d.subtract(BigDecimal.valueOf(i)).movePointRight(v).longValue();
            return new Operands(Math.abs(value), i, v, v, f, f);
        }

        double get(char operand) {
            return switch (operand) {
                case 'n' -> n;
                case 'i' -> i;
                case 'v' -> v;
                case 'w' -> w;
                case 'f' -> f;
                case 't' -> t;
                case 'c', 'e' -> 0;
                default -> throw new IllegalArgumentException("unknown plural operand " + operand);
            };
        }
    }

    private interface Condition { boolean test(Operands o); }

    /** condition = and ('or' and)*; and = relation ('and' relation)*; relation = operand ('%' | 'mod' k)? ('=' | '!=' | 'is' 'not'? | 'not'? 'in' | 'not'? 'within') ranges. */
    private static final class Parser {
        private static final Pattern TOKEN = Pattern.compile("!=|=|%|\\.\\.|,|[a-z]+|\\d+(?:\\.\\d+)?");
        private final String[] tokens;
        private int at;

        Parser(String text) {
            List<String> found = new ArrayList<>();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) found.add(m.group());
            this.tokens = found.toArray(String[]::new);
        }

        Condition orCondition() {
            List<Condition> any = new ArrayList<>();
            any.add(andCondition());
            while (accept("or")) any.add(andCondition());
            if (at < tokens.length) throw new IllegalArgumentException("unexpected '" + tokens[at] + "' in a plural rule");
            return o -> { for (Condition c : any) if (c.test(o)) return true; return false; };
        }

        private Condition andCondition() {
            List<Condition> all = new ArrayList<>();
            all.add(relation());
            while (accept("and")) all.add(relation());
            return o -> { for (Condition c : all) if (!c.test(o)) return false; return true; };
        }

        private Condition relation() {
            char operand = next().charAt(0);
            Long modulus = accept("%") || accept("mod") ? Long.parseLong(next()) : null;
            boolean negated;
            boolean integersOnly = true;
            if (accept("=")) negated = false;
            else if (accept("!=")) negated = true;
            else if (accept("is")) negated = accept("not");
            else {
                negated = accept("not");
                if (accept("within")) integersOnly = false;
                else if (!accept("in")) throw new IllegalArgumentException("expected a relation in a plural rule at '" + tokens[at] + "'");
            }
            List<double[]> ranges = new ArrayList<>();
            do {
                double low = Double.parseDouble(next());
                double high = accept("..") ? Double.parseDouble(next()) : low;
                ranges.add(new double[] {low, high});
            } while (accept(","));
            boolean onlyIntegers = integersOnly;
            return o -> {
                double x = o.get(operand);
                if (modulus != null) x = x % modulus;
                boolean in = false;
                for (double[] r : ranges) {
                    if (x >= r[0] && x <= r[1] && (!onlyIntegers || x == Math.rint(x))) { in = true; break; }
                }
                return in != negated;
            };
        }

        private boolean accept(String token) {
            if (at < tokens.length && tokens[at].equals(token)) { at++; return true; }
            return false;
        }

        private String next() {
            if (at >= tokens.length) throw new IllegalArgumentException("a plural rule ends too early");
            return tokens[at++];
        }
    }
}
