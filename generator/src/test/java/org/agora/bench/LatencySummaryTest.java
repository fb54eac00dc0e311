package org.agora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencySummaryTest {

    @Test
    void twentyTimingsInAnyOrder() throws Exception {
        List<Double> timings = new ArrayList<>();
        for (int i = 1; i <= 20; i++) timings.add(i * 100.0);
        Collections.shuffle(timings, new Random(1));
        LatencySummary s = LatencySummary.of(timings);
        assertEquals(1050.0, s.median());   // the mean of the 10th and 11th
        assertEquals(1800.0, s.p90());      // the 18th of 20, a measured value
        assertEquals(100.0, s.min());
        assertEquals(2000.0, s.max());
        assertEquals("median 1050 ms, p90 1800 ms, min 100 ms, max 2000 ms (20 edits)", s.text());

        JsonNode json = new ObjectMapper().readTree(s.json(Map.of("site", "/sites/a \"b\"")));
        assertEquals("/sites/a \"b\"", json.get("site").asText());
        assertEquals(1050, json.get("median_ms").asLong());
        assertEquals(20, json.get("timings_ms").size());
        assertEquals(timings.getFirst().longValue(), json.get("timings_ms").get(0).asLong(), "in the order of the edits");
    }

    @Test
    void oddCountsAndASingleTiming() {
        LatencySummary three = LatencySummary.of(List.of(30.0, 10.0, 20.0));
        assertEquals(20.0, three.median());
        assertEquals(30.0, three.p90());
        LatencySummary one = LatencySummary.of(List.of(7.4));
        assertEquals(7.4, one.median());
        assertEquals(7.4, one.p90());
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.of(List.of()));
    }
}
