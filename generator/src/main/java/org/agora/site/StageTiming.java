package org.agora.site;

import java.time.Duration;

public record StageTiming(String stage, Duration duration) {}
