package org.agora.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.agora.content.SitePath;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Serves a built site on the loopback interface only, under the site's base path, as a static host
 * would: folders answer with their index.html, misses with the site's 404 page. A request can never
 * reach a file outside the output folder.
 */
public final class PreviewServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("ics", "text/calendar; charset=utf-8"), Map.entry("woff2", "font/woff2"));

    private final Path root;
    private final String basePath;
    private final HttpServer server;

    public PreviewServer(Path root, String basePath, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    public URI start() {
        server.start();
        return URI.create("http://localhost:" + server.getAddress().getPort() + basePath);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
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
                send(ex, 404, "text/html; charset=utf-8", body);
                return;
            }
            send(ex, 200, typeOf(f), Files.readAllBytes(f));
        }
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
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
