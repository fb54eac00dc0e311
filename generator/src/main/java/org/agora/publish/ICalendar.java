package org.agora.publish;

import org.agora.content.FrontMatter;
import org.agora.content.PageDate;
import org.agora.files.TextEscaper;
import org.agora.model.EventSchedule;
import org.agora.model.Page;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * One event as an iCalendar file (RFC 5545) that readers add to their calendar. Everything in it comes from
 * the document and the build date, never from the clock, so a rebuild writes the same bytes. There is no
 * METHOD: with one, the file would be an iTIP message (RFC 5546), whose PUBLISH requires an ORGANIZER.
 */
public final class ICalendar {

    static final String PRODID = "-//Agora//Agora e-library//EN";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private ICalendar() {}

    /**
     * Where an event's calendar file goes: beside its page, named after the page's last path segment
     * ("/en/events/assembly/" → "/en/events/assembly/assembly.ics"), so a download has a telling name.
     * Empty for a page that is not an event.
     */
    public static Optional<String> pathOf(Page page) {
        if (EventSchedule.eventOf(page).isEmpty()) return Optional.empty();
        String path = page.path();
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        String name = path.endsWith("/") ? lastSegment(path.substring(0, path.length() - 1))
                : withoutExtension(path.substring(path.lastIndexOf('/') + 1));
        return Optional.of(dir + (name.isEmpty() ? "event" : name) + ".ics");
    }

    /**
     * The calendar of one event document.
     * @param url the page's absolute URL: the event's URL and, being stable and unique, its UID
     * @param description a sentence or two about the event (the document's summary), or null
     * @param buildDate the stamp when the document has neither lastmod nor date
     */
    public static byte[] of(Page page, String url, String description, LocalDate buildDate) {
        FrontMatter.Event event = EventSchedule.eventOf(page)
                .orElseThrow(() -> new IllegalArgumentException(page.path() + " is not an event"));
        StringBuilder out = new StringBuilder(1024);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(url));
        PageDate stamp = page.lastmod() != null ? page.lastmod() : page.date();
        line(out, "DTSTAMP:" + UTC.format(stamp != null ? utc(stamp) : buildDate.atStartOfDay()));
        times(out, event);
        String lang = ";LANGUAGE=" + page.language();
        line(out, "SUMMARY" + lang + ":" + text(page.title()));
        if (event.location() != null && !event.location().isBlank()) {
            line(out, "LOCATION" + lang + ":" + text(event.location().strip()));
        }
        if (description != null && !description.isBlank()) line(out, "DESCRIPTION" + lang + ":" + text(description.strip()));
        if (url.matches("^https?://.*")) line(out, "URL:" + url);
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * DTSTART and DTEND. A day without a time is a whole-day event whose DTEND is the day after its last
     * (DTEND is exclusive); moments with an offset are written in UTC; a time without one stays a local
     * ("floating") time, as the editor wrote it. DTEND takes the value type of DTSTART, as the RFC requires.
     * A timed event without an end has no DTEND: the RFC reads that as ending when it starts.
     */
    private static void times(StringBuilder out, FrontMatter.Event event) {
        PageDate start = event.start();
        PageDate end = event.end();
        if (!start.hasTime()) {
            LocalDate last = end != null ? end.date() : start.date();
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(start.date()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
            return;
        }
        // A time without an offset beside one with an offset is read in that offset, so both are moments.
        Optional<ZoneOffset> zone = start.offset().or(() -> end == null ? Optional.empty() : end.offset());
        line(out, "DTSTART:" + moment(start.dateTime(), zone));
        if (end == null) return;
        LocalDateTime endTime = end.hasTime() ? end.dateTime() : end.date().plusDays(1).atStartOfDay();
        Optional<ZoneOffset> endZone = end.offset().or(() -> zone);
        boolean later = zone.isPresent()
                ? endTime.toInstant(endZone.orElseThrow()).isAfter(start.dateTime().toInstant(zone.get()))
                : endTime.isAfter(start.dateTime());
        if (later) line(out, "DTEND:" + moment(endTime, endZone));
    }

    private static String moment(LocalDateTime time, Optional<ZoneOffset> offset) {
        return offset.map(o -> UTC.format(time.toInstant(o).atOffset(ZoneOffset.UTC))).orElseGet(() -> LOCAL.format(time));
    }

    /** A stamp must be in UTC; a date or a local time is read as UTC, which is as good a guess as any. */
    private static LocalDateTime utc(PageDate d) {
        if (d.instant() != null) return LocalDateTime.ofInstant(d.instant(), ZoneOffset.UTC);
        return d.hasTime() ? d.dateTime() : d.date().atStartOfDay();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
    static String text(String s) { return TEXT.escape(s.replace("\r\n", "\n").replace('\r', '\n')); }

    private static final TextEscaper TEXT = new TextEscaper(Map.of('\\', "\\\\", ';', "\\;", ',', "\\,", '\n', "\\n"),
            c -> c == '\t' || (c >= 0x20 && c != 0x7f), "");

    /** A content line, folded at 75 octets (the continuation's leading space included), never inside a character. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int n = utf8Length(cp);
            if (octets + n > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private static String lastSegment(String path) { return path.substring(path.lastIndexOf('/') + 1); }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
