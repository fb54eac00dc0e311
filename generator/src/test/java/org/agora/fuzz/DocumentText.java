package org.agora.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Markdown document while it is being made: front-matter fields (name to YAML value text) and body blocks,
 * so that hostile generators can replace a field or slip a block in before it becomes text.
 */
final class DocumentText {

    /** A value starting with a line break is a block (event:, attachments:); others follow "name: ". */
    final Map<String, String> fields = new LinkedHashMap<>();
    final List<String> blocks = new ArrayList<>();
    boolean frontMatter = true;
    /** What was put in on purpose, for the report of a failing site. */
    final List<String> notes = new ArrayList<>();
    /** Files the document needs beside it (an attachment with a hostile name), by path below content/. */
    final Map<String, byte[]> companions = new LinkedHashMap<>();

    String render() {
        StringBuilder s = new StringBuilder();
        if (frontMatter) {
            s.append("---\n");
            fields.forEach((k, v) -> s.append(k).append(':').append(v.startsWith("\n") ? "" : " ").append(v).append('\n'));
            s.append("---\n");
        }
        s.append(String.join("\n\n", blocks)).append('\n');
        return s.toString();
    }
}
