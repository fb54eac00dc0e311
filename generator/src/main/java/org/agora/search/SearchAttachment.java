package org.agora.search;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An attachment of a document whose text search indexes (a PDF's). Reading that text costs far more than
 * the rest of the document, so it is read only when the document is analysed: the document's fingerprint
 * holds the digest of the file's bytes instead, and an unchanged document with an unchanged file is taken
 * from the cache without reading it.
 * @param url the file's link (base path included)
 * @param digest the hash of the file's bytes
 * @param text the text; empty when it could not be read (whoever read it reported why)
 */
public record SearchAttachment(String title, String url, String digest, Supplier<Optional<String>> text) {}
