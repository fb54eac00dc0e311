// Runs the browser search runtime in node on an exported search/ folder (files read from disk in place of
// fetch) for a list of requests, and writes what it returns. Used by ExportLayoutTest.
//   node search-queries.mjs SEARCH_DIR REQUESTS.json OUT.json
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [searchDir, requestsFile, outFile] = process.argv.slice(2);
globalThis.fetch = async (url) => {
  try {
    return new Response(fs.readFileSync(new URL(url)), { status: 200 });
  } catch {
    return new Response('', { status: 404 });
  }
};
const base = pathToFileURL(searchDir + '/').href;
const mod = await import(base + 'agora-search.js');
const engines = {};
const out = [];
for (const r of JSON.parse(fs.readFileSync(requestsFile, 'utf8'))) {
  engines[r.language] ??= await mod.open({ lang: r.language, base });
  const res = await engines[r.language].search(r.query, { allLanguages: r.allLanguages, filters: r.filters,
    prefix: r.prefix, page: 1, pageSize: 10 });
  out.push({ total: res.total, suggestions: res.suggestions,
    hits: res.results.map((h) => ({ language: h.language, doc: h.doc, score: h.score, url: h.url, attachment: h.attachment })) });
}
fs.writeFileSync(outFile, JSON.stringify(out));
