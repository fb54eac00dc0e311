package org.agora.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date as the editor wrote it: a day, or a day and time with or without an offset.
 * @param iso the machine-readable form for {@code <time datetime>} and feeds
 * @param instant the moment, when an offset was given; null otherwise
 */
public record PageDate(LocalDate date, LocalDateTime dateTime, String iso, java.time.Instant instant)
        implements Comparable<PageDate> {

    /**
     * The layouts Hugo reads front matter dates in (spf13/cast's list, and TOML's and YAML's own dates), tried in
     * order. Where Hugo accepts a time without seconds nowhere, Agora does (ISO 8601 allows it, and so did Agora).
     * Cast's layouts with two-digit years or without a day (RFC 822 and 850, ANSI C, Unix, Ruby, a bare time) are
     * left out: they are never written by hand, and a page dated 0000-01-01 helps no one.
     */
    private static final List<DateTimeFormatter> LAYOUTS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,                       // 2018-03-09
            dayAndTime('T'),                                        // 2018-03-09T09:00:00+02:00, …Z, …-0400
            dayAndTime(' '),                                        // 2018-03-09 09:00:00 -0400, 2018-03-09 09:00
            DateTimeFormatter.RFC_1123_DATE_TIME,                   // Fri, 09 Mar 2018 09:00:00 GMT (or -0400)
            strict(new DateTimeFormatterBuilder().appendPattern("dd MMM uuuu"))); // 09 Mar 2018

    /** Go's Time.String() names the zone after its offset ("-0400 EDT"): the offset says it all. */
    private static final Pattern ZONE_NAME_AFTER_OFFSET = Pattern.compile("(?<=[+-]\\d{4}) [A-Z]{3,5}$");
    /** A time followed by " UTC" (or " GMT") has offset zero. */
    private static final Pattern UTC_NAME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d[Tt ][\\d:.]+) ?(UTC|GMT)$");

    public boolean hasTime() { return dateTime != null; }

    /** The UTC offset the editor wrote ("+02:00"), if any: a time without one is a local ("floating") time. */
    public Optional<java.time.ZoneOffset> offset() {
        if (instant == null) return Optional.empty();
        return Optional.of(java.time.ZoneOffset.ofTotalSeconds(
                (int) java.time.Duration.between(instant, dateTime.toInstant(java.time.ZoneOffset.UTC)).getSeconds()));
    }

    /** The date in any layout Hugo accepts, or empty when Hugo would refuse it too. */
    public static Optional<PageDate> parse(String text) {
        String s = ZONE_NAME_AFTER_OFFSET.matcher(text.strip()).replaceFirst("");
        s = UTC_NAME.matcher(s).replaceFirst("$1Z");
        for (DateTimeFormatter layout : LAYOUTS) {
            try {
                return Optional.of(of(layout.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from)));
            } catch (DateTimeParseException e) {
                // not this layout: try the next
            }
        }
        return Optional.empty();
    }

    private static PageDate of(TemporalAccessor parsed) {
        return switch (parsed) {
            case OffsetDateTime odt -> new PageDate(odt.toLocalDate(), odt.toLocalDateTime(), odt.toString(), odt.toInstant());
            case LocalDateTime ldt -> new PageDate(ldt.toLocalDate(), ldt, ldt.toString(), null);
            case LocalDate d -> new PageDate(d, null, d.toString(), null);
            default -> throw new IllegalStateException("parseBest gave " + parsed);
        };
    }

    /**
     * A day, the separator, a time with or without seconds (and their fraction), and an offset written
     * {@code Z}, {@code +02:00} or {@code -0400}, right after the time or after a space.
     */
    private static DateTimeFormatter dayAndTime(char separator) {
        return strict(new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral(separator)
                .appendPattern("HH:mm")
                .optionalStart().appendPattern(":ss")
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd()
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd());
    }

    /** 2026-02-30 is no date, whatever the layout. */
    private static DateTimeFormatter strict(DateTimeFormatterBuilder builder) {
        return builder.toFormatter(Locale.ENGLISH).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
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
