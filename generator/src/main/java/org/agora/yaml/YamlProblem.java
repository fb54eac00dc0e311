package org.agora.yaml;

/** A syntax error in YAML, with the 1-based line it was found on. */
public record YamlProblem(String message, int line, int column) {}
