package org.agora.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Adds the {@link WordParts} of each token after it, at the same position. A part's offsets are its own
 * characters when the token's text still spans its offsets, else the token's (an elided article or a removed
 * possessive leaves the text shorter than the span), as Lucene's compound filters do.
 */
final class WordPartsFilter extends TokenFilter {

    /** The type of a part, as Lucene's compound filters mark theirs. */
    static final String PART = org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase.TOKEN_TYPE_SUBWORD;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private final Deque<int[]> pendingOffsets = new ArrayDeque<>();
    private State word;

    WordPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(word);
            int[] span = pendingOffsets.removeFirst();
            term.setEmpty().append(pending.removeFirst());
            offset.setOffset(span[0], span[1]);
            increment.setPositionIncrement(0);
            type.setType(PART);
            return true;
        }
        if (!input.incrementToken()) return false;
        var parts = WordParts.of(term);
        if (!parts.isEmpty()) {
            boolean exact = offset.endOffset() - offset.startOffset() == term.length();
            for (WordParts.Part p : parts) {
                pending.addLast(term.subSequence(p.start(), p.end()).toString());
                pendingOffsets.addLast(exact
                        ? new int[] {offset.startOffset() + p.start(), offset.startOffset() + p.end()}
                        : new int[] {offset.startOffset(), offset.endOffset()});
            }
            word = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        pendingOffsets.clear();
        word = null;
    }
}
