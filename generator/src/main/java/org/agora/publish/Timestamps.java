package org.agora.publish;

import org.agora.content.PageDate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates as feeds and sitemaps want them. Editors write a day, a local time or a time with an offset
 * (PageDate keeps what they wrote); both formats below need seconds, which ISO strings may leave out.
 */
final class Timestamps {

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Timestamps() {}

    /**
     * RFC 3339, as Atom requires: a full date and time with an offset. A day alone is taken as midnight
     * UTC and a time without an offset as UTC: the site says nothing about its time zone.
     */
    static String rfc3339(PageDate d) {
        if (d.instant() != null) return OffsetDateTime.parse(d.iso()).format(WITH_OFFSET);
        if (d.hasTime()) return d.dateTime().atOffset(ZoneOffset.UTC).format(WITH_OFFSET);
        return d.date().atStartOfDay().atOffset(ZoneOffset.UTC).format(WITH_OFFSET);
    }

    /**
     * W3C Datetime, as sitemaps require: the day, or the full time when its offset is known (a W3C
     * time must carry one, so a local time gives its day only).
     */
    static String w3c(PageDate d) {
        if (d.instant() != null) return OffsetDateTime.parse(d.iso()).format(WITH_OFFSET);
        return d.date().toString();
    }

    /** The later of two dates, either of which may be missing. */
    static PageDate latest(PageDate a, PageDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
