package org.agora.config;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * oai: { adminEmail, gateway, rights }: what the OAI-PMH static repository (oai.xml) says about the library.
 * Every key is optional: a site that says nothing still publishes a valid file (see docs/harvesting.md).
 * @param adminEmail who harvesters write to about the repository, or null (then webmaster@ the site's host)
 * @param gateway the OAI static repository gateway that makes oai.xml harvestable, or null (none chosen yet)
 * @param rights the rights statement of every record (dc:rights), per language, or null
 */
public record OaiSettings(String adminEmail, URI gateway, LocalizedText rights) {

    public static final OaiSettings NONE = new OaiSettings(null, null, null);

    /** What OAI-PMH's schema accepts as an e-mail address (its emailType), so a typo fails the build, not the harvest. */
    public static final Pattern EMAIL = Pattern.compile("\\S+@(\\S+\\.)+\\S+");
}
