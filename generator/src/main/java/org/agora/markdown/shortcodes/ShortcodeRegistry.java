package org.agora.markdown.shortcodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which handler renders each shortcode name. As in Hugo, a template of the site (layouts/shortcodes/NAME.peb)
 * comes first, then the theme's (templates/shortcodes/NAME.peb), then Agora's own; a name none of them has
 * is unknown.
 */
public final class ShortcodeRegistry {

    private final ShortcodeTheme theme;
    private final Map<String, ShortcodeHandler> builtIn = new LinkedHashMap<>();
    private final Map<String, Optional<ShortcodeHandler>> found = new ConcurrentHashMap<>();

    public ShortcodeRegistry(ShortcodeTheme theme, List<ShortcodeHandler> builtIns) {
        this.theme = theme;
        for (ShortcodeHandler h : builtIns) builtIn.put(h.name(), h);
    }

    /** Agora's own shortcodes, after the site's and theme's templates. */
    public static ShortcodeRegistry standard(ShortcodeTheme theme) {
        List<ShortcodeHandler> own = new java.util.ArrayList<>(List.of(new HighlightShortcode(),
                ShortcodeHandler.named("details", DetailsShortcode::render), ShortcodeHandler.named("param", ParamShortcode::render),
                ShortcodeHandler.named("figure", FigureShortcode::render), RefShortcode.ref(), RefShortcode.relref()));
        own.addAll(LinkCardShortcode.all());
        return new ShortcodeRegistry(theme, own);
    }

    /** Knows no shortcode at all: every one is shown as written. */
    public static ShortcodeRegistry none() { return new ShortcodeRegistry(ShortcodeTheme.NONE, List.of()); }

    public Optional<ShortcodeHandler> find(String name) {
        if (name.isEmpty()) return Optional.empty();
        return found.computeIfAbsent(name, n -> {
            // ref and relref are addresses Agora computes: a template could not resolve them.
            if (theme.defines(n) && !n.equals("ref") && !n.equals("relref")) {
                return Optional.of(new TemplateShortcode(n, theme, n.equals("card") ? DocumentCard::of : null));
            }
            return Optional.ofNullable(builtIn.get(n));
        });
    }

    /** The names Agora itself renders, for messages. */
    public List<String> builtInNames() { return List.copyOf(builtIn.keySet()); }

    /** How to give an unknown shortcode a meaning, for its warning. */
    public String howToAdd(String name) {
        Optional<String> hugo = theme.hugoTemplate(name);
        String pebble = "layouts/shortcodes/" + name + ".peb";
        return hugo.map(h -> h + " is a Hugo template, which Agora cannot run: write it as a Pebble template " + pebble
                        + " (it receives args, params, inner and lang)")
                .orElse("it is neither built in nor a template of the site or theme: add a Pebble template " + pebble
                        + " to the site (it receives args, params, inner and lang), or remove the shortcode");
    }
}
