package org.agora.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PreviewServerTest {

    private static final String SECRET = "TOP-SECRET-CONTENT";

    @TempDir
    static Path dir;
    static PreviewServer rootServer;
    static PreviewServer baseServer;
    static URI rootUri;
    static URI baseUri;
    static boolean symlinks;
    static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Status code and body of a raw HTTP exchange. */
    record Reply(int status, String head, String body) {}

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void start() throws IOException {
        Path out = dir.resolve("public");
        write(dir.resolve("secret.txt"), SECRET);
        write(dir.resolve("public-old/secret.txt"), SECRET);       // a sibling whose name starts like the root
        write(out.resolve("index.html"), "<h1>home</h1>");
        write(out.resolve("en/index.html"), "<h1>english</h1>");
        write(out.resolve("en/guide/index.html"), "<h1>guide</h1>");
        write(out.resolve("404.html"), "<h1>custom not found</h1>");
        write(out.resolve("css/site.css"), "body{}");
        write(out.resolve("data/file+name.txt"), "plus");
        write(out.resolve("en/events/assembly/assembly.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        try {
            Files.createSymbolicLink(out.resolve("leak.txt"), dir.resolve("secret.txt"));
            Files.createSymbolicLink(out.resolve("leakdir"), dir);
            symlinks = true;
        } catch (UnsupportedOperationException | IOException e) {
            symlinks = false;
        }
        rootServer = new PreviewServer(out, "/", 0);
        rootUri = rootServer.start();
        baseServer = new PreviewServer(out, "/elibrary", 0);
        baseUri = baseServer.start();
    }

    @AfterAll
    static void stop() {
        if (rootServer != null) rootServer.close();
        if (baseServer != null) baseServer.close();
    }

    static HttpResponse<String> get(URI base, String path) throws Exception {
        URI uri = URI.create("http://localhost:" + base.getPort() + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request line exactly as written, so no client normalises the path first. */
    static Reply raw(int port, String method, String target) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream os = s.getOutputStream();
            os.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String all = buf.toString(StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Reply(status, head, body);
        }
    }

    @Test
    void startReturnsTheLoopbackUrlWithBasePath() {
        assertEquals("http://localhost:" + rootServer.port() + "/", rootUri.toString());
        assertEquals("http://localhost:" + baseServer.port() + "/elibrary/", baseUri.toString());
        assertTrue(rootServer.port() > 0);
    }

    @Test
    void servesIndexFilesAndTypes() throws Exception {
        HttpResponse<String> home = get(rootUri, "/");
        assertEquals(200, home.statusCode());
        assertEquals("<h1>home</h1>", home.body());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", home.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> en = get(rootUri, "/en/");
        assertEquals(200, en.statusCode());
        assertEquals("<h1>english</h1>", en.body());
        assertEquals("<h1>guide</h1>", get(rootUri, "/en/guide/index.html").body());
        HttpResponse<String> css = get(rootUri, "/css/site.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("plus", get(rootUri, "/data/file+name.txt").body(), "'+' in a path is not a space");
        assertEquals("text/calendar; charset=utf-8", get(rootUri, "/en/events/assembly/assembly.ics").headers()
                .firstValue("Content-Type").orElseThrow(), "calendar apps open .ics files by this type");
        assertEquals("<h1>english</h1>", get(rootUri, "/%65n/").body(), "percent-encoded letters are decoded");
    }

    @Test
    void folderWithoutSlashRedirects() throws Exception {
        HttpResponse<String> r = get(rootUri, "/en");
        assertEquals(301, r.statusCode());
        assertEquals("/en/", r.headers().firstValue("Location").orElseThrow());
        assertEquals("/en/guide/", get(rootUri, "/en/guide").headers().firstValue("Location").orElseThrow());
    }

    @Test
    void missingPageGetsThe404Page() throws Exception {
        HttpResponse<String> r = get(rootUri, "/fr/nothing-here/");
        assertEquals(404, r.statusCode());
        assertEquals("<h1>custom not found</h1>", r.body());
        assertEquals(404, get(rootUri, "/en/missing.png").statusCode());
    }

    @Test
    void headHasNoBodyAndOtherMethodsAreRefused() throws IOException {
        Reply head = raw(rootServer.port(), "HEAD", "/en/");
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(405, raw(rootServer.port(), "POST", "/en/").status());
        assertEquals(405, raw(rootServer.port(), "DELETE", "/index.html").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../secret.txt",
            "/../../secret.txt",
            "/en/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/en/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%2Fsecret.txt",
            "/%2e%2e%5csecret.txt",
            "/..\\secret.txt",
            "/en/..%5c..%5csecret.txt",
            "/%252e%252e/secret.txt",
            "/../public-old/secret.txt",
            "/%2e%2e/public-old/secret.txt",
            "/secret.txt%00.html",
            "/%zz/secret.txt",
            "/.%2e/secret.txt",
    })
    void pathEscapesNeverReachFilesOutside(String target) throws IOException {
        for (PreviewServer server : new PreviewServer[]{rootServer, baseServer}) {
            for (String t : server == baseServer ? List.of(target, "/elibrary" + target) : List.of(target)) {
                Reply r = raw(server.port(), "GET", t);
                assertTrue(r.status() == 403 || r.status() == 404 || r.status() == 400,
                        t + " gave " + r.status());
                assertFalse(r.body().contains(SECRET), t + " leaked the secret");
            }
        }
    }

    @Test
    void escapesThroughHttpClientToo() throws Exception {
        for (String path : new String[]{"/%2e%2e/secret.txt", "/..%2fsecret.txt", "/en/%2e%2e/%2e%2e/secret.txt"}) {
            HttpResponse<String> r = get(rootUri, path);
            assertTrue(r.statusCode() == 403 || r.statusCode() == 404, path + " gave " + r.statusCode());
            assertFalse(r.body().contains(SECRET));
        }
    }

    @Test
    void symbolicLinksLeadingOutsideAreRefused() throws IOException {
        assumeTrue(symlinks, "symbolic links not supported here");
        for (String t : new String[]{"/leak.txt", "/leakdir/secret.txt", "/leakdir/", "/leakdir"}) {
            Reply r = raw(rootServer.port(), "GET", t);
            assertTrue(r.status() == 403 || r.status() == 404, t + " gave " + r.status());
            assertFalse(r.body().contains(SECRET), t + " leaked the secret");
        }
    }

    @Test
    void basePathServesOnlyUnderIt() throws Exception {
        HttpResponse<String> en = get(baseUri, "/elibrary/en/");
        assertEquals(200, en.statusCode());
        assertEquals("<h1>english</h1>", en.body());
        assertEquals("<h1>home</h1>", get(baseUri, "/elibrary/").body());
        int outside = get(baseUri, "/en/").statusCode();
        assertTrue(outside == 403 || outside == 404, "/en/ gave " + outside);
        int prefix = get(baseUri, "/elibraryX/en/").statusCode();
        assertTrue(prefix == 403 || prefix == 404, "/elibraryX/en/ gave " + prefix);
        HttpResponse<String> root = get(baseUri, "/");
        assertEquals(302, root.statusCode());
        assertEquals("/elibrary/", root.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> noSlash = get(baseUri, "/elibrary");
        assertEquals(301, noSlash.statusCode());
        assertEquals("/elibrary/", noSlash.headers().firstValue("Location").orElseThrow());
        assertEquals(301, get(baseUri, "/elibrary/en").statusCode());
        HttpResponse<String> missing = get(baseUri, "/elibrary/nothing/");
        assertEquals(404, missing.statusCode());
        assertEquals("<h1>custom not found</h1>", missing.body());
    }

    @Test
    void absoluteFileSystemPathsStayInsideTheOutput() throws IOException {
        String abs = dir.resolve("secret.txt").toAbsolutePath().toString();
        for (String t : new String[]{"/" + abs, "//" + abs, "/%2f" + abs.substring(1), "/file:" + abs}) {
            Reply r = raw(rootServer.port(), "GET", t);
            assertTrue(r.status() == 403 || r.status() == 404 || r.status() == 400, t + " gave " + r.status());
            assertFalse(r.body().contains(SECRET), t + " leaked the secret");
        }
    }

    @Test
    void basePathCannotBeLeftWithDotDot() throws IOException {
        for (String t : new String[]{"/elibrary/../en/", "/elibrary/%2e%2e/en/", "/elibrary/..%2fen/"}) {
            Reply r = raw(baseServer.port(), "GET", t);
            assertTrue(r.status() == 403 || r.status() == 404, t + " gave " + r.status());
            assertFalse(r.body().contains("english"), t);
        }
    }
}
