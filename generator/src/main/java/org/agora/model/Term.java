package org.agora.model;

/**
 * A taxonomy term as shown in one language.
 * @param slug the URL segment and identity across languages ("open-data", "be")
 * @param label what readers see ("Open data", "Belgique")
 */
public record Term(String taxonomy, String slug, String label) {}
