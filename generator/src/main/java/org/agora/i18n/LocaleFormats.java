package org.agora.i18n;

import org.agora.config.LanguageConfig;
import org.agora.content.PageDate;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates, times and names as a language's readers write them: "22 novembre 2026", "22 november 2026". */
public final class LocaleFormats {

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    public LocaleFormats(LanguageConfig language) {
        this.locale = language.locale();
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    public String date(PageDate d) { return d == null ? "" : date.format(d.date()); }

    /** The date, and the time when one was given. */
    public String dateTime(PageDate d) {
        if (d == null) return "";
        return d.hasTime() ? date.format(d.date()) + ", " + time.format(d.dateTime()) : date.format(d.date());
    }

    /**
     * When an event starts: its date, and its time with the UTC offset the editor gave
     * ("28 avril 2026, 09:00 (UTC+2)"); a time without an offset is local to the venue and shown as written.
     */
    public String eventStart(PageDate d) {
        return d == null ? "" : d.hasTime() ? dateTime(d) + zone(d) : date(d);
    }

    /**
     * When an event ends: only the time when it ends on the day it starts ("17:00 (UTC+2)"); empty when
     * the end adds nothing (a one-day event given as a start and an end on the same day, without times).
     */
    public String eventEnd(PageDate start, PageDate end) {
        if (end == null) return "";
        boolean sameDay = start != null && start.date().equals(end.date());
        if (sameDay && end.hasTime() && start.hasTime()) return time.format(end.dateTime()) + zone(end);
        if (sameDay && !end.hasTime()) return "";
        return eventStart(end);
    }

    /** " (UTC+2)", " (UTC)", " (UTC+5:30)"; nothing for a local time. */
    private static String zone(PageDate d) {
        return d.offset().map(o -> {
            int minutes = o.getTotalSeconds() / 60;
            if (minutes == 0) return " (UTC)";
            int abs = Math.abs(minutes);
            return " (UTC" + (minutes < 0 ? "-" : "+") + abs / 60 + (abs % 60 == 0 ? "" : String.format(Locale.ROOT, ":%02d", abs % 60)) + ")";
        }).orElse("");
    }

    public String time(PageDate d) { return d == null || !d.hasTime() ? "" : time.format(d.dateTime()); }

    /** A language's name in this locale: "anglais" for en in French. */
    public String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name;
    }
}
