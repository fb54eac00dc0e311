package org.agora.site;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.agora.testing.OutputSite;
import org.agora.testing.TestPaths;
import org.agora.testing.Translations;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events on the mini fixture built for three build dates: upcoming and past lists, the home page's next
 * events, dates in the page's locale, and the iCalendar files read back by ical4j, an independent parser.
 * The English events are: General assembly (18 Apr 2026, 09:30–17:00 +02:00), Summer school (6–10 Jul 2026,
 * whole days), Open day (12 Sep 2026, no end) and Webinar (20 Jan 2027 14:00 −05:00, no end).
 */
class EventsTest {

    @TempDir
    static Path temp;
    static Path siteDir;
    static OutputSite january;    // 2026-01-01: everything is upcoming
    static OutputSite september;  // 2026-09-12: the open day ends today, so it is still upcoming
    static OutputSite later;      // 2027-06-01: everything is past

    @BeforeAll
    static void build() {
        siteDir = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        january = build("2026-01-01", "january");
        september = build("2026-09-12", "september");
        later = build("2027-06-01", "later");
    }

    static OutputSite build(String date, String name) {
        Path out = temp.resolve(name);
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(
                new BuildOptions(siteDir, out, false, temp.resolve(name + "-cache"), LocalDate.parse(date)));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        return new OutputSite(out, "/sub/path/");
    }

    static List<String> titles(Document page, String list) {
        return page.select("section.events." + list + " .item-title").eachText();
    }

    @Test
    void onTheDayAnEventEndsItIsStillUpcoming() {
        Document en = september.page("en/events/index.html");
        assertEquals(List.of("Open day", "Webinar on open data"), titles(en, "upcoming"), "soonest first");
        assertEquals(List.of("Summer school: écoute, créativité & données — «Ça commence» 🎉", "General assembly"),
                titles(en, "past"), "most recent first");
        assertEquals("Upcoming events", en.selectFirst("#upcoming-heading").text());
        assertEquals("Past events", en.selectFirst("#past-heading").text());
        assertFalse(september.pages().containsKey("en/events/page/2/index.html"));
        Document fr = september.page("fr/events/index.html");
        assertTrue(titles(fr, "past").contains("Assemblée générale"), fr.text());
        assertFalse(titles(fr, "upcoming").contains("Assemblée générale"));
        assertEquals("Événements passés", fr.selectFirst("#past-heading").text());
    }

    @Test
    void beforeAnyEventEverythingIsUpcomingAndThePastIsAnEmptyState() {
        Document en = january.page("en/events/index.html");
        assertEquals(List.of("General assembly", "Summer school: écoute, créativité & données — «Ça commence» 🎉",
                "Open day", "Webinar on open data"), titles(en, "upcoming"));
        assertEquals("No past events yet.", en.selectFirst("section.events.past .empty").text());
        assertFalse(january.pages().containsKey("en/events/page/2/index.html"), "upcoming events are never split");
    }

    @Test
    void laterEverythingIsPastAndOnlyPastEventsArePaginated() {
        Document first = later.page("en/events/index.html");
        assertEquals("No events are planned at the moment.", first.selectFirst("section.events.upcoming .empty").text());
        assertEquals(List.of("Webinar on open data", "Open day"), titles(first, "past"), "two a page (pageSize: 2)");
        Document second = later.page("en/events/page/2/index.html");
        assertNull(second.selectFirst("section.events.upcoming"), "later pages list past events only");
        assertEquals(List.of("Summer school: écoute, créativité & données — «Ça commence» 🎉", "General assembly"),
                titles(second, "past"));
        assertNotNull(first.selectFirst("section.events.past nav.pagination a[href=/sub/path/en/events/page/2/]"));
        assertEquals("Aucun événement n'est prévu pour le moment.",
                later.page("fr/events/index.html").selectFirst("section.events.upcoming .empty").text());
        for (OutputSite site : List.of(january, september, later)) {
            assertEquals(List.of(), site.brokenLinks());
            assertEquals(List.of(), Translations.problems(site), "hreflang of paginated event lists stays reciprocal");
        }
    }

    @Test
    void theHomePageShowsTheNextEventsOnly() {
        Document jan = january.page("en/index.html");
        assertEquals(List.of("General assembly", "Summer school: écoute, créativité & données — «Ça commence» 🎉", "Open day"),
                jan.select("section.next-events .item-title").eachText(), "the next three, soonest first");
        assertEquals("/sub/path/en/events/", jan.selectFirst("section.next-events p.more a").attr("href"));
        assertEquals(List.of("Open day", "Webinar on open data"),
                september.page("en/index.html").select("section.next-events .item-title").eachText());
        assertNull(later.page("en/index.html").selectFirst("section.next-events"), "no block without upcoming events");
    }

    @Test
    void datesAreWrittenInThePageLocaleWithTheirOffset() {
        Document en = september.page("en/events/assembly/index.html");
        assertEquals("18 April 2026, 09:30 (UTC+2)", en.selectFirst(".event-box dt:contains(Starts) + dd").text());
        assertEquals("17:00 (UTC+2)", en.selectFirst(".event-box dt:contains(Ends) + dd").text(), "same day: the time only");
        assertEquals("2026-04-18T17:00+02:00", en.selectFirst(".event-box dt:contains(Ends) + dd time").attr("datetime"));
        Document fr = september.page("fr/events/assemblee/index.html");
        assertEquals("18 avril 2026, 09:30 (UTC+2)", fr.selectFirst(".event-box dt:contains(Début) + dd").text());
        assertNull(fr.selectFirst(".event-box dt:contains(Fin)"), "no end given");
        Document school = september.page("en/events/summer-school/index.html");
        assertEquals("6 July 2026", school.selectFirst(".event-box dt:contains(Starts) + dd").text());
        assertEquals("10 July 2026", school.selectFirst(".event-box dt:contains(Ends) + dd").text());
        Document webinar = september.page("en/events/webinar/index.html");
        assertEquals("20 January 2027, 14:00 (UTC-5)", webinar.selectFirst(".event-box dt:contains(Starts) + dd").text());
        Element item = september.page("en/events/index.html").selectFirst("li.item:has(a[href$=/open-day/])");
        assertTrue(item.selectFirst(".item-event").text().contains("12 September 2026"), item.outerHtml());
        assertTrue(item.selectFirst(".item-event .where").text().contains("Dok Noord, room 2"), item.outerHtml());
    }

    @Test
    void everyEventPageLinksToItsCalendarFile() {
        Map<String, Path> calendars = calendars(september);
        assertEquals(List.of("en/events/assembly/assembly.ics", "en/events/open-day/open-day.ics",
                "en/events/summer-school/summer-school.ics", "en/events/webinar/webinar.ics",
                "fr/events/assemblee/assemblee.ics"), List.copyOf(calendars.keySet()));
        Element link = september.page("fr/events/assemblee/index.html").selectFirst(".event-box a[type=text/calendar]");
        assertEquals("Ajouter à mon agenda (.ics)", link.text());
        assertEquals("/sub/path/fr/events/assemblee/assemblee.ics", link.attr("href"));
    }

    @Test
    void calendarFilesAreValidICalendar() throws Exception {
        for (var entry : calendars(september).entrySet()) {
            byte[] bytes = Files.readAllBytes(entry.getValue());
            assertRfc5545Lines(entry.getKey(), bytes);
            Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(bytes));
            ValidationResult validation = calendar.validate();
            assertFalse(validation.hasErrors(), entry.getKey() + ": " + validation);
            assertEquals("2.0", value(calendar, Property.VERSION));
            assertEquals("GREGORIAN", value(calendar, Property.CALSCALE));
            assertEquals(1, calendar.getComponents(Component.VEVENT).size());
        }
    }

    @Test
    void wholeDayEventsAndTextSurviveARoundTrip() throws Exception {
        VEvent school = event(september, "en/events/summer-school/summer-school.ics");
        assertEquals("20260706", value(school, Property.DTSTART));
        assertEquals("DATE", school.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.VALUE).orElseThrow().getValue());
        assertEquals("20260711", value(school, Property.DTEND), "DTEND is exclusive: the day after the last");
        assertEquals("Summer school: écoute, créativité & données — «Ça commence» 🎉", value(school, Property.SUMMARY));
        assertEquals("Five days in Liège for facilitators: « Écouter, c'est déjà agir ! » — workshops; debates, café ☕ and a closing concert.\n"
                + "Bring a laptop; a backslash \\ stays a backslash.", value(school, Property.DESCRIPTION));
        assertEquals("Université de Liège, Place du 20-Août 7; salle 1", value(school, Property.LOCATION));
        assertEquals("en", school.getProperty(Property.SUMMARY).orElseThrow().getParameter(Parameter.LANGUAGE).orElseThrow().getValue());
        assertEquals("https://example.org/sub/path/en/events/summer-school/", value(school, Property.UID));
        assertEquals("https://example.org/sub/path/en/events/summer-school/", value(school, Property.URL));
        assertEquals("20260301T000000Z", value(school, Property.DTSTAMP), "stamped with the document's date");

        VEvent openDay = event(september, "en/events/open-day/open-day.ics");
        assertEquals("20260912", value(openDay, Property.DTSTART));
        assertEquals("20260913", value(openDay, Property.DTEND), "a day without an end lasts that day");
        assertEquals("Dok Noord, room 2; ground floor \\ back entrance", value(openDay, Property.LOCATION));
        String raw = Files.readString(september.root().resolve("en/events/open-day/open-day.ics"));
        assertTrue(raw.contains("LOCATION;LANGUAGE=en:Dok Noord\\, room 2\\; ground floor \\\\ back entrance\r\n"), raw);
    }

    @Test
    void momentsAreWrittenInUtcAndStampsNeverComeFromTheClock() throws Exception {
        VEvent assembly = event(september, "en/events/assembly/assembly.ics");
        assertEquals("20260418T073000Z", value(assembly, Property.DTSTART));
        assertEquals("20260418T150000Z", value(assembly, Property.DTEND));
        assertEquals("20260912T000000Z", value(assembly, Property.DTSTAMP), "no date or lastmod: the build date");
        VEvent webinar = event(september, "en/events/webinar/webinar.ics");
        assertEquals("20270120T190000Z", value(webinar, Property.DTSTART));
        assertTrue(webinar.getProperty(Property.DTEND).isEmpty(), "no end: the RFC's default (ends as it starts)");
        assertEquals("20270105T090000Z", value(webinar, Property.DTSTAMP), "lastmod, in UTC");
    }

    @Test
    void theSameBuildDateGivesTheSameBytes() throws IOException {
        OutputSite again = build("2026-09-12", "september-again");
        Map<String, byte[]> a = files(september.root());
        Map<String, byte[]> b = files(again.root());
        assertEquals(a.keySet(), b.keySet());
        a.forEach((rel, bytes) -> assertArrayEquals(bytes, b.get(rel), rel));
        assertFalse(Arrays.equals(a.get("en/events/index.html"), files(later.root()).get("en/events/index.html")),
                "another build date, other lists");
    }

    /** Lines end with CRLF, hold at most 75 octets, and each is valid UTF-8 on its own (no character split). */
    static void assertRfc5545Lines(String name, byte[] bytes) throws CharacterCodingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), name);
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"), name + ": bare line break");
        int start = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                assertTrue(i - start <= 75, name + ": a line of " + (i - start) + " octets");
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, i - start));
                start = i + 2;
            }
        }
    }

    static Map<String, Path> calendars(OutputSite site) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site.root())) {
            walk.filter(p -> p.toString().endsWith(".ics"))
                    .forEach(p -> out.put(site.root().relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static VEvent event(OutputSite site, String rel) throws Exception {
        byte[] bytes = Files.readAllBytes(site.root().resolve(rel));
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(bytes));
        return calendar.<VEvent>getComponents(Component.VEVENT).get(0);
    }

    static String value(net.fortuna.ical4j.model.PropertyListAccessor container, String property) {
        return container.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(all::add);
        }
        for (Path p : all) out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        return out;
    }
}
