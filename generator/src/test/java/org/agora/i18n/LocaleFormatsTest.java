package org.agora.i18n;

import org.agora.config.LanguageConfig;
import org.agora.content.PageDate;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocaleFormatsTest {

    private final LocaleFormats en = new LocaleFormats(new LanguageConfig("en", "English", Locale.forLanguageTag("en-GB"), "ltr"));
    private final LocaleFormats nl = new LocaleFormats(new LanguageConfig("nl", "Nederlands", Locale.forLanguageTag("nl-BE"), "ltr"));

    private static PageDate d(String s) { return PageDate.parse(s).orElseThrow(); }

    @Test
    void anEventStartShowsTheOffsetItWasGivenAndNothingForALocalTime() {
        assertEquals("10 February 2027, 08:30 (UTC)", en.eventStart(d("2027-02-10T08:30:00Z")));
        assertEquals("10 February 2027, 08:30 (UTC+5:30)", en.eventStart(d("2027-02-10T08:30:00+05:30")));
        assertEquals("10 February 2027, 08:30 (UTC-3:30)", en.eventStart(d("2027-02-10T08:30:00-03:30")));
        assertEquals("10 februari 2027, 08:30", nl.eventStart(d("2027-02-10T08:30:00")));
        assertEquals("10 februari 2027", nl.eventStart(d("2027-02-10")));
    }

    @Test
    void anEventEndSaysOnlyWhatTheStartDoesNotAlreadySay() {
        assertEquals("17:00 (UTC+1)", nl.eventEnd(d("2026-03-07T09:00:00+01:00"), d("2026-03-07T17:00:00+01:00")));
        assertEquals("8 maart 2026, 17:00 (UTC+1)", nl.eventEnd(d("2026-03-07T09:00:00+01:00"), d("2026-03-08T17:00:00+01:00")));
        assertEquals("", en.eventEnd(d("2026-03-07"), d("2026-03-07")), "a one-day event");
        assertEquals("9 March 2026", en.eventEnd(d("2026-03-07"), d("2026-03-09")));
        assertEquals("", en.eventEnd(d("2026-03-07"), null));
    }
}
