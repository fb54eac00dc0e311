package org.agora.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.model.SiteUrls;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/** Pebble set up once: strict variables, auto-escaping, the site's templates before the theme's. */
public final class TemplateRenderer {

    /** A template failed: the template file (as found), line and Pebble's message. */
    public static final class TemplateFailure extends Exception {
        private final String template;
        private final int line;

        TemplateFailure(String template, int line, String message) {
            super(message);
            this.template = template;
            this.line = line;
        }

        public String template() { return template; }

        public int line() { return line; }
    }

    private final PebbleEngine engine;
    private final PathLoader loader;

    /** @param trustRawHtml the site trusts its editors: text printed raw is not sanitised */
    public TemplateRenderer(Theme theme, Messages messages, Assets assets, SiteUrls urls, Map<String, LocaleFormats> formats,
                            boolean trustRawHtml) {
        this.loader = new PathLoader(theme.templateDirs());
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .extension(new SiteExtension(messages, assets, urls, formats), new ContentFilters(trustRawHtml))
                .build();
    }

    public boolean exists(String name) { return loader.resourceExists(name); }

    public Optional<java.nio.file.Path> locate(String name) { return loader.find(name); }

    public String render(String name, Map<String, Object> context) throws TemplateFailure {
        try {
            PebbleTemplate template = engine.getTemplate(name);
            StringWriter out = new StringWriter(16_384);
            template.evaluate(out, context);
            return out.toString();
        } catch (PebbleException e) {
            String file = e.getFileName() == null ? name : e.getFileName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            throw new TemplateFailure(file, line, e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new TemplateFailure(name, 0, org.agora.diag.Failures.describe(e));
        }
    }
}
