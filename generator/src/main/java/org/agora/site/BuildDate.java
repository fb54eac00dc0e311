package org.agora.site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The day a build takes as "today": what makes an event upcoming or past. It is an input of the build,
 * never read from the clock inside it, so that the same input and the same build date give the same bytes.
 */
public final class BuildDate {

    /** The reproducible-builds.org convention: seconds since 1970-01-01 UTC of the sources' last change. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private BuildDate() {}

    /** "2026-05-01"; anything else is refused with a message that shows the expected form. */
    public static LocalDate parse(String text) {
        try {
            if (text.strip().length() == 10) return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("'" + text + "' is not a date: write it as YYYY-MM-DD, such as 2026-05-01");
    }

    /**
     * The default when none is given: the UTC day of SOURCE_DATE_EPOCH when set (as reproducible builds
     * expect; a malformed value is an error, not silently ignored), else today in UTC.
     */
    public static LocalDate fromEnvironment(Map<String, String> env, Clock clock) {
        String epoch = env.get(SOURCE_DATE_EPOCH);
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip())).atZone(ZoneOffset.UTC).toLocalDate();
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new IllegalArgumentException(SOURCE_DATE_EPOCH + "='" + epoch
                        + "' is not a number of seconds since 1970-01-01 UTC");
            }
        }
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The default for this process: its environment and the system clock. */
    public static LocalDate fromEnvironment() {
        return fromEnvironment(System.getenv(), Clock.systemUTC());
    }
}
