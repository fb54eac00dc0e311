package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.model.Library;
import org.agora.model.Page;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages at the top of the output that no document gives, decided once for the plan and the writer alike:
 * the language choice at the root (only when no language lives there), each language's 404 page (and the one
 * at the root, where hosts look for it), and, as Hugo writes it, a redirect from "/en/" to the root when the
 * default language is served there.
 */
record RootPages(boolean languageChoice, Map<String, String> notFoundByOutput, Optional<Redirect> defaultLanguageRedirect) {

    /** @param output the file, "en/index.html"; @param to the home it sends readers to */
    record Redirect(String output, Page to) {}

    static RootPages of(Library library) {
        SiteConfig config = library.config();
        boolean rootTaken = library.byPath().containsKey("/");
        boolean choice = !config.urls().multihost() && !rootTaken;
        Map<String, String> notFound = new LinkedHashMap<>();
        for (LanguageConfig l : config.languages()) {
            notFound.put(Page.outputPathOf(config.languageRoot(l.code()) + "404.html"), l.code());
        }
        notFound.putIfAbsent("404.html", config.defaultLanguage());
        Optional<Redirect> redirect = Optional.empty();
        String subdir = config.defaultLanguage() + "/index.html";
        Page home = library.byPath().get("/");
        if (config.defaultLanguageAtRoot() && home != null && home.language().equals(config.defaultLanguage())
                && library.pages().stream().noneMatch(p -> p.outputPath().equals(subdir))) {
            redirect = Optional.of(new Redirect(subdir, home));
        }
        return new RootPages(choice, Map.copyOf(notFound), redirect);
    }
}
