package org.agora.cli;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.search.SearchHit;
import org.agora.search.SearchRequest;
import org.agora.search.SearchResults;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.site.SiteSearch;
import org.agora.site.SiteSearchCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Command(name = "search", description = {
        "Search the site's Lucene index, with the semantics of the site's search page.",
        "Words must all match; \"quoted phrases\" in order; -word excludes. The index comes from the build cache,",
        "refreshed by a build first when the content, theme or configuration changed since."})
final class SearchCommand extends SiteCommand {

    @Option(names = "--lang", paramLabel = "CODE", description = "language to search (default: the site's default language)")
    String lang;

    @Option(names = "--all-languages", description = "search every language; results are merged by score")
    boolean allLanguages;

    @Option(names = "--filter", paramLabel = "FIELD=VALUE", description = "keep results with this facet value (repeatable: values of one field are alternatives)")
    List<String> filters = new ArrayList<>();

    @Option(names = "--prefix", description = "read the last word as the beginning of a word, as the search box does while typing")
    boolean prefix;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "results per page (default: ${DEFAULT-VALUE})")
    int limit = 10;

    @Option(names = "--page", paramLabel = "N", description = "page of results (default: ${DEFAULT-VALUE})")
    int page = 1;

    @Option(names = "--facets", description = "also print the facet counts of the results")
    boolean facets;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "the query (several arguments are joined with spaces)")
    List<String> query;

    @Override
    int run(Path siteDir, PrintWriter out, PrintWriter err) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> config = new ConfigLoader().load(siteDir, diagnostics);
        if (config.isEmpty() || diagnostics.hasErrors()) {
            new Report(out, err, siteDir).problems(diagnostics);
            return ExitCodes.SITE_ERRORS;
        }
        String language = lang != null ? lang : config.get().defaultLanguage();
        if (!config.get().languageCodes().contains(language)) {
            err.println("agora search: the site has no language '" + language + "'; it has " + config.get().languageCodes());
            return ExitCodes.USAGE;
        }
        Map<String, List<String>> filterMap = new TreeMap<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                err.println("agora search: --filter takes FIELD=VALUE, for example --filter themes=open-data");
                return ExitCodes.USAGE;
            }
            filterMap.computeIfAbsent(f.substring(0, eq), k -> new ArrayList<>()).add(f.substring(eq + 1));
        }
        Path cache = BuildOptions.defaultCache(siteDir);
        SiteSearchCache indexes = new SiteSearchCache(siteDir, cache, config.get());
        if (indexes.isStale()) {
            err.println("agora search: building the site first, to bring the search index up to date …");
            Path tmp = Files.createTempDirectory("agora-search-");
            try {
                BuildResult result = new SiteBuilder(org.agora.site.BuildListener.NONE).build(
                        new BuildOptions(siteDir, tmp.resolve("site"), site.drafts, cache));
                if (!result.success()) {
                    new Report(out, err, siteDir).problems(result);
                    return ExitCodes.SITE_ERRORS;
                }
            } finally {
                org.agora.files.FileTrees.delete(tmp);
            }
        }
        try (SiteSearch search = SiteSearch.open(config.get(), cache)) {
            SearchRequest request = new SearchRequest(String.join(" ", query), language, allLanguages, filterMap, prefix, page, limit);
            print(out, request, search.search(request), search);
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, SearchRequest request, SearchResults results, SiteSearch search) throws IOException {
        int pages = (results.total() + request.pageSize() - 1) / request.pageSize();
        out.printf("%d result%s for \"%s\" in %s%s%n", results.total(), results.total() == 1 ? "" : "s", request.query(),
                request.allLanguages() ? "all languages" : request.language(),
                pages > 1 ? " (page " + request.page() + " of " + pages + ")" : "");
        if (!results.unknownWords().isEmpty()) out.println("No page has: " + String.join(", ", results.unknownWords()));
        if (results.partial() != null) {
            out.printf("No page has all your words: showing pages with %d of %d%n", results.partial().matched(), results.partial().of());
        }
        int rank = (request.page() - 1) * request.pageSize();
        for (SearchHit hit : results.hits()) {
            rank++;
            out.printf("%3d. %s  [%.4f]%n", rank, hit.title(), hit.score());
            out.printf("     %s  %s%s%n", hit.url(), hit.language(), hit.date() != null ? "  " + hit.date() : "");
            if (hit.attachment() != null) out.printf("     in: %s  %s%n", hit.attachment().title(), hit.attachment().url());
            String excerpt = search.excerpt(hit, request);
            if (!excerpt.isEmpty()) out.printf("     %s%n", excerpt);
        }
        if (!results.suggestions().isEmpty()) out.println("Did you mean: " + String.join(" | ", results.suggestions()));
        if (facets) {
            results.facets().forEach((field, values) -> {
                StringBuilder sb = new StringBuilder("  " + field + ":");
                values.forEach((v, c) -> sb.append(' ').append(v).append(" (").append(c).append(')'));
                out.println(sb);
            });
        }
    }
}
