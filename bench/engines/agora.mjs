// Search-engine plug-in for the shared harness's browser-search-bench.mjs (../shared/bench): Agora's
// browser search runtime, with exactly the contract of ../shared/bench/engines/pagefind.mjs.
// A plug-in exports { name, setup(page, ctx), search(page, q, k) }. Both run code inside the page with
// page.evaluate and time it there with performance.now(), so the figures leave out the Node<->browser
// round trip.
//   setup:  load the engine in a page already showing /<lang>/ ; returns { t_setup_ms }
//   search: run query q and load the data of the first k results;
//           returns { count, urls, t_search_ms, t_data_ms, t_total_ms }
// Agora's runtime (agora-search/agora-search.js in a built site):
//   const mod = await import(base + 'agora-search.js');            // base: the site's search folder URL
//   const engine = await mod.open({ lang: document.documentElement.lang });
//   const res = await engine.search(q, { pageSize: k });          // { total, results: [{ url, title, ... }] }
// One search() call runs the query and returns the data of the first k results already loaded, so
// t_search_ms = t_total_ms and t_data_ms = 0; count is res.total (all matches, like Pagefind's
// res.results.length), not the k results returned.
// The search folder URL is ctx.bundlePath, else $AGORA_SEARCH_PATH, else '/agora-search/' (a site built with
// a base path such as https://example.org/elibrary/ has it at '/elibrary/agora-search/').
const defaultBase = process.env.AGORA_SEARCH_PATH || '/agora-search/';

export default {
  name: 'agora',
  async setup(page, ctx) {
    return page.evaluate(async (base) => {
      const t0 = performance.now();
      const mod = await import(base + 'agora-search.js');
      const engine = await mod.open({ lang: document.documentElement.lang });
      window.__benchEngine = engine;
      return { t_setup_ms: performance.now() - t0 };
    }, (ctx && ctx.bundlePath) || defaultBase);
  },
  async search(page, q, k) {
    return page.evaluate(async ({ q, k }) => {
      const engine = window.__benchEngine;
      const t0 = performance.now();
      const res = await engine.search(q, { pageSize: k });
      const t1 = performance.now();
      const results = (res && res.results) || [];
      return {
        count: res && typeof res.total === 'number' ? res.total : results.length,
        urls: results.slice(0, k).map((r) => r.url),
        t_search_ms: t1 - t0,
        t_data_ms: 0,
        t_total_ms: t1 - t0,
      };
    }, { q, k });
  },
};
