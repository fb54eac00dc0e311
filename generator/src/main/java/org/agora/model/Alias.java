package org.agora.model;

/** An old site path that must keep working by redirecting to {@code target}. */
public record Alias(String path, Page target, int line) {}
