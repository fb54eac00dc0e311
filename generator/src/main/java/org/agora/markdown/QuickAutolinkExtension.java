package org.agora.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * flexmark's autolink extension (bare URLs, www. addresses and e-mail addresses become links), run only
 * on text that could hold one. The extension searches every text node with a regular expression that
 * tries a match at each word; on prose that was a third of all Markdown time, for text with no link.
 */
public final class QuickAutolinkExtension implements Parser.ParserExtension {

    private QuickAutolinkExtension() {}

    public static QuickAutolinkExtension create() { return new QuickAutolinkExtension(); }

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** A URL needs "://" or "www.", an e-mail address needs '@': text without them is left as it is. */
    static boolean mayHoldLink(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '@') return true;
            if (c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') return true;
            if ((c == '.') && i >= 3 && (text.charAt(i - 1) | 0x20) == 'w' && (text.charAt(i - 2) | 0x20) == 'w'
                    && (text.charAt(i - 3) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    if (mayHoldLink(node.getChars())) autolinks.process(state, node);
                }
            };
        }
    }
}
