package org.agora.fuzz;

/**
 * How much to fuzz and from which seed, from system properties so that CI, a long run and the reproduction
 * of one failing site are the same test.
 * @param seed the seed of the first site; site i uses {@link #siteSeed(int)}
 * @param documents Markdown documents to generate in all, spread over sites of 50 to 150
 */
record FuzzSettings(long seed, int documents) {

    static final long DEFAULT_SEED = 20261203L;
    static final int DEFAULT_DOCUMENTS = 2000;
    /** A site's seed to the next: any odd constant works; this one spreads small base seeds far apart. */
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    static FuzzSettings fromSystemProperties() {
        return new FuzzSettings(Long.getLong("agora.fuzz.seed", DEFAULT_SEED),
                Integer.getInteger("agora.fuzz.documents", DEFAULT_DOCUMENTS));
    }

    /**
     * Site 0 uses the base seed itself: a failing site's seed given back as agora.fuzz.seed, with its own
     * number of documents, generates exactly that site again and nothing else.
     */
    long siteSeed(int site) { return seed + site * SEED_STEP; }

    static String reproduce(long siteSeed, int siteDocuments) {
        String properties = "-Dtest=FuzzBuildTest -Dagora.fuzz.seed=" + siteSeed + " -Dagora.fuzz.documents=" + siteDocuments;
        return "./run-tests " + properties + "   (or: mvn -B -pl generator test " + properties + ")";
    }
}
