package org.agora.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows every link of a served site over HTTP, as a crawler or a reader would: href, src, srcset, form
 * actions and refresh redirects of HTML pages, the URLs of Open Graph and JSON-LD, url(...) and @import in
 * CSS, module imports in JavaScript, every URL of sitemaps and Atom feeds, the Sitemap line of robots.txt and
 * both sides of _redirects. Absolute URLs of the published host are mapped to the local server, path
 * unchanged, so an absolute URL that forgets the sub-path fails too. Fragments must name an element of
 * their page. External hosts are not visited.
 */
public final class LinkCrawler {

    /**
     * A link that did not answer 200, or whose fragment names no element of the page.
     * @param url the URL asked (local), with the fragment when the fragment is the problem
     * @param from the page where the link was first found
     * @param written the link as that page wrote it
     */
    public record Failure(String url, String problem, String from, String written) {
        /** The path below the served prefix, decoded, starting with '/': the site path of the target. */
        public String sitePath(URI server) {
            String path;
            try {
                path = new URI(url.split("#")[0]).getRawPath();
            } catch (URISyntaxException e) {
                return url;
            }
            if (path == null) return url;
            String prefix = server.getRawPath();
            String rel = path.startsWith(prefix) ? path.substring(prefix.length() - 1) : path;
            return URLDecoder.decode(rel.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }

    /** @param fetched every URL that answered, without fragments */
    public record Result(Set<String> fetched, List<Failure> failures) {
        /**
         * The files of a served output folder that the crawl never fetched, relative to the folder, except
         * those {@code skip} accepts: a file no link reaches is a gap in the crawl's proof.
         */
        public List<String> unfetched(Path out, URI server, java.util.function.Predicate<String> skip) {
            try (var walk = java.nio.file.Files.walk(out)) {
                return walk.filter(java.nio.file.Files::isRegularFile)
                        .map(p -> out.relativize(p).toString().replace('\\', '/'))
                        .filter(rel -> !skip.test(rel))
                        .filter(rel -> {
                            String url = server.resolve(org.agora.model.SiteUrls.encodePath(rel)).toString();
                            return !fetched.contains(url) && !(rel.endsWith("index.html")
                                    && fetched.contains(url.substring(0, url.length() - "index.html".length())));
                        })
                        .sorted().toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)|@import\\s+(['\"])([^'\"]+)\\3");
    private static final Pattern JS_MODULE = Pattern.compile("['\"](\\.{1,2}/[^'\"\\s]+\\.m?js)['\"]");
    private static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#\\s]*)");
    private static final Pattern REFRESH = Pattern.compile("(?i)^\\s*\\d+\\s*;\\s*url\\s*=\\s*(.+)$");

    private final URI server;
    private final URI published;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    private final Deque<String> queue = new ArrayDeque<>();
    /** URL → the link that first led there. */
    private final Map<String, Link> seen = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByPage = new HashMap<>();
    private final Map<String, Link> fragments = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Set<String> fetched = new TreeSet<>();
    private final Set<String> libraryEntries = new HashSet<>();

    private record Link(String from, String written) {}

    /**
     * @param server the served root, such as http://127.0.0.1:PORT/kb/
     * @param published the site's baseURL, such as https://example.org/kb/
     */
    public LinkCrawler(URI server, URI published) {
        this.server = server;
        this.published = published;
    }

    /** Crawls from these paths below the served root ("" for the root page, "robots.txt"...). */
    public Result crawl(List<String> startPaths) {
        for (String p : startPaths) enqueue(server.resolve(p).toString(), new Link("(start)", p));
        while (!queue.isEmpty()) fetch(queue.poll());
        fragments.forEach((url, link) -> {
            int hash = url.indexOf('#');
            Set<String> ids = idsByPage.get(url.substring(0, hash));
            String id = URLDecoder.decode(url.substring(hash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (ids != null && !ids.contains(id)) failures.add(new Failure(url, "no element with id '" + id + "'", link.from(), link.written()));
        });
        return new Result(Set.copyOf(fetched), List.copyOf(failures));
    }

    private void fetch(String url) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            failures.add(new Failure(url, "no answer: " + e.getMessage(), seen.get(url).from(), seen.get(url).written()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (response.statusCode() != 200) {
            failures.add(new Failure(url, "HTTP " + response.statusCode(), seen.get(url).from(), seen.get(url).written()));
            return;
        }
        fetched.add(url);
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        URI here = URI.create(url);
        if (type.startsWith("text/html")) {
            html(here, new String(body, StandardCharsets.UTF_8));
        } else if (type.startsWith("text/css")) {
            css(here, new String(body, StandardCharsets.UTF_8));
        } else if (type.startsWith("text/javascript")) {
            Matcher m = JS_MODULE.matcher(new String(body, StandardCharsets.UTF_8));
            while (m.find()) follow(here, m.group(1));
        } else if (type.startsWith("application/xml") || type.startsWith("application/atom+xml")) {
            xml(here, body);
        } else if (libraryEntries.contains(url)) {
            libraryEntry(here, body);
        } else if (url.endsWith("/robots.txt")) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                if (line.regionMatches(true, 0, "Sitemap:", 0, 8)) follow(here, line.substring(8).strip());
            }
        } else if (url.endsWith("/_redirects")) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length >= 2) {
                    // The old address is served by its redirect page, a folder's index.html where it has no
                    // extension: hosts that ignore _redirects serve /old as /old/, which this server does not.
                    String from = parts[0];
                    String last = from.substring(from.lastIndexOf('/') + 1);
                    follow(here, from.endsWith("/") || last.contains(".") ? from : from + "/");
                    follow(here, parts[1]);
                }
            }
        }
    }

    private void html(URI here, String text) {
        Document doc = Jsoup.parse(text, here.toString());
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        idsByPage.put(here.toString(), ids);
        for (Element e : doc.select("[href], [src], [poster], form[action], object[data]")) {
            for (String attr : List.of("href", "src", "poster", "action", "data")) {
                if (e.hasAttr(attr) && !(attr.equals("data") && !e.tagName().equals("object"))) follow(here, e.attr(attr));
            }
        }
        for (Element e : doc.select("[srcset]")) {
            for (String candidate : e.attr("srcset").split(",")) {
                String u = candidate.strip().split("\\s+")[0];
                if (!u.isEmpty()) follow(here, u);
            }
        }
        // The theme's scripts fetch what these name: the library's entry file, and what it names in turn.
        for (Element e : doc.select("[data-library]")) {
            String entry = follow(here, e.attr("data-library"));
            if (entry != null) libraryEntries.add(entry);
        }
        for (Element meta : doc.select("meta[http-equiv=refresh]")) {
            Matcher m = REFRESH.matcher(meta.attr("content"));
            if (m.matches()) follow(here, m.group(1).strip());
        }
        for (Element meta : doc.select("meta[property=og:url], meta[property=og:image]")) follow(here, meta.attr("content"));
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                jsonUrls(here, json.readTree(script.data()));
            } catch (IOException e) {
                failures.add(new Failure(here.toString(), "invalid JSON-LD: " + e.getMessage(), here.toString(), script.data()));
            }
        }
        for (Element style : doc.select("style")) css(here, style.data());
        for (Element styled : doc.select("[style]")) css(here, styled.attr("style"));
    }

    private void jsonUrls(URI here, JsonNode node) {
        if (node.isTextual()) {
            String s = node.asText();
            if (s.startsWith("http://") || s.startsWith("https://")) {
                URI u = URI.create(s);
                if (published.getHost() != null && published.getHost().equals(u.getHost())) follow(here, s);
            }
        }
        node.forEach(child -> jsonUrls(here, child));
    }

    private void css(URI here, String text) {
        Matcher m = CSS_URL.matcher(text);
        while (m.find()) follow(here, m.group(2) != null ? m.group(2).strip() : m.group(4));
    }

    private void xml(URI here, byte[] body) {
        org.w3c.dom.Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            failures.add(new Failure(here.toString(), "not well-formed XML: " + e.getMessage(), seen.get(here.toString()).from(), ""));
            return;
        }
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (e.hasAttribute("href")) follow(here, e.getAttribute("href"));
            String name = e.getLocalName();
            if (name.equals("loc") || name.equals("uri") || name.equals("id")) follow(here, e.getTextContent().strip());
        }
    }

    /** The files a library's entry names (docs/library-format.md), which its page's script fetches. */
    private void libraryEntry(URI here, byte[] body) {
        JsonNode entry;
        try {
            entry = json.readTree(body);
        } catch (IOException e) {
            failures.add(new Failure(here.toString(), "invalid JSON: " + e.getMessage(), seen.get(here.toString()).from(), here.toString()));
            return;
        }
        follow(here, entry.path("filters").asText());
        entry.path("pages").forEach(hash -> follow(here, "data/items." + hash.asText() + ".json"));
    }

    /**
     * Resolves a link found on {@code here} and queues it when it belongs to the site.
     * @return the URL queued, or null when the link is not the site's
     */
    private String follow(URI here, String written) {
        String raw = written.strip();
        if (raw.isEmpty() || raw.matches("(?i)^(mailto|tel|javascript|data|ftp):.*")) return null;
        URI target;
        try {
            target = here.resolve(new URI(raw.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            Matcher host = ABSOLUTE.matcher(raw);
            boolean ours = !host.find() || host.group(1).equalsIgnoreCase(published.getHost())
                    || host.group(1).equals(server.getRawAuthority());
            if (ours) failures.add(new Failure(raw, "not a valid URL", here.toString(), written));
            return null;   // a malformed link to another site is that site's business
        }
        if (target.getScheme() == null || !target.getScheme().startsWith("http")) return null;
        String local;
        if (published.getHost() != null && published.getHost().equalsIgnoreCase(target.getHost())) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            local = server.resolve("/").toString() + path.substring(1)
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        } else if (server.getHost().equals(target.getHost()) && server.getPort() == target.getPort()) {
            local = target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        } else {
            return null;   // another site
        }
        Link link = new Link(here.toString(), written);
        if (target.getRawFragment() != null && !target.getRawFragment().isEmpty()) {
            fragments.putIfAbsent(local + "#" + target.getRawFragment(), link);
        }
        enqueue(local, link);
        return local;
    }

    private void enqueue(String url, Link link) {
        if (seen.putIfAbsent(url, link) == null) queue.add(url);
    }
}
