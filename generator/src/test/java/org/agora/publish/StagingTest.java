package org.agora.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The staging folder: nothing is written twice, and a build that fails while others still write leaves nothing. */
class StagingTest {

    @TempDir
    Path temp;

    private long leftovers() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.filter(p -> p.getFileName().toString().contains("staging")).count();
        }
    }

    @Test
    void aFileIsNeverWrittenOrCopiedOverAnother() throws IOException {
        Path source = Files.writeString(temp.resolve("source.txt"), "static");
        try (Staging staging = Staging.open(temp.resolve("out"))) {
            staging.write("en/index.html", new byte[] {1});
            assertThrows(IllegalStateException.class, () -> staging.copy("en/index.html", source));
            assertThrows(IllegalStateException.class, () -> staging.write("en/index.html", new byte[] {2}));
        }
        assertEquals(0, leftovers());
    }

    @Test
    void writersStillRunningWhenTheBuildFailsLeaveNoStagingBehind() throws Exception {
        Staging staging = Staging.open(temp.resolve("out"));
        int writers = 4;
        CountDownLatch started = new CountDownLatch(writers);
        AtomicInteger refused = new AtomicInteger();
        Thread[] threads = new Thread[writers];
        for (int t = 0; t < writers; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                started.countDown();
                for (int i = 0; i < 20_000; i++) {
                    try {
                        staging.write("w" + id + "/deep/folder/" + i + ".html", new byte[] {1});
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                        return;
                    }
                }
            });
            threads[t].start();
        }
        started.await();
        Thread.sleep(50);
        staging.abort();
        for (Thread t : threads) t.join();
        assertEquals(writers, refused.get(), "every writer is refused once the staging is aborted");
        assertEquals(0, leftovers(), "nothing recreated the folder after it was deleted");
        assertFalse(Files.exists(temp.resolve("out")));
    }
}
