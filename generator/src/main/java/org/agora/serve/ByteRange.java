package org.agora.serve;

/**
 * The one byte range of a {@code Range} request header (RFC 9110, section 14), as static hosts answer it:
 * {@code bytes=a-b}, {@code bytes=a-} and {@code bytes=-n}. Anything else (other units, several ranges,
 * malformed values) is ignored, and the whole file is sent with a 200, which the RFC allows and clients
 * must accept.
 */
record ByteRange(long first, long last, boolean unsatisfiable) {

    /** The range asked of a file of {@code size} bytes, or null to send the whole file. */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=")) return null;
        String spec = header.substring("bytes=".length()).trim();
        if (spec.contains(",")) return null;
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        try {
            if (from.isEmpty()) {
                if (to.isEmpty()) return null;
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) return new ByteRange(0, 0, true);
                return new ByteRange(Math.max(0, size - suffix), size - 1, false);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
            if (first < 0 || last < first) return null;
            if (first >= size) return new ByteRange(0, 0, true);
            return new ByteRange(first, Math.min(last, size - 1), false);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
