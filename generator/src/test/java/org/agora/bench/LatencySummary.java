package org.agora.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Median, 90th percentile and range of a series of timings in milliseconds. Percentiles are by nearest
 * rank (a value that was measured, never an interpolation); the median of an even count is the mean of
 * the two middle values, as usual.
 */
record LatencySummary(List<Double> timings, double median, double p90, double min, double max) {

    static LatencySummary of(List<Double> timings) {
        if (timings.isEmpty()) throw new IllegalArgumentException("no timings");
        double[] sorted = timings.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new LatencySummary(List.copyOf(timings), median, nearestRank(sorted, 0.90), sorted[0], sorted[n - 1]);
    }

    private static double nearestRank(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    String text() {
        return "median %s ms, p90 %s ms, min %s ms, max %s ms (%d edits)"
                .formatted(ms(median), ms(p90), ms(min), ms(max), timings.size());
    }

    /**
     * One line of JSON: the figures in whole milliseconds, the timings in the order of the edits, then
     * {@code context} (the site, the machine).
     */
    String json(Map<String, Object> context) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("benchmark", "preview-latency");
        line.put("edits", timings.size());
        line.put("median_ms", round(median));
        line.put("p90_ms", round(p90));
        line.put("min_ms", round(min));
        line.put("max_ms", round(max));
        line.put("timings_ms", timings.stream().map(LatencySummary::round).toList());
        line.putAll(context);
        try {
            return new ObjectMapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ms(double millis) { return Long.toString(round(millis)); }

    private static long round(double millis) { return Math.round(millis); }
}
