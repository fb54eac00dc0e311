package org.agora.render;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.model.SiteUrls;

import java.util.List;
import java.util.Map;

/**
 * Template functions: {@code t(key, args)} for UI strings in the page's language (read from the
 * context's {@code lang}), {@code asset(name)} for fingerprinted asset URLs, {@code langName(code)}.
 */
final class SiteExtension extends AbstractExtension {

    private final Messages messages;
    private final Assets assets;
    private final SiteUrls urls;
    private final Map<String, LocaleFormats> formats;

    SiteExtension(Messages messages, Assets assets, SiteUrls urls, Map<String, LocaleFormats> formats) {
        this.messages = messages;
        this.assets = assets;
        this.urls = urls;
        this.formats = formats;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Translate(), "tIn", new TranslateIn(), "asset", new Asset(), "langName", new LanguageName(),
                "label", new Label());
    }

    private static String language(EvaluationContext context) {
        Object lang = context.getVariable("lang");
        if (lang instanceof Views.LanguageView l) return l.code();
        if (lang instanceof String code) return code; // shortcodes get the page's language code only
        Object site = context.getVariable("site");
        if (site instanceof Views.SiteView s) return s.defaultLanguage();
        throw new IllegalStateException("no language in the template context");
    }

    private final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() { return List.of("key", "args"); }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object key = args.get("key");
            if (key == null) throw new PebbleException(null, "t() needs a key", line, self.getName());
            Object params = args.get("args");
            Map<String, ?> values = params instanceof Map<?, ?> m ? toStringKeys(m) : Map.of();
            return messages.t(language(context), key.toString(), values);
        }

        private Map<String, Object> toStringKeys(Map<?, ?> m) {
            Map<String, Object> out = new java.util.HashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
    }

    /** {@code tIn('fr', 'key')}: a UI string in a given language, for pages that speak to every language (the root). */
    private final class TranslateIn implements Function {
        @Override
        public List<String> getArgumentNames() { return List.of("language", "key"); }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return messages.t(String.valueOf(args.get("language")), String.valueOf(args.get("key")));
        }
    }

    private final class Asset implements Function {
        @Override
        public List<String> getArgumentNames() { return List.of("name"); }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String name = String.valueOf(args.get("name"));
            String path = assets.urls().get(name);
            if (path == null) {
                throw new PebbleException(null, "asset '" + name + "' is not in the theme's assets/ folder", line, self.getName());
            }
            return urls.href(path);
        }
    }

    /**
     * {@code label('type', 'news')}: the UI string "type.news", or the name itself made readable when the
     * theme has no string for it (sites bring their own types and taxonomies).
     */
    private final class Label implements Function {
        @Override
        public List<String> getArgumentNames() { return List.of("group", "name"); }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return messages.label(language(context), String.valueOf(args.get("group")), String.valueOf(args.get("name")));
        }
    }

    private final class LanguageName implements Function {
        @Override
        public List<String> getArgumentNames() { return List.of("code"); }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return formats.get(language(context)).languageName(String.valueOf(args.get("code")));
        }
    }
}
