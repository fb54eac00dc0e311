package org.agora.fuzz;

import java.util.SplittableRandom;

/**
 * What kind of site to generate. A site with one broken document fails as a whole (exit 1) and writes no pages,
 * so the page checks need sites whose only hostility is content the build must accept and neutralise; the
 * crash and report checks need sites full of broken documents.
 */
enum SiteProfile {
    /** Valid documents and documents full of payloads in places where they are allowed: the build should succeed. */
    HOSTILE_CONTENT(55, 45, 0),
    /** Like the above, plus one or two traps in the site's files: symbolic links out of the site, colliding or active files. */
    HOSTILE_STRUCTURE(70, 30, 0),
    /** Valid, hostile and mutated documents: broken YAML, random bytes, truncation, bombs, deep nesting. */
    MUTATED(35, 20, 45),
    /** Only valid documents: the site that shows what the theme itself puts in pages. Never picked at random. */
    BENIGN(100, 0, 0);

    private final int valid;
    private final int hostile;
    private final int mutated;

    SiteProfile(int valid, int hostile, int mutated) {
        this.valid = valid;
        this.hostile = hostile;
        this.mutated = mutated;
    }

    static SiteProfile pick(SplittableRandom r) {
        int n = r.nextInt(100);
        return n < 50 ? HOSTILE_CONTENT : n < 70 ? HOSTILE_STRUCTURE : MUTATED;
    }

    SitePlan.Kind documentKind(SplittableRandom r) {
        int n = r.nextInt(valid + hostile + mutated);
        return n < valid ? SitePlan.Kind.VALID : n < valid + hostile ? SitePlan.Kind.HOSTILE : SitePlan.Kind.MUTATED;
    }
}
