package org.agora.config;

import java.util.Locale;

/**
 * One language of the site.
 * @param code the code used in URLs, folders, file suffixes and hreflang ("fr")
 * @param locale the locale used for dates, numbers and country names ("fr-BE")
 * @param direction "ltr" or "rtl"
 */
public record LanguageConfig(String code, String label, Locale locale, String direction) {}
