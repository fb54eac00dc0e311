package org.agora.cli;

/** What the process exit code means, for scripts and CI. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The site has errors (content, configuration, theme): the report says which. */
    public static final int SITE_ERRORS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Agora itself failed: a bug to report. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
