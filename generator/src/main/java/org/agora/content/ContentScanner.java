package org.agora.content;

import org.agora.config.Security;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.files.SiteFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the site's files and gives each Markdown file its language: from a top folder named after a
 * site language ({@code content/fr/...}) or from a suffix ({@code page.fr.md}); a file with neither
 * belongs to the default language. Only files really inside the site folder are found ({@link SiteFolder}), and
 * files a browser would run on the site's origin (HTML, SVG, JavaScript...) only when the site allows them.
 */
public final class ContentScanner {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    public ContentSet scan(SiteConfig config, Diagnostics diagnostics) {
        Path content = config.contentDir();
        List<SourceFile> markdown = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        if (!Files.isDirectory(content)) {
            diagnostics.error(SourcePosition.of(content), "the site has no content/ folder",
                    "create content/ and put Markdown files in it");
            return new ContentSet(markdown, statics);
        }
        SiteFolder site = SiteFolder.of(config.siteDir());
        int maxFiles = config.limits().filesInt();
        List<Path> files = site.files(content, maxFiles, diagnostics);
        Set<String> otherLanguages = otherLanguageFolders(config, content, files, diagnostics);
        for (Path file : files) {
            String rel = content.relativize(file).toString().replace('\\', '/');
            int slash = rel.indexOf('/');
            if (slash > 0 && otherLanguages.contains(rel.substring(0, slash))) continue;
            if (markdownExtension(rel) > 0) {
                classify(config, file, rel, diagnostics).ifPresent(markdown::add);
            } else if (publishable(config, file, diagnostics)) {
                statics.add(new StaticFile(file, rel, outputPathOf(config, rel)));
            }
        }
        Path staticDir = config.siteDir().resolve("static");
        for (Path file : site.files(staticDir, maxFiles, diagnostics)) {
            if (publishable(config, file, diagnostics)) {
                statics.add(new StaticFile(file, staticDir.relativize(file).toString().replace('\\', '/')));
            }
        }
        // Only data/taxonomies.yml is read from data/, but a link out of the site there is as wrong as anywhere.
        site.files(config.siteDir().resolve("data"), maxFiles, diagnostics);
        statics.sort(Comparator.comparing(StaticFile::relPath));
        return new ContentSet(markdown, statics);
    }

    private java.util.Optional<SourceFile> classify(SiteConfig config, Path file, String rel, Diagnostics diagnostics) {
        String language = null;
        String rest = rel;
        SourceFile.Layout layout = SourceFile.Layout.DEFAULT;
        int slash = rel.indexOf('/');
        if (slash > 0 && config.hasLanguage(rel.substring(0, slash))) {
            language = rel.substring(0, slash);
            rest = rel.substring(slash + 1);
            layout = SourceFile.Layout.FOLDER;
        }
        String withoutExt = rest.substring(0, rest.length() - markdownExtension(rest));
        int lastSlash = withoutExt.lastIndexOf('/');
        String name = withoutExt.substring(lastSlash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String suffix = name.substring(dot + 1);
            boolean configured = config.hasLanguage(suffix);
            if (configured || looksLikeLanguage(suffix)) {
                SourcePosition at = SourcePosition.of(file, 1);
                if (!configured) {
                    // A Hugo site often has more languages than it publishes here (disabled, or not copied): the
                    // file is left out, as Hugo leaves out a language it does not build, and the editor is told.
                    diagnostics.warning("content.unknown-language", at, "'" + suffix + "' in the file name is not a language of"
                                    + " this site: the file is not published",
                            "rename the file to one of " + String.join(", ", config.languageCodes().stream()
                                    .map(l -> name.substring(0, dot) + "." + l + ".md").toList())
                                    + ", or add '" + suffix + "' under languages: in site-config.yml");
                    return java.util.Optional.empty();
                }
                if (language != null && !language.equals(suffix)) {
                    diagnostics.error(at, "the file is in the '" + language + "' folder but its name says '" + suffix + "'",
                            "remove the ." + suffix + " suffix or move the file to content/" + suffix + "/");
                    return java.util.Optional.empty();
                }
                language = suffix;
                if (layout == SourceFile.Layout.DEFAULT) layout = SourceFile.Layout.SUFFIX;
                withoutExt = withoutExt.substring(0, withoutExt.length() - suffix.length() - 1);
            }
        }
        if (language == null) language = config.defaultLanguage();
        return java.util.Optional.of(new SourceFile(file, rel, language, withoutExt, layout));
    }

    /** "en/gallery/map.png" is published as "gallery/map.png" when English is served at the root, as Hugo does. */
    private static String outputPathOf(SiteConfig config, String rel) {
        int slash = rel.indexOf('/');
        if (slash <= 0 || !config.hasLanguage(rel.substring(0, slash))) return rel;
        String language = rel.substring(0, slash);
        return config.languageRoot(language).equals("/") ? rel.substring(slash + 1) : rel;
    }

    /**
     * Top folders named like a language the site does not have ("de"), in a site that keeps its languages in
     * folders (content/en/, content/fr/): Hugo builds only the languages it is given a folder for, so these are
     * another language's pages, left out with one warning per folder, not sections of the default language.
     */
    private static Set<String> otherLanguageFolders(SiteConfig config, Path content, List<Path> files, Diagnostics diagnostics) {
        java.util.Map<String, Path> tops = new java.util.TreeMap<>();   // each top folder and its first file
        for (Path file : files) {
            String rel = content.relativize(file).toString().replace('\\', '/');
            int slash = rel.indexOf('/');
            if (slash > 0) tops.putIfAbsent(rel.substring(0, slash), file);
        }
        if (tops.keySet().stream().noneMatch(config::hasLanguage)) return Set.of();
        Set<String> others = new java.util.TreeSet<>();
        for (String top : tops.keySet()) {
            if (!config.hasLanguage(top) && looksLikeLanguage(top)) {
                others.add(top);
                diagnostics.warning("content.unknown-language", SourcePosition.of(tops.get(top), 1), "content/" + top
                                + "/ is named like a language this site does not have: its files are not published",
                        "add '" + top + "' under languages: in site-config.yml to publish it, or remove the folder");
            }
        }
        return others;
    }

    /** The length of a Markdown file's extension, as Hugo recognises them (.md, .markdown, .mdown), or 0. */
    static int markdownExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".md", ".markdown", ".mdown")) if (lower.endsWith(ext)) return ext.length();
        return 0;
    }

    /** A two-letter ISO 639 code: "page.de.md" is a language suffix, "v1.2.md" or "notes.draft.md" are not. */
    private static boolean looksLikeLanguage(String suffix) {
        return suffix.length() == 2 && ISO_LANGUAGES.contains(suffix);
    }

    /**
     * A file copied as it is is served from the site's own origin: an HTML, SVG, XML or JavaScript file there
     * runs script with the site's cookies and storage when a reader opens it. Untrusted editors may not
     * publish one; a site names the ones its developers wrote under security.activeFiles.
     */
    private static boolean publishable(SiteConfig config, Path file, Diagnostics diagnostics) {
        if (!Security.active(file.getFileName().toString())) return true;
        Path rel = config.siteDir().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        if (config.security().publishes(rel)) return true;
        diagnostics.error(CODE_ACTIVE, SourcePosition.of(file), "'" + rel.toString().replace('\\', '/')
                        + "' would be published as part of the site, where a browser runs the script it may hold",
                "publish a PDF or PNG instead; if your developers wrote this file, allow it in site-config.yml with"
                        + "  security: { activeFiles: [" + rel.toString().replace('\\', '/') + "] }");
        return false;
    }

    static final String CODE_ACTIVE = "file.active-content";

}
