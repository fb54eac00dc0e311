package org.agora.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date as the editor wrote it: a day, or a day and time with or without an offset.
 * @param iso the machine-readable form for {@code <time datetime>} and feeds
 * @param instant the moment, when an offset was given; null otherwise
 */
public record PageDate(LocalDate date, LocalDateTime dateTime, String iso, java.time.Instant instant)
        implements Comparable<PageDate> {

    public boolean hasTime() { return dateTime != null; }

    /** The UTC offset the editor wrote ("+02:00"), if any: a time without one is a local ("floating") time. */
    public Optional<java.time.ZoneOffset> offset() {
        if (instant == null) return Optional.empty();
        return Optional.of(java.time.ZoneOffset.ofTotalSeconds(
                (int) java.time.Duration.between(instant, dateTime.toInstant(java.time.ZoneOffset.UTC)).getSeconds()));
    }

    public static Optional<PageDate> parse(String text) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return Optional.of(new PageDate(d, null, d.toString(), null));
            }
            String normalized = s.replace(' ', 'T');
            try {
                OffsetDateTime odt = OffsetDateTime.parse(normalized);
                return Optional.of(new PageDate(odt.toLocalDate(), odt.toLocalDateTime(), odt.toString(), odt.toInstant()));
            } catch (DateTimeParseException e) {
                LocalDateTime ldt = LocalDateTime.parse(normalized);
                return Optional.of(new PageDate(ldt.toLocalDate(), ldt, ldt.toString(), null));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(PageDate o) {
        // Two moments with offsets compare as moments: 02:15+01:00 comes after 02:30+02:00.
        if (instant != null && o.instant != null) return instant.compareTo(o.instant);
        int c = date.compareTo(o.date);
        if (c != 0) return c;
        LocalDateTime a = dateTime == null ? date.atStartOfDay() : dateTime;
        LocalDateTime b = o.dateTime == null ? o.date.atStartOfDay() : o.dateTime;
        return a.compareTo(b);
    }
}
