package org.agora.publish;

import org.agora.content.PageDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2026-03-31,                2026-03-31T00:00:00Z,      2026-03-31",
            "2026-04-28T09:00:00+02:00, 2026-04-28T09:00:00+02:00, 2026-04-28T09:00:00+02:00",
            "2026-04-28 09:00+02:00,    2026-04-28T09:00:00+02:00, 2026-04-28T09:00:00+02:00",
            "2026-04-28T09:00:30Z,      2026-04-28T09:00:30Z,      2026-04-28T09:00:30Z",
            "2026-04-28T09:15,          2026-04-28T09:15:00Z,      2026-04-28"})
    void datesAsAtomAndSitemapsWantThem(String written, String atom, String sitemap) {
        PageDate d = PageDate.parse(written).orElseThrow();
        assertEquals(atom, Timestamps.rfc3339(d));
        assertEquals(sitemap, Timestamps.w3c(d));
    }
}
