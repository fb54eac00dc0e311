package org.agora.markdown;

import org.agora.diag.Diagnostics;
import org.agora.model.Page;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The "check links" stage: every link and image an editor wrote that points inside the site must reach a
 * file of the output, and a fragment must reach an id on the target page. Problems are warnings with
 * file and line, errors or warnings as the site chooses (brokenLinks); links to missing Markdown files were
 * reported when the Markdown was rendered. A missing anchor is always a warning: the page is there.
 */
public final class LinkChecker {

    private final Set<String> outputs;
    private final Map<String, Set<String>> idsByOutput;
    private final org.agora.config.BrokenLinks level;

    /**
     * @param outputs every file the build will write, relative to the output folder
     * @param idsByOutput the element ids of each rendered document, by output file
     */
    private final Map<String, String> redirects;

    public LinkChecker(Set<String> outputs, Map<String, Set<String>> idsByOutput, org.agora.config.BrokenLinks level) {
        this(outputs, idsByOutput, level, Map.of());
    }

    /** @param redirects the output file of each alias, and the output file of the page it sends readers to */
    public LinkChecker(Set<String> outputs, Map<String, Set<String>> idsByOutput, org.agora.config.BrokenLinks level,
                       Map<String, String> redirects) {
        this.outputs = outputs;
        this.idsByOutput = idsByOutput;
        this.level = level;
        this.redirects = redirects;
    }

    /** The output file of each alias and of the page it redirects to. */
    public static Map<String, String> redirectsOf(org.agora.model.Library library) {
        Map<String, String> out = new java.util.HashMap<>();
        library.aliases().forEach(a -> out.put(Page.outputPathOf(a.path()), a.target().outputPath()));
        return out;
    }

    public void check(Collection<LinkRef> links, Diagnostics diagnostics) {
        for (LinkRef link : links) {
            String target = existingOutput(link.sitePath());
            if (target == null) {
                BrokenLinkReport.report(link.image() ? "image.missing-target" : "link.missing-target", level, diagnostics,
                        link.position(), (link.image() ? "image '" : "link '") + link.written()
                                + "' points to " + link.sitePath() + ", which the site does not have", hintFor(link));
                continue;
            }
            String fragment = link.fragment();
            String redirected = redirects.get(target);
            if (redirected != null && fragment != null && !fragment.isEmpty()) {
                // A redirect page drops the anchor: the reader lands at the top of the page it leads to.
                diagnostics.warning("link.missing-anchor", link.position(), "link '" + link.written() + "' points to #"
                                + fragment + ", which the redirect of the old address " + link.sitePath() + " loses",
                        "link to the page's own address, /" + redirected.replaceFirst("index\\.html$", "") + "#" + fragment);
                continue;
            }
            if (fragment != null && !fragment.isEmpty()) {
                Set<String> ids = idsByOutput.get(target);
                if (ids != null && !ids.contains(fragment)) {
                    diagnostics.warning("link.missing-anchor", link.position(), "link '" + link.written() + "' points to #" + fragment
                            + ", which is not a heading or anchor of " + link.sitePath(),
                            "heading ids are the heading text in lower case with hyphens; check the target's headings");
                }
            }
        }
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^/@\\s]+@[^/@\\s]+\\.[a-zA-Z]{2,}$");
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile("^(www\\.)?[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*\\.[a-zA-Z]{2,}(/.*)?$");

    /** Editors often drop the scheme of an outside address: say so rather than blame the site. */
    static String hintFor(LinkRef link) {
        String written = link.written().strip();
        if (EMAIL.matcher(written).matches()) return "for an e-mail address write  mailto:" + written;
        if (!link.image() && DOMAIN.matcher(written).matches() && !written.endsWith(".html") && !written.endsWith(".md")) {
            return "for another website write the whole address:  https://" + written;
        }
        return link.image() ? "add the image to content/ beside the Markdown file or to static/"
                : "check the address, or link to the Markdown file (page.md) so it is checked and translated";
    }

    private String existingOutput(String sitePath) {
        String asFile = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (outputs.contains(asFile)) return asFile;
        String asPage = Page.outputPathOf(sitePath.endsWith("/") ? sitePath : sitePath + "/");
        if (outputs.contains(asPage)) return asPage;
        // With uglyURLs, "/guides/animer" is the file guides/animer.html.
        String ugly = asFile.endsWith("/") ? asFile.substring(0, Math.max(0, asFile.length() - 1)) + ".html" : asFile + ".html";
        return outputs.contains(ugly) ? ugly : null;
    }
}
