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

    public String time(PageDate d) { return d == null || !d.hasTime() ? "" : time.format(d.dateTime()); }

    /** A language's name in this locale: "anglais" for en in French. */
    public String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name;
    }
}
