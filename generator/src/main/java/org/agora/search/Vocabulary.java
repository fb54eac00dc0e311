package org.agora.search;

import java.util.List;

/**
 * What query planning needs to know of an index's words: the Lucene index answers for `agora search` and
 * the tests; the browser reads the same facts from the exported surface-word shards.
 */
public interface Vocabulary {

    /** A word as readers type it (lower-cased, folded) and the index term it stands for. */
    record Surface(String word, int docFreq, String term) {}

    /** Whether any text field holds the term. */
    boolean hasTerm(String term);

    /** Every surface word starting with {@code prefix} whose term is in the index, in word order. */
    List<Surface> withPrefix(String prefix);
}
