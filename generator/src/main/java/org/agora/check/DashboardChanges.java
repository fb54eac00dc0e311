package org.agora.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change (a pull request) does to the translations: the counts per language before and after, and the
 * versions whose state changed, as Markdown for a pull-request comment. Both sides are translations.json files
 * of {@link TranslationDashboard}.
 */
public final class DashboardChanges {

    private static final List<String> COUNTS = List.of("done", "outdated", "machine", "missing");

    private DashboardChanges() {}

    public static String markdown(JsonNode before, JsonNode after) {
        StringBuilder s = new StringBuilder("### Translations\n\n| language | done | outdated | machine, not reviewed | missing |\n|---|---|---|---|---|\n");
        Iterator<Map.Entry<String, JsonNode>> languages = after.path("perLanguage").fields();
        while (languages.hasNext()) {
            Map.Entry<String, JsonNode> l = languages.next();
            s.append("| ").append(l.getKey());
            for (String count : COUNTS) {
                int now = l.getValue().path(count).asInt();
                JsonNode was = before.path("perLanguage").path(l.getKey()).path(count);
                s.append(" | ").append(was.isMissingNode() || was.asInt() == now ? String.valueOf(now) : was.asInt() + " → **" + now + "**");
            }
            s.append(" |\n");
        }
        Map<String, String> old = states(before);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : states(after).entrySet()) {
            String was = old.getOrDefault(e.getKey(), "new");
            if (!was.equals(e.getValue())) lines.add("- " + e.getKey() + ": " + was + " → **" + e.getValue() + "**");
        }
        for (String key : old.keySet()) {
            if (!states(after).containsKey(key)) lines.add("- " + key + ": " + old.get(key) + " → **gone**");
        }
        s.append('\n');
        if (lines.isEmpty()) s.append("No translation changed state.\n");
        else s.append(String.join("\n", lines)).append('\n');
        return s.toString();
    }

    /** "source file, language" → state, for every version of every document. */
    private static Map<String, String> states(JsonNode dashboard) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode doc : dashboard.path("documents")) {
            Iterator<Map.Entry<String, JsonNode>> cells = doc.path("languages").fields();
            while (cells.hasNext()) {
                Map.Entry<String, JsonNode> c = cells.next();
                String file = c.getValue().path("file").isTextual() ? c.getValue().path("file").asText() : null;
                String name = file != null ? "`" + file + "`" : "`" + doc.path("source").asText() + "` in " + c.getKey();
                out.put(name, c.getValue().path("state").asText());
            }
        }
        return out;
    }
}
