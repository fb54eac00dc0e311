package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.content.FrontMatter;
import org.agora.content.StaticFile;
import org.agora.files.Digest;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.render.Assets;
import org.agora.render.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Digests of what rendering depends on, for the build cache's keys: what every template sees (the theme's
 * inputs), what a document's Markdown resolves against (every page's place), and what shortcodes may show
 * (other pages' cards, the document's own front matter). Each key names exactly the inputs of its result, so
 * that an edit renders again what it can change and nothing else, and a matching key is a correct reuse.
 */
final class RenderInputs {

    private RenderInputs() {}

    /**
     * What every page's template sees besides its context: Agora's code, the configuration and data, the
     * theme's templates and UI strings (the site's own included) and the assets' fingerprints.
     */
    static String theme(SiteConfig config, Theme theme, Assets assets) {
        Digest d = Digest.start().add("theme-inputs-1").add(CodeVersion.current());
        Path site = config.siteDir().toAbsolutePath().normalize();
        addFiles(d, site, List.of(site.resolve("site-config.yml")));
        for (String folder : List.of("data", "layouts", "i18n")) addTree(d, site, site.resolve(folder));
        addTree(d, theme.root(), theme.root());
        new TreeMap<>(assets.urls()).forEach((name, url) -> d.add(name).add(url));
        return d.hex();
    }

    /**
     * What a document's rendered Markdown depends on besides its body and shortcodes: the theme's inputs and
     * every page's place, which links, refs and fallback markers resolve against (path, language, translation
     * group, source file; the files beside the content; the drafts left out). Titles, dates and summaries are
     * not places: a link renders the same whatever its target's title.
     */
    static String markdown(SiteConfig config, String themeInputs, Library library) {
        Digest d = Digest.start().add("markdown-inputs-1").add(themeInputs);
        // Problems are kept with their file names: another place of the same site is another set of names.
        d.add(config.siteDir().toAbsolutePath().normalize().toString());
        for (Page p : library.pages()) {
            d.add(p.kind().name()).add(p.language()).add(p.groupKey()).add(p.path()).add(p.taxonomy()).add(p.term())
                    .add(p.document() == null ? null : p.document().source().relPath());
        }
        addValue(d, new TreeMap<>(library.sourceGroups()));
        addValue(d, new TreeMap<>(library.pathKeyGroups()));
        addValue(d, new java.util.TreeSet<>(library.unpublished()));
        for (StaticFile f : library.staticFiles()) d.add(f.relPath()).add(f.outputPath());
        return d.hex();
    }

    /**
     * What a shortcode may show of other pages (a link card: title, summary, type): part of the key of the
     * documents that call shortcodes only, so that a new title renders those again and no other.
     */
    static String cards(Library library) {
        Digest d = Digest.start().add("cards-1");
        for (Page p : library.pages()) d.add(p.path()).add(p.title()).add(p.summary()).add(p.type());
        return d.hex();
    }

    /** A document's own front matter, which its shortcodes may show ({{< param >}}, a theme's shortcode). */
    static String frontMatter(FrontMatter f) {
        Digest d = Digest.start().add("front-matter-1");
        addFrontMatter(d, f);
        return d.hex();
    }

    private static void addFrontMatter(Digest d, FrontMatter f) {
        d.add(f.title()).add(String.valueOf(f.date())).add(String.valueOf(f.lastmod())).add(f.draft()).add(f.slug())
                .add(f.url()).add(String.valueOf(f.weight())).add(f.summary()).add(f.type()).add(f.translationKey())
                .add(String.valueOf(f.event()));
        addValue(d, f.aliases());
        addValue(d, f.taxonomyTerms());
        addValue(d, f.attachments().stream().map(String::valueOf).toList());
        addValue(d, f.params());
        addValue(d, f.fieldLines());
    }

    /** Maps in key order: front matter maps are copied with Map.copyOf, whose order changes from run to run. */
    private static void addValue(Digest d, Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            d.add("{").add(sorted.size());
            sorted.forEach((k, v) -> {
                d.add(k);
                addValue(d, v);
            });
        } else if (value instanceof Collection<?> list) {
            d.add("[").add(list.size());
            list.forEach(v -> addValue(d, v));
        } else {
            d.add(value == null ? null : value.getClass().getSimpleName() + ":" + value);
        }
    }

    private static void addFiles(Digest d, Path base, List<Path> files) {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) continue;
            try {
                d.add(base.relativize(f).toString()).add(Files.readAllBytes(f));
            } catch (IOException | RuntimeException e) {
                // Unreadable now: a key no earlier build can have, so nothing is reused.
                d.add("unreadable " + f + " " + System.nanoTime());
            }
        }
    }

    private static void addTree(Digest d, Path base, Path folder) {
        if (!Files.isDirectory(folder)) return;
        d.add("tree " + base.relativize(folder));
        try (Stream<Path> walk = Files.walk(folder)) {
            addFiles(d, base, walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList());
        } catch (IOException | RuntimeException e) {
            d.add("unreadable " + folder + " " + System.nanoTime());
        }
    }
}
