package org.agora.diag;

/** A library's exception told to an editor: its kind and first line, short enough for a report. */
public final class Failures {

    private static final int MAX = 200;

    private Failures() {}

    /** "IllegalArgumentException: bad index 3", on one line, at most a couple of hundred characters. */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
        String text = e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}
