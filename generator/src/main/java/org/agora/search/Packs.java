package org.agora.search;

import java.util.function.BiConsumer;

/**
 * Pack files: gzip members written one after another into {@code <folder><n>.bin}, read back by the
 * browser with HTTP Range requests for exactly the member it needs (docs/search-format.md, "Packs"). A
 * segment (the members of one dictionary shard) is never split, so its readers need one pack number and
 * one offset; a new pack starts when the next segment would take the current one past the cap. The cap
 * bounds the number of files (total bytes / cap) and what a host that ignores Range sends in place of a
 * member.
 */
final class Packs {

    /** Where a segment starts: pack number and byte offset in it. */
    record Place(int pack, int offset) {}

    private final BiConsumer<String, byte[]> write;
    private final String folder;
    private final int cap;
    private final Bytes current = new Bytes(64 * 1024);
    private int pack;

    Packs(BiConsumer<String, byte[]> write, String folder, int cap) {
        this.write = write;
        this.folder = folder;
        this.cap = cap;
    }

    Place add(byte[] segment) {
        if (current.size() > 0 && current.size() + segment.length > cap) flush();
        Place at = new Place(pack, current.size());
        current.bytes(segment, 0, segment.length);
        return at;
    }

    /** Writes the last pack; returns the number of packs. */
    int finish() {
        if (current.size() > 0) flush();
        return pack;
    }

    private void flush() {
        write.accept(folder + pack + ".bin", current.toArray());
        current.clear();
        pack++;
    }
}
