package org.agora.cli;

import org.agora.site.BuildDate;
import org.agora.testing.TestPaths;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --build-date and SOURCE_DATE_EPOCH: the one date the output depends on, never the clock unless asked. */
class BuildDateOptionTest {

    @TempDir
    Path temp;

    /** 00:30 on 2 May in Kinshasa (UTC+1): still 1 May in UTC, the day a build there must take. */
    private static final Clock KINSHASA_NIGHT = Clock.fixed(Instant.parse("2026-05-01T23:30:00Z"), ZoneId.of("Africa/Kinshasa"));

    @Test
    void buildWritesTheListsOfTheGivenDate() throws Exception {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        Path out = temp.resolve("out");
        Run r = Run.run("build", "--site", site.toString(), "--out", out.toString(), "--build-date", "2027-06-01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        var events = Jsoup.parse(out.resolve("en/events/index.html").toFile(), "UTF-8");
        assertTrue(events.select("section.events.upcoming .item").isEmpty());
        assertEquals(2, events.select("section.events.past .item").size());
    }

    @Test
    void aWrongDateIsAUsageErrorThatShowsTheExpectedForm() {
        for (String command : new String[] {"build", "serve"}) {
            Run r = Run.run(command, "--site", temp.toString(), "--build-date", "2026-02-30");
            assertEquals(ExitCodes.USAGE, r.code(), command);
            assertTrue(r.err().contains("'2026-02-30' is not a date: write it as YYYY-MM-DD"), r.err());
        }
        assertEquals(ExitCodes.USAGE, Run.run("build", "--build-date", "1 May 2026").code());
    }

    @Test
    void sourceDateEpochGivesTheDefaultInUtcElseTodayInUtc() {
        assertEquals(LocalDate.of(2026, 9, 12), BuildDate.fromEnvironment(Map.of("SOURCE_DATE_EPOCH", "1789257599"), KINSHASA_NIGHT));
        assertEquals(LocalDate.of(2026, 9, 13), BuildDate.fromEnvironment(Map.of("SOURCE_DATE_EPOCH", "1789257600"), KINSHASA_NIGHT));
        assertEquals(LocalDate.of(2026, 5, 1), BuildDate.fromEnvironment(Map.of(), KINSHASA_NIGHT), "UTC, not the machine's zone");
        assertThrows(IllegalArgumentException.class, () -> BuildDate.fromEnvironment(Map.of("SOURCE_DATE_EPOCH", "2026-09-12"), KINSHASA_NIGHT));
    }

    @Test
    void theOptionWinsOverTheEnvironmentAndAMalformedEpochIsAUsageError() {
        BuildDateOption option = new BuildDateOption();
        CommandLine cli = new CommandLine(new Main());
        Map<String, String> bad = Map.of("SOURCE_DATE_EPOCH", "yesterday");
        var e = assertThrows(CommandLine.ParameterException.class, () -> option.resolve(cli, bad, KINSHASA_NIGHT));
        assertTrue(e.getMessage().contains("SOURCE_DATE_EPOCH='yesterday' is not a number of seconds"), e.getMessage());
        option.date = LocalDate.of(2026, 1, 1);
        assertEquals(LocalDate.of(2026, 1, 1), option.resolve(cli, bad, KINSHASA_NIGHT));
    }
}
