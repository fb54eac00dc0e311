package org.agora.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.agora.content.SitePath;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Serves a built site on the loopback interface (unless told otherwise), under the site's base path, as a
 * static host would: folders answer with their index.html, misses with the site's 404 page. A request can
 * never reach a file outside the output folder, and only requests addressed to the preview's own names
 * are answered ({@link AllowedHosts}). With a {@link LiveState}, pages reload themselves after each build
 * and show its errors.
 */
public final class PreviewServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("ics", "text/calendar; charset=utf-8"), Map.entry("woff2", "font/woff2"),
            // A citable document's files, with the types reference managers register for them.
            Map.entry("ris", "application/x-research-info-systems; charset=utf-8"), Map.entry("bib", "application/x-bibtex; charset=utf-8"));

    /** Where the preview's own files live, below the base path; no site file can be there (not a slug). */
    static final String LIVE = "__agora/";
    private static final String LIVE_SCRIPT = "<script src=\"%s" + LIVE + "live.js\" defer></script>";
    private static final long POLL_MILLIS = 25_000;

    private final Path root;
    private final String basePath;
    private final HttpServer server;
    private final LiveState live;
    private final AllowedHosts hosts;

    public PreviewServer(Path root, String basePath, int port) throws IOException {
        this(root, basePath, InetAddress.getLoopbackAddress(), port, null);
    }

    public PreviewServer(Path root, String basePath, InetAddress address, int port, LiveState live) throws IOException {
        this(root, basePath, address, port, live, List.of());
    }

    /**
     * @param address where to listen: loopback unless the editor asks otherwise
     * @param live the state of the builds, for pages that reload themselves; null to serve files only
     * @param allowHosts names besides its addresses and localhost that the preview answers to, each
     *                   {@code NAME} or {@code NAME:PORT} (see {@link AllowedHosts#isValid})
     */
    public PreviewServer(Path root, String basePath, InetAddress address, int port, LiveState live,
                         List<String> allowHosts) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
        this.live = live;
        this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
        this.hosts = new AllowedHosts(address, server.getAddress().getPort(), allowHosts);
        server.createContext("/", this::handle);
        // Virtual threads: every open page keeps one request waiting for the next build.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Starts answering; returns the address to open on this machine. */
    public URI start() {
        server.start();
        InetAddress address = server.getAddress().getAddress();
        // Listening on every network, the preview is still this machine's: 0.0.0.0 is no address to open.
        // "localhost" may name 127.0.0.1 only, so a server on IPv6 gives its address.
        String host = address.isAnyLocalAddress() ? "localhost"
                : address instanceof Inet6Address ? address.isLoopbackAddress() ? "[::1]"
                        : "[" + address.getHostAddress().replaceFirst("%.*", "") + "]"
                : address.isLoopbackAddress() ? "localhost" : address.getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + basePath);
    }

    /** The preview's own answers: the reload script and the state of the builds (a long poll). */
    private boolean handleLive(HttpExchange ex, String raw) throws IOException {
        if (live == null || !raw.startsWith(basePath + LIVE)) return false;
        String name = raw.substring((basePath + LIVE).length());
        if (name.equals("live.js")) {
            try (var in = PreviewServer.class.getResourceAsStream("/agora/serve/live.js")) {
                send(ex, 200, "text/javascript; charset=utf-8", in.readAllBytes());
            }
        } else if (name.equals("state")) {
            long seen = -1;
            String query = ex.getRequestURI().getRawQuery();
            if (query != null && query.startsWith("since=")) {
                try {
                    seen = Long.parseLong(query.substring("since=".length()));
                } catch (NumberFormatException ignored) {
                    // answered with the current state
                }
            }
            LiveState.Snapshot state;
            try {
                state = live.after(seen, POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            send(ex, 200, "application/json", JSON.writeValueAsBytes(state));
        } else {
            send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** HTML pages get the reload script before their end, so that they follow the builds. */
    private byte[] withLiveScript(byte[] html) {
        if (live == null) return html;
        String page = new String(html, StandardCharsets.UTF_8);
        String script = LIVE_SCRIPT.formatted(basePath);
        int end = page.lastIndexOf("</body>");
        page = end < 0 ? page + script : page.substring(0, end) + script + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (refusedForItsHost(ex)) return;
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (handleLive(ex, raw)) return;
            if (raw.equals("/") && !basePath.equals("/")) {
                ex.getResponseHeaders().set("Location", basePath);
                send(ex, 302, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            Optional<Path> file = resolve(raw);
            if (file.isEmpty()) {
                send(ex, 403, "text/plain; charset=utf-8", "forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path f = file.get();
            if (Files.isDirectory(f)) {
                if (!raw.endsWith("/")) {
                    ex.getResponseHeaders().set("Location", raw + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                f = f.resolve("index.html");
            }
            if (!Files.isRegularFile(f)) {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                        : "not found".getBytes(StandardCharsets.UTF_8);
                send(ex, 404, "text/html; charset=utf-8", withLiveScript(body));
                return;
            }
            byte[] body = Files.readAllBytes(f);
            if (typeOf(f).startsWith("text/html")) {
                send(ex, 200, typeOf(f), withLiveScript(body));
                return;
            }
            // The search runtime reads its pack files by byte range, as it does on a real host.
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            ByteRange range = ByteRange.parse(ex.getRequestHeaders().getFirst("Range"), body.length);
            if (range == null) {
                send(ex, 200, typeOf(f), body);
            } else if (range.unsatisfiable()) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                send(ex, 416, "text/plain; charset=utf-8", new byte[0]);
            } else {
                ex.getResponseHeaders().set("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + body.length);
                send(ex, 206, typeOf(f), java.util.Arrays.copyOfRange(body, (int) range.first(), (int) range.last() + 1));
            }
        }
    }

    /**
     * Refuses, before anything else and with no content of the site, a request that is not addressed to
     * the preview: 400 without exactly one valid Host header (RFC 9112, section 3.2, requires this answer),
     * 403 for a foreign name. 421 (Misdirected Request) would fit a foreign name too, but it asks the client
     * to try again on another connection, which only repeats the refusal; a 403 is final, and a browser
     * shows its explanation as it is.
     */
    private boolean refusedForItsHost(HttpExchange ex) throws IOException {
        URI target = ex.getRequestURI();
        String targetAuthority = target.getScheme() == null ? null : target.getRawAuthority();
        switch (hosts.check(ex.getRequestHeaders().get("Host"), targetAuthority)) {
            case OWN -> {
                return false;
            }
            case MALFORMED -> send(ex, 400, "text/plain; charset=utf-8", ("Bad request: an HTTP/1.1 request needs one"
                    + " Host header naming this server.\n").getBytes(StandardCharsets.UTF_8));
            case FOREIGN -> send(ex, 403, "text/plain; charset=utf-8", ("Forbidden: this Agora preview answers only at"
                    + " its own address, such as http://localhost:" + port() + "/, and this request names another"
                    + " host.\nTo open the preview under another name, start it with  agora serve --allow-host NAME\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** The file a request path names, or empty when the path is outside the base path or the output. */
    Optional<Path> resolve(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<String> normalized = SitePath.normalize(decoded);
        if (normalized.isEmpty() || !(normalized.get() + (normalized.get().endsWith("/") ? "" : "/")).startsWith(basePath)) {
            return Optional.empty();
        }
        String rel = normalized.get().length() <= basePath.length() ? "" : normalized.get().substring(basePath.length());
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root)) return Optional.empty();
        try {
            // A symbolic link inside the output must not lead out of it either.
            if (Files.exists(file) && !file.toRealPath().startsWith(root.toRealPath())) return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static String typeOf(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        // Browsers must take each file for its declared type: a text or JSON file is never run as a script.
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    public int port() { return server.getAddress().getPort(); }

    InetSocketAddress address() { return server.getAddress(); }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
