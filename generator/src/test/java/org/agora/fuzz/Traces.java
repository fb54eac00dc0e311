package org.agora.fuzz;

import java.util.List;

/**
 * The cause of a crash in one line, "ArrayIndexOutOfBoundsException at org.agora.markdown.Shortcodes.replaceTokens",
 * so that one bug reached through different paths (a parallel stream rethrows a copy without a message) is
 * one entry of the report.
 */
final class Traces {

    private Traces() {}

    static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        StackTraceElement frame = null;
        for (StackTraceElement e : root.getStackTrace()) {
            if (e.getClassName().startsWith("org.agora.")) {
                frame = e;
                break;
            }
        }
        if (frame == null && root instanceof StackOverflowError && root.getStackTrace().length > 0) {
            // Its trace is the recursion only, cut at 1024 frames: the top frame depends on the input, the library does not.
            String top = root.getStackTrace()[0].getClassName();
            return "StackOverflowError in " + String.join(".", java.util.Arrays.asList(top.split("\\.")).subList(0, Math.min(3, top.split("\\.").length)));
        }
        if (frame == null && root.getStackTrace().length > 0) frame = root.getStackTrace()[0];
        return simpleName(root.getClass().getName()) + (frame == null ? "" : " at " + frame.getClassName() + "." + frame.getMethodName());
    }

    /** The same from a printed trace (what --debug prints): the last "Caused by", else the first exception line. */
    static String rootCause(String printed) {
        List<String> lines = printed.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Caused by: ")) start = i;
        }
        if (start < 0) {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("agora:") && lines.get(i).matches("^[\\w.$]+(?:Exception|Error|Throwable)\\b.*")) {
                    start = i;
                    break;
                }
            }
        }
        if (start < 0) return null;
        String head = lines.get(start).replaceFirst("^Caused by: ", "");
        String exception = head.contains(":") ? head.substring(0, head.indexOf(':')) : head.strip();
        String frame = null;
        String first = null;
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("\tat "); i++) {
            String f = lines.get(i).substring(4).replaceAll("\\(.*$", "").replaceFirst("^[\\w.]+/", "");
            if (first == null) first = f;
            if (f.startsWith("org.agora.")) {
                frame = f;
                break;
            }
        }
        String at = frame != null ? frame : first;
        return simpleName(exception) + (at == null ? "" : " at " + at.replaceAll("\\$\\d+", "\\$N"));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
