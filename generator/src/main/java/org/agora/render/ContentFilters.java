package org.agora.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.agora.markdown.HtmlSanitizer;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Pebble's {@code raw} filter, made safe for content. Pebble escapes everything a template prints unless the
 * expression ends in {@code raw}; a theme may well print a front-matter field or a data file's text that way
 * ({@code {{ page.params.intro | raw }}}). Here {@code raw} passes {@link Html} and Pebble's own safe strings
 * unchanged, and sends anything else through the one sanitiser unless the site trusts its editors. The
 * {@code empty} test learns that {@link Html} with no text is empty, as a blank string is.
 */
final class ContentFilters extends AbstractExtension {

    private final boolean trustRawHtml;

    ContentFilters(boolean trustRawHtml) { this.trustRawHtml = trustRawHtml; }

    @Override
    public Map<String, Filter> getFilters() { return Map.of("raw", new Raw()); }

    @Override
    public Map<String, Test> getTests() { return Map.of("empty", new Empty()); }

    private final class Raw implements Filter {
        @Override
        public List<String> getArgumentNames() { return null; }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int lineNumber) {
            if (input == null) return null;
            if (input instanceof SafeString s) return s;
            if (input instanceof Html h) return new SafeString(h.markup());
            String text = input.toString();
            return new SafeString(trustRawHtml ? text : HtmlSanitizer.cleanFragment(text));
        }
    }

    /** Pebble's empty test, plus {@link Html}. */
    private static final class Empty implements Test {
        @Override
        public List<String> getArgumentNames() { return null; }

        @Override
        public boolean apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                             int lineNumber) {
            return switch (input) {
                case null -> true;
                case Html h -> h.isBlank();
                case String s -> s.isBlank();
                case Collection<?> c -> c.isEmpty();
                case Map<?, ?> m -> m.isEmpty();
                default -> false;
            };
        }
    }
}
