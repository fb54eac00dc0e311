package org.agora.fuzz;

import java.time.Duration;

/**
 * What one in-process `agora build` did, as a person at a terminal would see it.
 * @param stray what reached System.out, System.err or java.util.logging instead of the command's writers:
 *              a thread of a parallel stream printing a stack trace lands here
 * @param thrown what escaped {@code Main.run} (a real process would print it and die), else null
 * @param finished false when the build was still running at the time limit
 */
record BuildOutcome(int exitCode, String out, String err, String stray, Throwable thrown, boolean finished, Duration took) {

    /** Everything printed, for the checks that look at all of it. */
    String allPrinted() { return out + "\n" + err + "\n" + stray; }
}
