package org.agora.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.agora.config.SiteConfig;
import org.agora.files.FileTrees;
import org.agora.i18n.Messages;
import org.agora.search.AnalysisTables;
import org.agora.search.FacetLabels;
import org.agora.search.IndexBuilder;
import org.agora.search.IndexExporter;
import org.agora.search.SearchFields;
import org.agora.search.SearchIndex;
import org.agora.search.SearchManifest;
import org.agora.search.Synonyms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The search folder of the output: the runtime's files, a manifest and the exported files of each language's
 * finished index, read by the browser's search. Reuses a language's exported files from the cache when its index
 * did not change.
 *
 * @param documents searchable documents of all languages, by which {@code search.packs: auto} decides
 * @param valueLabels language, field, value → label, gathered while documents arrived
 */
record SearchExport(SiteConfig config, Messages messages, Map<String, IndexBuilder> builders, long documents,
                    Map<String, String> valueLabels, Path cacheDir) {

    /** The runtime's files, shipped in the generator's jar and copied unchanged into every site. */
    static final List<String> RUNTIME = List.of("agora-search.js", "agora-packs.js", "analysis.js", "stem-porter.js",
            "stem-french-light.js", "stem-dutch.js");

    /**
     * Finishes the indexes and writes {@code search/} into the output; {@code otherFiles} is the number of
     * files the site publishes besides search, by which {@code search.packs: auto} decides.
     */
    void write(Path outputDir, int otherFiles) throws IOException {
        Path searchDir = outputDir.resolve(org.agora.search.SearchLayout.OUTPUT_FOLDER);
        Files.createDirectories(searchDir);
        // Decided before anything is exported, from what the build already knows (see Layout.packingFor).
        IndexExporter.Layout.Packing packing = switch (config.searchPacks()) {
            case ALWAYS -> IndexExporter.Layout.Packing.ALL;
            case NEVER -> IndexExporter.Layout.Packing.NONE;
            case AUTO -> IndexExporter.Layout.packingFor(otherFiles, documents, builders.size());
        };
        for (String file : RUNTIME) {
            // The Range reader is imported only by a language with packs: a site without them does not publish it.
            if (file.equals("agora-packs.js") && packing == IndexExporter.Layout.Packing.NONE) continue;
            try (InputStream in = SearchExport.class.getResourceAsStream("/agora/search/" + file)) {
                if (in == null) throw new IllegalStateException("runtime file missing from the generator: " + file);
                Files.write(searchDir.resolve(file), in.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        // Compressed by us like the index files: static hosts rarely compress what they do not know.
        byte[] unicode = IndexExporter.gzip(json.writeValueAsBytes(AnalysisTables.unicode()));
        String unicodeFile = "unicode-" + sha(unicode) + ".bin";
        Files.write(searchDir.resolve(unicodeFile), unicode);
        List<SearchManifest.Language> languages = config.languages().stream()
                .map(l -> new SearchManifest.Language(l.code(), l.label())).toList();
        IndexExporter exporter = new IndexExporter(labels(), IndexExporter.Layout.DEFAULT.with(packing));
        // Merging a language's index into one segment and exporting it are single-threaded work: the languages
        // run side by side.
        builders.values().parallelStream().forEach(builder -> {
            try {
                builder.finish();
                Synonyms synonyms = Synonyms.parse(builder.language(), config.searchSynonyms().getOrDefault(builder.language(), List.of()));
                try (SearchIndex index = SearchIndex.open(builder.language(), builder.dir(), synonyms)) {
                    SearchManifest manifest = new SearchManifest(exportFiles(builder, index, exporter, searchDir, json),
                            exporter.facets(index), synonyms.groups(), config.language(builder.language()).label(),
                            languages, AnalysisTables.forLanguage(builder.language()), unicodeFile,
                            exporter.fieldLabel(builder.language(), SearchFields.LANGUAGE));
                    Files.write(searchDir.resolve(builder.language() + ".json"), json.writeValueAsBytes(manifest));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The exported files of a language: taken from the cache when the index did not change since they
     * were written (most builds of a site where few documents changed), else written and cached.
     */
    private SearchManifest.IndexFiles exportFiles(IndexBuilder builder, SearchIndex index, IndexExporter exporter,
                                                  Path searchDir, ObjectMapper json) throws IOException {
        Path cache = cacheDir.resolve(builder.language() + "-export");
        Path described = cache.resolve("files.json");
        // Keyed by the index commit, not by "nothing changed in this build": a build interrupted between
        // committing the index and exporting it must not leave files of an older index to be reused.
        if (Files.isRegularFile(described)) {
            ObjectNode stored = (ObjectNode) json.readTree(described.toFile());
            JsonNode layout = stored.remove("layout");
            JsonNode commit = stored.remove("commit");
            if (layout != null && exporter.layout().key().equals(layout.asText())
                    && commit != null && index.commit().equals(commit.asText())) {
                SearchManifest.IndexFiles files = json.treeToValue(stored, SearchManifest.IndexFiles.class);
                Path cached = cache.resolve(files.folder());
                if (Files.isDirectory(cached)) {
                    FileTrees.linkOrCopy(cached, searchDir.resolve(files.folder()));
                    return files;
                }
            }
        }
        SearchManifest.IndexFiles files = exporter.exportFiles(index, searchDir);
        FileTrees.delete(cache);
        FileTrees.linkOrCopy(searchDir.resolve(files.folder()), cache.resolve(files.folder()));
        ObjectNode stored = json.valueToTree(files);
        stored.put("layout", exporter.layout().key());
        stored.put("commit", index.commit());
        Files.write(described, json.writeValueAsBytes(stored));
        return files;
    }

    private FacetLabels labels() {
        return new FacetLabels() {
            @Override
            public String field(String language, String field) {
                String key = switch (field) {
                    case SearchFields.TYPE, SearchFields.YEAR, SearchFields.LANGUAGE -> "search.facet." + field;
                    default -> "taxonomy." + field;
                };
                if (messages.has(language, key)) return messages.t(language, key);
                return Character.toUpperCase(field.charAt(0)) + field.substring(1);
            }

            @Override
            public String value(String language, String field, String value) {
                return valueLabels.getOrDefault(SearchStage.key(language, field, value), value);
            }
        };
    }

    private static String sha(byte[] bytes) {
        return org.agora.files.Digest.shortSha256(bytes);
    }

}
