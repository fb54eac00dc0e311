package org.agora.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A built site served over real HTTP like a plain static host, under one path only (say /kb/): nothing
 * answers outside it, so a link that forgets the sub-path fails as it would on the real host. Stricter than
 * most hosts on purpose: a folder is served only when asked with its trailing slash (no redirect).
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("ics", "text/calendar; charset=utf-8"), Map.entry("gz", "application/gzip"));

    private final HttpServer server;
    private final String prefix;

    private StaticServer(HttpServer server, String prefix) {
        this.server = server;
        this.prefix = prefix;
    }

    /** Serves {@code root} at http://127.0.0.1:PORT{@code prefix} ({@code prefix} starts and ends with '/'). */
    public static StaticServer serve(Path root, String prefix) { return serve(root, prefix, path -> Map.of()); }

    /** The same, with response headers per request path below the prefix ("/en/x/"), as a host's rules give them. */
    public static StaticServer serve(Path root, String prefix, java.util.function.Function<String, Map<String, String>> headers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Path base = root.toAbsolutePath().normalize();
            server.createContext(prefix, exchange -> {
                try (exchange) {
                    String below = "/" + exchange.getRequestURI().getRawPath().substring(Math.min(prefix.length(),
                            exchange.getRequestURI().getRawPath().length()));
                    headers.apply(below).forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    handle(exchange, base, prefix);
                }
            });
            server.start();
            return new StaticServer(server, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The served root: http://127.0.0.1:PORT/kb/ */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    private static void handle(HttpExchange exchange, Path root, String prefix) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        boolean methodOk = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
        Path file = null;
        if (methodOk && rawPath.startsWith(prefix)) {
            String rel = URLDecoder.decode(rawPath.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            Path candidate = root.resolve(rel).normalize();
            if (candidate.startsWith(root)) {
                if (Files.isDirectory(candidate) && (rel.isEmpty() || rel.endsWith("/"))) candidate = candidate.resolve("index.html");
                if (Files.isRegularFile(candidate)) file = candidate;
            }
        }
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = name.equals("feed.xml") ? "application/atom+xml" : TYPES.getOrDefault(ext, "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Type", type);
        byte[] body = Files.readAllBytes(file);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() { server.stop(0); }
}
