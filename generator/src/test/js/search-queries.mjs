// Runs the browser search runtime in node on an exported search/ folder (files read from disk in place of
// fetch) for a list of requests, and writes what it returns. Used by ExportLayoutTest.
//   node search-queries.mjs SEARCH_DIR REQUESTS.json OUT.json [range|norange] [LOG.json]
// "range" answers Range requests with 206 and the bytes asked, as most hosts do; "norange" (the default)
// answers every request with the whole file, as python -m http.server does. LOG.json gets every request.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [searchDir, requestsFile, outFile, mode = 'norange', logFile] = process.argv.slice(2);
const log = [];
globalThis.fetch = async (url, init = {}) => {
  const range = init.headers && init.headers.Range;
  log.push({ url: String(url), range: range || null });
  let body;
  try {
    body = fs.readFileSync(new URL(url));
  } catch {
    return new Response('', { status: 404 });
  }
  const m = mode === 'range' && range ? /^bytes=(\d+)-(\d+)$/.exec(range) : null;
  if (!m) return new Response(body, { status: 200 });
  const from = Number(m[1]);
  const to = Math.min(Number(m[2]), body.length - 1);
  return new Response(body.subarray(from, to + 1), { status: 206,
    headers: { 'Content-Range': `bytes ${from}-${to}/${body.length}` } });
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
if (logFile) fs.writeFileSync(logFile, JSON.stringify(log));
