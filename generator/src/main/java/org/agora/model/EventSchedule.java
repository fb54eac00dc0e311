package org.agora.model;

import org.agora.content.FrontMatter;
import org.agora.content.PageDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which events are upcoming and which are past on the build date. An event is upcoming while its last day
 * (its end, else its start, as the editor wrote it) is on or after the build date, so an event stays
 * upcoming through the day it ends. The build date is an input, never the clock: the same input and the
 * same date give the same lists.
 */
public final class EventSchedule {

    /** The type whose sections list upcoming and past events apart (the content folder "events"). */
    public static final String EVENTS_TYPE = "events";

    /**
     * A list split for readers.
     * @param upcoming soonest first
     * @param past most recent first
     * @param others what the list holds besides events: sub-sections, documents without event dates
     */
    public record Split(List<Page> upcoming, List<Page> past, List<Page> others) {}

    private static final Comparator<Page> BY_TIME = Comparator
            .comparing((Page p) -> eventOf(p).orElseThrow().start())
            .thenComparing(p -> eventOf(p).orElseThrow().end(), Comparator.nullsFirst(Comparator.naturalOrder()));
    /** Soonest first; the path settles ties so the order never depends on the input's order. */
    private static final Comparator<Page> SOONEST_FIRST = BY_TIME.thenComparing(Page::path);
    private static final Comparator<Page> MOST_RECENT_FIRST = BY_TIME.reversed().thenComparing(Page::path);

    private final LocalDate buildDate;

    public EventSchedule(LocalDate buildDate) { this.buildDate = buildDate; }

    public LocalDate buildDate() { return buildDate; }

    /** A section of events shows upcoming and past events as two lists; other lists keep their order. */
    public static boolean splitsListing(Page page) {
        return page.kind() == PageKind.SECTION && EVENTS_TYPE.equals(page.type());
    }

    /** The event of a document, when its front matter has one (a start is required, so every event has one). */
    public static Optional<FrontMatter.Event> eventOf(Page page) {
        if (page.kind() != PageKind.PAGE || page.document() == null) return Optional.empty();
        return page.document().frontMatter().eventInfo().filter(e -> e.start() != null);
    }

    public boolean isUpcoming(FrontMatter.Event event) {
        PageDate last = event.end() != null ? event.end() : event.start();
        return !last.date().isBefore(buildDate);
    }

    public Split split(List<Page> listing) {
        List<Page> upcoming = new ArrayList<>();
        List<Page> past = new ArrayList<>();
        List<Page> others = new ArrayList<>();
        for (Page p : listing) {
            Optional<FrontMatter.Event> e = eventOf(p);
            if (e.isEmpty()) others.add(p);
            else if (isUpcoming(e.get())) upcoming.add(p);
            else past.add(p);
        }
        upcoming.sort(SOONEST_FIRST);
        past.sort(MOST_RECENT_FIRST);
        return new Split(List.copyOf(upcoming), List.copyOf(past), List.copyOf(others));
    }

    /** The next events of a list (of any type), soonest first, at most {@code max}. */
    public List<Page> next(List<Page> listing, int max) {
        return listing.stream().filter(p -> eventOf(p).filter(this::isUpcoming).isPresent())
                .sorted(SOONEST_FIRST).limit(max).toList();
    }

    /**
     * What a list page spreads over its pagination pages. An events section keeps every upcoming event (and
     * its other entries) on its first page, where readers look for them, and paginates its past events.
     */
    public List<Page> paginated(Page listPage, List<Page> listing) {
        return splitsListing(listPage) ? split(listing).past() : listing;
    }
}
