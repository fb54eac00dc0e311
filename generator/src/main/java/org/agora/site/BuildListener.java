package org.agora.site;

import java.time.Duration;

/** Told when each stage starts and ends, for progress on a terminal. */
public interface BuildListener {
    BuildListener NONE = new BuildListener() {};

    default void stageStarted(String stage) {}

    default void stageFinished(String stage, Duration took) {}
}
