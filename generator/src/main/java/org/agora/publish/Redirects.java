package org.agora.publish;

import org.agora.model.Alias;
import org.agora.model.SiteUrls;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Old URLs (front-matter aliases) kept alive: a small HTML page at each old path, which every static
 * host serves, and a _redirects file for hosts that read one (Netlify, Cloudflare Pages) to answer 301.
 */
public final class Redirects {

    private final SiteUrls urls;

    public Redirects(SiteUrls urls) { this.urls = urls; }

    public byte[] page(Alias alias) { return page(alias.target()); }

    /** A page that sends readers on to {@code to}: an alias, or Hugo's "/en/" when English is at the root. */
    public byte[] page(org.agora.model.Page to) { return page(to, to.path()); }

    /** A page that sends readers on to {@code path}, one of {@code to}'s paths (page 2 of a list). */
    public byte[] page(org.agora.model.Page to, String path) {
        String target = urls.href(path);
        String absolute = urls.absolute(path);
        String html = "<!DOCTYPE html>\n<html lang=\"" + attr(to.language()) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"Agora\">\n"
                + "<title>" + text(to.title()) + "</title>\n"
                + "<link rel=\"canonical\" href=\"" + attr(absolute) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + attr(target) + "\">\n</head>\n<body>\n"
                + "<p><a href=\"" + attr(target) + "\">" + text(to.title()) + "</a></p>\n</body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] redirectsFile(List<Alias> aliases) { return redirectsFile(aliases, java.util.Map.of()); }

    /** @param files other moves, from path to path (feeds, the later pages of moved lists) */
    public byte[] redirectsFile(List<Alias> aliases, java.util.Map<String, String> files) {
        StringBuilder out = new StringBuilder();
        for (Alias a : aliases) {
            out.append(urls.href(a.path())).append(' ').append(urls.href(a.target().path())).append(" 301\n");
        }
        files.forEach((from, to) -> out.append(urls.href(from)).append(' ').append(urls.href(to)).append(" 301\n"));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String s) { return text(s).replace("\"", "&quot;"); }
}
