package org.agora.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dates in the layouts Hugo reads (spf13/cast's list, TOML and YAML dates), and the ones it refuses. */
class PageDateTest {

    /** Written as in a Hugo site → the machine form Agora keeps; an offset makes it a moment. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "2018-03-09                            | 2018-03-09",
            "2018-03-09T09:00:00Z                  | 2018-03-09T09:00Z",
            "2018-03-09T09:00:00+02:00             | 2018-03-09T09:00+02:00",
            "2018-03-09T09:00:00-0400              | 2018-03-09T09:00-04:00",
            "2018-03-09T09:00:00.123+02:00         | 2018-03-09T09:00:00.123+02:00",
            "2018-03-09T09:00:30                   | 2018-03-09T09:00:30",
            "2018-03-09T09:00                      | 2018-03-09T09:00",
            "2018-03-09 09:00                      | 2018-03-09T09:00",
            "2018-03-09 09:00:00                   | 2018-03-09T09:00",
            "2018-03-09 09:00:00 -0400             | 2018-03-09T09:00-04:00",
            "2018-03-09 09:00:00 -04:00            | 2018-03-09T09:00-04:00",
            "2018-03-09 09:00:00Z                  | 2018-03-09T09:00Z",
            "2018-03-09 09:00:00-0400              | 2018-03-09T09:00-04:00",
            "2018-03-09 09:00 +01:00               | 2018-03-09T09:00+01:00",
            "2018-03-09 09:00:00.5 -0400 EDT       | 2018-03-09T09:00:00.500-04:00",
            "2018-03-09 09:00:00 +0000 UTC         | 2018-03-09T09:00Z",
            "2018-03-09 09:00:00 UTC               | 2018-03-09T09:00Z",
            "2018-03-09T09:00:00 UTC               | 2018-03-09T09:00Z",
            "1979-05-27t07:32:00z                  | 1979-05-27T07:32Z",
            "'Fri, 09 Mar 2018 09:00:00 -0400'     | 2018-03-09T09:00-04:00",
            "'Fri, 9 Mar 2018 09:00:00 GMT'        | 2018-03-09T09:00Z",
            "09 Mar 2018                           | 2018-03-09",
            "'  2018-03-09  '                      | 2018-03-09"})
    void readsEveryLayoutHugoReads(String written, String iso) {
        PageDate d = PageDate.parse(written).orElseThrow(() -> new AssertionError("not read: " + written));
        assertEquals(iso, d.iso());
        assertEquals(iso.matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)"), d.instant() != null, "an offset, and only an offset, makes a moment");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2026-13-45", "04/05/2026", "tomorrow", "2026-02-30", "09:00", "2018-03-09T25:00",
            "2018-03-09T09", "2018-03-09 09:00:00 +04:00:00:00", "2018-03-09 Europe/Brussels", ""})
    void refusesWhatHugoRefuses(String written) {
        assertEquals(Optional.empty(), PageDate.parse(written), written);
    }

    @ParameterizedTest
    @CsvSource({"2018-03-09T09:00:00-04:00, 2018-03-09 09:00:00 -0400", "2018-03-09T13:00:00Z, 2018-03-09 09:00:00 -0400"})
    void theSameMomentWrittenTwoWaysComparesEqual(String a, String b) {
        assertEquals(0, PageDate.parse(a).orElseThrow().compareTo(PageDate.parse(b).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-03-09T09:00:00-04:00", "2018-03-09 09:00:00 -0400"})
    void theOffsetIsKept(String written) {
        assertTrue(PageDate.parse(written).orElseThrow().offset().orElseThrow().getTotalSeconds() == -4 * 3600);
    }
}
