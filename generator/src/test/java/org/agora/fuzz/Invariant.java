package org.agora.fuzz;

/** The promises a build makes whatever the site holds (GitHub issue 11), in the order the report lists them. */
enum Invariant {
    EXIT_CODE("the build ends with exit code 0 or 1, never 2 or 3, and returns instead of throwing"),
    NO_STACK_TRACE("nothing printed looks like a stack trace or an internal error"),
    ERRORS_NAME_A_FILE("every error printed names a file of the site"),
    NOTHING_WRITTEN_OUTSIDE("nothing changes outside the output folder and the cache, no staging is left, no outside file leaks"),
    NO_FOREIGN_ACTIVE_CONTENT("no page holds a script, event handler or active element that did not come from the theme"),
    FINISHES("the build finishes within the time limit");

    private final String promise;

    Invariant(String promise) { this.promise = promise; }

    String promise() { return promise; }
}
