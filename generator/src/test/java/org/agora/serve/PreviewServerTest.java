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
        write(out.resolve("agora-search/fr-1/p/0.bin"), "0123456789");
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
        return request(port, method + " " + target + " HTTP/1.1", "Host: localhost");
    }

    /** Sends a request with exactly these header lines (HttpClient would not let a test forge Host). */
    static Reply request(int port, String requestLine, String... headers) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream os = s.getOutputStream();
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            for (String header : headers) request.append(header).append("\r\n");
            os.write(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
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

    /** The search runtime reads pack files by byte range: the preview answers as nginx or S3 would. */
    @Test
    void answersOneByteRangeWithPartialContent() throws Exception {
        String pack = "/agora-search/fr-1/p/0.bin";
        Reply part = request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost", "Range: bytes=2-5");
        assertEquals(206, part.status());
        assertEquals("2345", part.body());
        assertTrue(part.head().toLowerCase(java.util.Locale.ROOT).contains("content-range: bytes 2-5/10"), part.head());
        assertEquals("89", request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost", "Range: bytes=8-").body());
        assertEquals("789", request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost", "Range: bytes=-3").body());
        assertEquals("89", request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost", "Range: bytes=8-99").body(),
                "a range past the end stops at the end");
        assertEquals(416, request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost", "Range: bytes=10-12").status());
        Reply several = request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost", "Range: bytes=0-1,4-5");
        assertEquals(200, several.status(), "several ranges: the whole file, which the RFC allows");
        assertEquals("0123456789", several.body());
        assertEquals("0123456789", request(rootServer.port(), "GET " + pack + " HTTP/1.1", "Host: localhost",
                "Range: lines=1-2").body(), "another unit: the whole file");
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

    // Only requests addressed to the preview are answered: DNS rebinding cannot read it from another site.

    static Reply get(int port, String target, String host) throws IOException {
        return request(port, "GET " + target + " HTTP/1.1", "Host: " + host);
    }

    static void assertRefused(Reply r, int status, String what) {
        assertEquals(status, r.status(), what + ": " + r.head());
        assertFalse(r.body().contains("<h1>") || r.body().contains(SECRET), what + " got site content: " + r.body());
        assertTrue(r.head().toLowerCase(java.util.Locale.ROOT).contains("content-type: text/plain"), what + ": " + r.head());
    }

    @Test
    void theServerListensOnLoopbackByDefault() {
        assertTrue(rootServer.address().getAddress().isLoopbackAddress(), rootServer.address().toString());
        assertTrue(baseServer.address().getAddress().isLoopbackAddress(), baseServer.address().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:%d", "localhost", "LocalHost:%d", "127.0.0.1:%d", "127.0.0.1", "[::1]:%d", "[::1]",
            "[0:0:0:0:0:0:0:1]:%d"})
    void itsOwnNamesAreAnswered(String host) throws IOException {
        Reply r = get(rootServer.port(), "/en/", host.formatted(rootServer.port()));
        assertEquals(200, r.status(), host + ": " + r.head());
        assertEquals("<h1>english</h1>", r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:%d", "localhost.evil.example:%d", "127.0.0.1.nip.io:%d",
            "192.0.2.7:%d", "[2001:db8::1]:%d"})
    void aForeignHostIsRefusedWithNoContent(String host) throws IOException {
        Reply r = get(rootServer.port(), "/en/", host.formatted(rootServer.port()));
        assertRefused(r, 403, host);
        assertTrue(r.body().contains("answers only at its own address") && r.body().contains("--allow-host"), r.body());
        assertRefused(request(rootServer.port(), "HEAD /en/ HTTP/1.1", "Host: " + host.formatted(rootServer.port())), 403, "HEAD " + host);
        assertRefused(request(rootServer.port(), "POST /en/ HTTP/1.1", "Host: " + host.formatted(rootServer.port())), 403, "POST " + host);
        assertRefused(get(baseServer.port(), "/elibrary/en/", host.formatted(baseServer.port())), 403, host + " with a base path");
    }

    @Test
    void itsOwnNameAtAnotherPortIsRefused() throws IOException {
        int other = rootServer.port() == 65_535 ? 1 : rootServer.port() + 1;
        assertRefused(get(rootServer.port(), "/en/", "localhost:" + other), 403, "localhost:" + other);
        assertRefused(get(rootServer.port(), "/en/", "127.0.0.1:" + other), 403, "127.0.0.1:" + other);
        assertRefused(get(rootServer.port(), "/en/", "[::1]:" + other), 403, "[::1]:" + other);
    }

    @Test
    void aRequestWithoutExactlyOneValidHostIsABadRequest() throws IOException {
        int port = rootServer.port();
        assertRefused(request(port, "GET /en/ HTTP/1.1"), 400, "no Host");
        assertRefused(request(port, "GET /en/ HTTP/1.0"), 400, "HTTP/1.0 without Host");
        assertRefused(request(port, "GET /en/ HTTP/1.1", "Host: localhost", "Host: evil.example"), 400, "two Hosts");
        assertRefused(request(port, "GET /en/ HTTP/1.1", "Host: localhost", "Host: localhost"), 400, "the same Host twice");
        for (String bad : new String[]{"", "local host", "user@localhost", "localhost/x", "::1", "[::1", "localhost:99999",
                "localhost:http", "[fe80::1%25eth0]"}) {
            assertRefused(get(port, "/en/", bad), 400, "Host '" + bad + "'");
        }
    }

    @Test
    void anAbsoluteRequestTargetMustNameTheServerToo() throws IOException {
        int port = rootServer.port();
        assertRefused(request(port, "GET http://evil.example/en/ HTTP/1.1", "Host: localhost:" + port), 403, "absolute target");
        Reply own = request(port, "GET http://localhost:" + port + "/en/ HTTP/1.1", "Host: localhost:" + port);
        assertEquals(200, own.status(), own.head());
        assertEquals("<h1>english</h1>", own.body());
    }

    @Test
    void everyAnswerTellsBrowsersNotToGuessItsType() throws Exception {
        for (String path : new String[]{"/en/", "/css/site.css", "/en", "/nothing/", "/%2e%2e/secret.txt"}) {
            HttpResponse<String> r = get(rootUri, path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path + " (" + r.statusCode() + ")");
        }
        for (Reply r : new Reply[]{get(rootServer.port(), "/en/", "evil.example"), request(rootServer.port(), "GET /en/ HTTP/1.1"),
                raw(rootServer.port(), "POST", "/en/")}) {
            assertTrue(r.head().toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"), r.head());
        }
    }

    @Test
    void theLiveReloadEndpointsAnswerOnlyTheirOwnHostToo() throws IOException {
        LiveState state = new LiveState();
        state.publish(false, List.of(new LiveState.Problem("content/drafts/plan.md:3", "DRAFT-PROBLEM-DETAIL", "fix it")));
        try (PreviewServer live = new PreviewServer(dir.resolve("public"), "/", InetAddress.getLoopbackAddress(), 0, state)) {
            live.start();
            int port = live.port();
            Reply own = get(port, "/__agora/state?since=-1", "localhost:" + port);
            assertEquals(200, own.status(), own.head());
            assertTrue(own.body().contains("DRAFT-PROBLEM-DETAIL"), own.body());
            assertEquals(200, get(port, "/__agora/live.js", "localhost:" + port).status());
            assertTrue(get(port, "/en/", "localhost:" + port).body().contains("__agora/live.js"), "pages load the script");

            for (String host : new String[]{"evil.example:" + port, "localhost:" + (port == 65_535 ? 1 : port + 1)}) {
                for (String target : new String[]{"/__agora/state?since=-1", "/__agora/state", "/__agora/live.js", "/en/"}) {
                    Reply r = get(port, target, host);
                    assertRefused(r, 403, host + target);
                    assertFalse(r.body().contains("DRAFT-PROBLEM-DETAIL") || r.body().contains("live.js") || r.body().contains("version"),
                            host + target + " leaked: " + r.body());
                }
            }
            assertRefused(request(port, "GET /__agora/state?since=-1 HTTP/1.1"), 400, "state without Host");
        }
    }

    @Test
    void namesTheEditorAllowsAreAnsweredAtTheirPort() throws IOException {
        try (PreviewServer server = new PreviewServer(dir.resolve("public"), "/", InetAddress.getLoopbackAddress(), 0, null,
                List.of("laptop.local", "Preview.Test:8080"))) {
            server.start();
            int port = server.port();
            for (String host : new String[]{"laptop.local:" + port, "laptop.local", "LAPTOP.local:" + port, "preview.test:8080",
                    "preview.test", "localhost:" + port}) {
                Reply r = get(port, "/en/", host);
                assertEquals(200, r.status(), host + ": " + r.head());
            }
            for (String host : new String[]{"laptop.local:" + (port == 65_535 ? 1 : port + 1), "preview.test:" + port,
                    "other.local:" + port}) {
                assertRefused(get(port, "/en/", host), 403, host);
            }
        }
        assertTrue(AllowedHosts.isValid("laptop.local:8080") && AllowedHosts.isValid("192.168.1.5"));
        assertFalse(AllowedHosts.isValid("laptop local") || AllowedHosts.isValid("http://laptop.local/") || AllowedHosts.isValid(""));
    }

    @Test
    void onEveryNetworkItAnswersThisMachinesAddressesAndOpensAsLocalhost() throws Exception {
        try (PreviewServer server = new PreviewServer(dir.resolve("public"), "/", InetAddress.getByName("0.0.0.0"), 0, null)) {
            URI url = server.start();
            int port = server.port();
            assertEquals("http://localhost:" + port + "/", url.toString(), "0.0.0.0 is no address to open");
            assertEquals(200, get(port, "/en/", "localhost:" + port).status());
            assertRefused(get(port, "/en/", "evil.example:" + port), 403, "a foreign name");
            assertRefused(get(port, "/en/", "192.0.2.7:" + port), 403, "an address of another machine");
            var own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> i.inetAddresses()).filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                    .findFirst();
            assumeTrue(own.isPresent(), "this machine has no network address besides loopback");
            Reply r = get(port, "/en/", own.get().getHostAddress() + ":" + port);
            assertEquals(200, r.status(), own.get() + ": " + r.head());
        }
    }

    @Test
    void anIpv6LoopbackServerAnswersAClientThatNamesIt() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        PreviewServer server;
        try {
            server = new PreviewServer(dir.resolve("public"), "/", v6, 0, null);
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (server) {
            URI url = server.start();
            assertEquals("http://[::1]:" + server.port() + "/", url.toString());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(url.resolve("/en/")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("<h1>english</h1>", r.body());
        }
    }
}
