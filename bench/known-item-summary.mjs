#!/usr/bin/env node
// The quality benchmark's summary: known-item queries of every corpus pooled per language (and per language and
// kind), Agora beside Pagefind given the same documents, from the known-item.json files known-item-pagefind.sh
// wrote:   node known-item-summary.mjs WORK_DIR CORPUS...
import fs from 'node:fs';
import path from 'node:path';

const [work, ...corpora] = process.argv.slice(2);
if (!work || !corpora.length) { console.error('usage: known-item-summary.mjs WORK_DIR CORPUS...'); process.exit(2); }
const results = corpora.flatMap((c) => JSON.parse(fs.readFileSync(path.join(work, c, 'known-item.json'), 'utf8')).results);

function metrics(answers) {
  const n = answers.length;
  return {
    n,
    mrr: answers.reduce((s, a) => s + (a.rank > 0 ? 1 / a.rank : 0), 0) / n,
    s1: answers.filter((a) => a.rank === 1).length / n,
    s10: answers.filter((a) => a.rank > 0).length / n,
    zero: answers.filter((a) => a.total === 0).length,
  };
}
const f = (m) => `${m.mrr.toFixed(3)} | ${m.s1.toFixed(3)} | ${m.s10.toFixed(3)} | ${m.zero} (${(100 * m.zero / m.n).toFixed(1)} %)`;
const kinds = ['all', ...new Set(results.map((r) => r.kind))];
console.log(`Known-item queries of ${corpora.join(', ')}, pooled per language; Pagefind 1.6 given the same documents`
  + ' (data-pagefind-body on their text).\n');
console.log('| language | kind | queries | Agora MRR@10 | success@1 | success@10 | no result | Pagefind MRR@10 | success@1 | success@10 | no result | MRR, Agora / Pagefind |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const lang of [...new Set(results.map((r) => r.language))]) {
  for (const kind of kinds) {
    const mine = results.filter((r) => r.language === lang && (kind === 'all' || r.kind === kind));
    if (!mine.length) continue;
    const agora = metrics(mine.map((r) => ({ rank: r.rank, total: r.total })));
    const pagefind = metrics(mine.map((r) => r.pagefind.documents));
    const ratio = pagefind.mrr > 0 ? `${(agora.mrr / pagefind.mrr).toFixed(2)}×` : '—';
    const name = kind === 'all' ? '**all**' : kind;
    console.log(`| ${lang} | ${name} | ${agora.n} | ${f(agora)} | ${f(pagefind)} | ${ratio} |`);
  }
}
