package org.agora.fuzz;

/**
 * One broken promise in one build.
 * @param signature what makes two violations the same bug (an exception class and message shape, a kind of
 *                  foreign element): the report groups by it, so each distinct bug is listed once with examples
 * @param detail everything needed to find the cause in the kept site: the file, the element, the printed lines
 */
record Violation(Invariant invariant, String signature, String detail) {

    /**
     * A signature without the parts that differ from one input to the next (numbers, quoted input, paths),
     * so that the same bug hit by a thousand documents is one entry of the report.
     */
    static String shape(String text) {
        String s = text.strip();
        if (s.length() > 300) s = s.substring(0, 300);
        return s.replaceAll("'[^']*'", "'…'")
                .replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("(/[^\\s:/'\"]+)+/?", "/…")
                .replaceAll("\\d+", "N")
                .replaceAll("\\s+", " ");
    }
}
