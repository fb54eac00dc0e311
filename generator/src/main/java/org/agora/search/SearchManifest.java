package org.agora.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;

/**
 * A language's search manifest, {@code search/<lang>.json}: what the browser's search reads before anything else.
 * Its JSON is a contract with {@code agora-search.js}: the property names and their order are the components',
 * the index's own entries first ({@link IndexFiles}), then those the build adds.
 *
 * @param files the exported index: statistics, tables and the folder of its files
 * @param facets every facet field with its values and their labels in this language
 * @param synonyms the analysed synonym groups ({@link Synonyms#groups}), left out when the language has none
 * @param label the language's name, as the language menu shows it
 * @param languages every language of the site, for the search across languages
 * @param analysis the language's analysis chain ({@link AnalysisTables#forLanguage})
 * @param unicode the file name of the Unicode tables ({@link AnalysisTables#unicode}), shared by every language
 * @param languageFacetLabel the label of the language facet in this language
 */
public record SearchManifest(@JsonUnwrapped IndexFiles files, List<Facet> facets,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<List<QueryPlan.PhraseClause>> synonyms,
                             String label, List<Language> languages, Map<String, Object> analysis, String unicode,
                             String languageFacetLabel) {

    public SearchManifest {
        facets = List.copyOf(facets);
        synonyms = synonyms == null || synonyms.isEmpty() ? null : List.copyOf(synonyms);
        languages = List.copyOf(languages);
    }

    /**
     * The entries that depend on the exported files only (no labels), which a build keeps beside the files in
     * its cache and reuses while the index does not change.
     */
    public record IndexFiles(int format, String language, int docCount, List<FieldStats> fields, double k1, double b,
                        Prefix prefix, int termShards, int wordShards, int facetDocsPerShard, boolean packs,
                        int dataDocsPerFile, String folder) {
        public IndexFiles {
            fields = List.copyOf(fields);
        }
    }

    /** A text field's weight and the statistics BM25 needs. */
    public record FieldStats(String name, float boost, int docCount, long sumTotalTermFreq) {}

    /** When a query's last word is also read as a prefix, and how many words it stands for at most. */
    public record Prefix(int minLength, int maxTerms) {}

    /** A facet field: its label and its values, each as [value, label]. */
    public record Facet(String field, String label, List<List<String>> values) {
        public Facet {
            values = List.copyOf(values);
        }
    }

    /** A language of the site, for the search across languages. */
    public record Language(String code, String label) {}
}
