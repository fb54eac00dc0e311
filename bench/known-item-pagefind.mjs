#!/usr/bin/env node
// Asks Pagefind the known-item queries of KnownItemSearchTest, on Agora's built output of a corpus, in
// headless Chromium, and prints MRR@10, success@1, success@10 and the queries with no result at all, per language
// and kind of query, next to Agora's (the ranks and totals the test wrote).
//
//   node known-item-pagefind.mjs --site OUT_DIR --queries generator/target/known-item-CORPUS.json \
//        --tools BENCH/tools [--bundles NAME=/pagefind/,...] [--out RESULT.json] [--chromium PATH (default: $CHROMIUM, else /usr/bin/chromium)]
//
// OUT_DIR is Agora's output with one or more Pagefind indexes in it (--bundles names each one's folder, default
// pagefind=/pagefind/); known-item-pagefind.sh makes them.
// BENCH/tools is a writable copy of ../shared/bench/tools after `npm install` (pagefind 1.6.0, playwright-core,
// which drives Debian's Chromium and never downloads a browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const need of ['site', 'queries', 'tools']) {
  if (!args[need]) { console.error(`missing --${need}`); process.exit(2); }
}
const require = createRequire(path.join(path.resolve(args.tools), 'package.json'));
const { chromium } = require('playwright-core');
const known = JSON.parse(fs.readFileSync(args.queries, 'utf8'));
const top = known.top || 10;
const site = path.resolve(args.site);
const bundles = (args.bundles || 'pagefind=/pagefind/').split(',').map((b) => b.split('='));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.xml': 'application/xml' };

/** A static host for the output: folders answer with their index.html. */
function serve(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.normalize(path.join(root, rel));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The same URL however it is written: decoded, "x/index.html" as "x/", no fragment. */
function normal(url) {
  let u = url.split('#')[0].split('?')[0];
  try { u = decodeURI(u); } catch { /* keep it */ }
  return u.endsWith('/index.html') ? u.slice(0, -'index.html'.length) : u;
}

/** answers: [{rank (0: not in the top), total (0: no result at all)}]. */
function metrics(answers) {
  const n = answers.length;
  const mrr = n ? answers.reduce((s, a) => s + (a.rank > 0 ? 1 / a.rank : 0), 0) / n : 0;
  const s1 = n ? answers.filter((a) => a.rank === 1).length / n : 0;
  const s10 = n ? answers.filter((a) => a.rank > 0).length / n : 0;
  const zero = answers.filter((a) => a.total === 0).length;
  return { n, mrr, s1, s10, zero };
}

const server = await serve(site);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: args.chromium || process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'] });
const results = [];
try {
  // Agora's pages forbid inline scripts and WebAssembly (Content-Security-Policy); Pagefind needs both.
  const context = await browser.newContext({ bypassCSP: true });
  const byLanguage = new Map();
  for (const q of known.queries) {
    if (!byLanguage.has(q.language)) byLanguage.set(q.language, []);
    byLanguage.get(q.language).push(q);
  }
  for (const [lang, queries] of byLanguage) {
    const ranks = new Map(queries.map((q) => [q, {}]));
    for (const [name, bundle] of bundles) {
      // Pagefind picks its language index from the <html lang> of the page it runs in: a page of this language.
      const page = await context.newPage();
      await page.goto(base + (queries.find((q) => q.indexed) ?? queries[0]).url);
      const found = await page.evaluate(async ({ qs, top, bundle }) => {
        const pf = await import(bundle + 'pagefind.js');
        await pf.options({ basePath: bundle });
        await pf.init();
        const out = [];
        for (const q of qs) {
          const res = await pf.search(q);
          const data = await Promise.all(res.results.slice(0, top).map((r) => r.data()));
          out.push({ total: res.results.length, urls: data.map((d) => d.url) });
        }
        return out;
      }, { qs: queries.map((q) => q.query), top, bundle });
      await page.close();
      queries.forEach((q, i) => {
        const at = found[i].urls.map(normal).indexOf(normal(q.url));
        ranks.get(q)[name] = { rank: at < 0 ? 0 : at + 1, total: found[i].total, top: found[i].urls };
      });
    }
    for (const q of queries) results.push({ ...q, pagefind: ranks.get(q) });
  }
} finally {
  await browser.close();
  server.close();
}

const rows = [];
const f = (m) => `${m.mrr.toFixed(3)} | ${m.s1.toFixed(3)} | ${m.s10.toFixed(3)} | ${m.zero}`;
const kinds = [...new Set(results.map((r) => r.kind || 'rare'))];
for (const lang of [...new Set(results.map((r) => r.language))]) {
  for (const kind of [...kinds, 'all']) {
    const mine = results.filter((r) => r.language === lang && (kind === 'all' || (r.kind || 'rare') === kind));
    if (!mine.length) continue;
    const row = { corpus: known.corpus, language: lang, kind, agora: metrics(mine.map((r) => ({ rank: r.rank, total: r.total ?? 1 }))) };
    for (const [name] of bundles) row[name] = metrics(mine.map((r) => r.pagefind[name]));
    rows.push(row);
    console.log(`| ${known.corpus} | ${lang} | ${kind} | ${row.agora.n} | ${f(row.agora)} | ${bundles.map(([name]) => f(row[name])).join(' | ')} |`);
  }
}
if (args.out) fs.writeFileSync(args.out, JSON.stringify({ corpus: known.corpus, top, bundles, rows, results }, null, 1));
