// Agora's search runtime: searches the static index files an Agora build writes into search/, in the
// browser, with no server. It repeats what Lucene does at build time (analysis, query plan, BM25 scores),
// so that its results are the ones `agora search` prints. Usage and result fields: see docs/search.md
// ("Search from any page"). The file format it reads is described in docs/search-format.md.
import { createAnalyzer } from './analysis.js';

const BASE = new URL('.', import.meta.url);

/**
 * Opens the search index of a language. options.lang defaults to the page's <html lang>;
 * options.base (the URL of the search/ folder) defaults to this module's folder.
 */
export async function open(options = {}) {
  const doc = globalThis.document;
  const base = options.base ? new URL(options.base, doc ? doc.baseURI : BASE) : BASE;
  const wanted = options.lang || (doc && doc.documentElement.lang) || '';
  const engine = new Engine(base);
  // The site's own code first ("pt-br"); a page may say "fr-BE" on a site whose language is "fr".
  let lang = wanted;
  let index;
  try {
    index = await engine.index(lang);
  } catch (e) {
    lang = wanted.split('-')[0];
    if (lang === wanted) throw e;
    index = await engine.index(lang);
  }
  engine.language = lang;
  engine.languages = index.manifest.languages;
  engine.facetFields = index.manifest.facets.map((f) => ({ field: f.field, label: f.label }));
  return engine;
}

// ---------------------------------------------------------------------------------------------------
// Query text: the same split as org.agora.search.QueryText

const SPACE = new Set(['\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
  '\u205F', '\u3000', '\uFEFF']);
function isSpace(c) { return SPACE.has(c) || (c >= '\u2000' && c <= '\u200A'); }

/** Words and phrases read from a query; the rest of a pasted passage is ignored (as QueryText.MAX_PARTS). */
const MAX_PARTS = 32;

export function parseQuery(query) {
  const parts = [];
  let i = 0;
  const n = query.length;
  while (i < n && parts.length < MAX_PARTS) {
    while (i < n && isSpace(query[i])) i++;
    if (i >= n) break;
    let excluded = false;
    if (query[i] === '-' && i + 1 < n && !isSpace(query[i + 1])) { excluded = true; i++; }
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      const text = query.substring(i + 1, end);
      if ([...text].some((c) => !isSpace(c))) parts.push({ text, phrase: true, excluded });
      i = close < 0 ? n : close + 1;
    } else {
      const start = i;
      while (i < n && !isSpace(query[i]) && query[i] !== '"') i++;
      parts.push({ text: query.substring(start, i), phrase: false, excluded });
    }
  }
  return parts;
}

function writeQuery(parts, replacements) {
  return parts.map((p, i) => {
    const text = replacements.has(i) ? replacements.get(i) : p.text;
    return (p.excluded ? '-' : '') + (p.phrase ? `"${text}"` : text);
  }).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Binary files: gzip, varints, UTF-8 strings (org.agora.search.Bytes)

let packs = null; // agora-packs.js, once a language with packs is opened
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

async function fetchRaw(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search: ${url} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchBytes(url) { return inflate(await fetchRaw(url)); }

async function inflate(raw) {
  // A host may already have undone our gzip (Content-Encoding); only inflate what is still gzip.
  if (raw.length < 2 || raw[0] !== 0x1f || raw[1] !== 0x8b) return raw;
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

class Reader {
  constructor(bytes, pos = 0) { this.b = bytes; this.pos = pos; }
  varint() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.b[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  }
  byte() { return this.b[this.pos++]; }
  string() {
    const len = this.varint();
    const s = utf8.decode(this.b.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
  bytes(len) { const out = this.b.subarray(this.pos, this.pos + len); this.pos += len; return out; }
}

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// BM25 exactly as Lucene's BM25Similarity computes it, in 32-bit floats

const f32 = Math.fround;
/** SmallFloat.byte4ToInt: the field length a norm byte stands for. */
function byte4ToInt(i) {
  if (i < 24) return i;
  const j = i - 24;
  const bits = j & 7;
  const shift = (j >>> 3) - 1;
  return 24 + (shift === -1 ? bits : (bits | 8) * 2 ** shift);
}
const LENGTH_TABLE = Array.from({ length: 256 }, (_, i) => f32(byte4ToInt(i)));

function idf(docFreq, docCount) { return f32(Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5))); }

class FieldStats {
  constructor(field, k1, b) {
    this.name = field.name;
    this.boost = f32(field.boost);
    this.docCount = field.docCount;
    const avgdl = f32(field.sumTotalTermFreq / field.docCount);
    this.cache = new Float32Array(256);
    const oneMinusB = f32(1 - b);
    for (let i = 0; i < 256; i++) {
      this.cache[i] = f32(1 / f32(k1 * f32(oneMinusB + f32(f32(b * LENGTH_TABLE[i]) / avgdl))));
    }
  }
  weight(idfValue) { return f32(this.boost * idfValue); }
  score(weight, freq, norm) {
    return f32(weight - f32(weight / f32(1 + f32(freq * this.cache[norm]))));
  }
}

// ---------------------------------------------------------------------------------------------------
// One language's index files

/** Text fields, in the manifest's order: title, headings, summary, body, attachments, parts. */
const FIELD_COUNT = 6;

class Postings {
  // Struct of arrays: docs ascending; per doc and field, term frequency (0 = absent) and norm byte.
  constructor(bytes, count) {
    this.count = count;
    this.docs = new Int32Array(count);
    this.tf = new Int32Array(count * FIELD_COUNT);
    this.norm = new Uint8Array(count * FIELD_COUNT);
    this.df = new Int32Array(FIELD_COUNT);
    const r = new Reader(bytes);
    let doc = 0;
    for (let i = 0; i < count; i++) {
      doc += r.varint();
      this.docs[i] = doc;
      const mask = r.byte();
      for (let f = 0; f < FIELD_COUNT; f++) {
        if (mask & (1 << f)) {
          this.tf[i * FIELD_COUNT + f] = r.varint();
          this.norm[i * FIELD_COUNT + f] = r.byte();
          this.df[f]++;
        }
      }
    }
  }
}

class LanguageIndex {
  constructor(base, manifest) {
    this.manifest = manifest;
    this.language = manifest.language;
    this.folder = new URL(manifest.folder, base);
    this.fields = manifest.fields.map((f) => new FieldStats(f, f32(manifest.k1), f32(manifest.b)));
    this.attachmentsField = manifest.fields.findIndex((f) => f.name === 'attachments');
    this.files = new Map();
    this.wholeFiles = new Map(); // pack files a host sent whole, for the members still to read from them
    this.rangeless = false;
    this.facetIds = new Map(); // "field\u0000value" -> id
    this.facetById = [];
    for (const f of manifest.facets) {
      for (const [value, label] of f.values) {
        this.facetIds.set(f.field + '\u0000' + value, this.facetById.length);
        this.facetById.push({ field: f.field, value, label });
      }
    }
    this.analyzer = createAnalyzer(manifest.analysis,
      async () => JSON.parse(utf8.decode(await fetchBytes(new URL(manifest.unicode, base)))));
    this.decoded = new Map();
  }

  file(rel) {
    if (!this.files.has(rel)) {
      const p = fetchBytes(new URL(rel, this.folder));
      p.catch(() => this.files.delete(rel));
      this.files.set(rel, p);
    }
    return this.files.get(rel);
  }

  /** One gzip member of a pack file, inflated (agora-packs.js, imported by a language that has packs). */
  member(rel, offset, length) { return packs.member(this, rel, offset, length, { fetchRaw, inflate }); }

  /** Memoised parse of a file. */
  parsed(rel, parse) {
    const key = 'parsed:' + rel;
    if (!this.decoded.has(key)) {
      const p = this.file(rel).then(parse);
      p.catch(() => this.decoded.delete(key));
      this.decoded.set(key, p);
    }
    return this.decoded.get(key);
  }

  async entry(term) {
    if (!this.manifest.termShards) return null;
    const shard = fnv1a(term) % this.manifest.termShards;
    const dict = await this.parsed(`t/${shard}.bin`, (bytes) => parseDictionary(bytes, shard, this.manifest.packs !== false));
    return dict.get(term) || null;
  }

  /** Without packs, a file written in pieces (name.0.bin, name.1.bin, …) when large: fetched together, joined in order. */
  async chunks(name, count) {
    if (count === 1) return this.file(`${name}.bin`);
    const parts = await Promise.all(Array.from({ length: count }, (_, c) => this.file(`${name}.${c}.bin`)));
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { joined.set(p, at); at += p.length; }
    return joined;
  }

  async hasTerm(term) { return (await this.entry(term)) !== null; }

  async postings(term) {
    const e = await this.entry(term);
    if (!e) return null;
    if (!e.postingsPromise) {
      e.postingsPromise = (e.inline ? Promise.resolve(e.inline)
        : e.seg ? this.member(`p/${e.seg.pack}.bin`, e.seg.base + e.postingsOffset, e.postingsLength)
          : this.chunks(`p/${e.shard}-${e.file}`, e.fileChunks))
        .then((bytes) => new Postings(bytes, e.docCount));
      e.postingsPromise.catch(() => { e.postingsPromise = null; }); // a network error is not remembered
    }
    return e.postingsPromise;
  }

  /** Positions of a term: for posting i and field f, an ascending array (or undefined). */
  async positions(term) {
    const e = await this.entry(term);
    const postings = await this.postings(term);
    if (!e || !postings) return null;
    if (!e.positionsPromise) {
      const seg = e.seg;
      const bytes = !seg ? (e.positionsFile
        ? this.chunks(`x/${e.shard}-${e.positionsFile}`, e.positionsChunks)
        : this.file(`x/${e.shard}.bin`).then((pack) => pack.subarray(e.positionsOffset, e.positionsOffset + e.positionsLength)))
        : e.positionsOwn
        ? this.member(`p/${seg.pack}.bin`, seg.base + e.positionsOffset, e.positionsLength)
        : this.member(`p/${seg.pack}.bin`, seg.base + seg.positionsOffset, seg.positionsLength)
          .then((pack) => pack.subarray(e.positionsOffset, e.positionsOffset + e.positionsLength));
      e.positionsPromise = bytes.then((b) => {
        const r = new Reader(b);
        const out = new Array(postings.count * FIELD_COUNT);
        for (let i = 0; i < postings.count; i++) {
          for (let f = 0; f < FIELD_COUNT; f++) {
            const tf = postings.tf[i * FIELD_COUNT + f];
            if (!tf) continue;
            const pos = new Int32Array(tf);
            let last = 0;
            for (let k = 0; k < tf; k++) { last += r.varint(); pos[k] = last; }
            out[i * FIELD_COUNT + f] = pos;
          }
        }
        return out;
      });
      e.positionsPromise.catch(() => { e.positionsPromise = null; });
    }
    return e.positionsPromise;
  }

  /** Surface words starting with prefix (length >= 2), whose term is in the index. */
  async withPrefix(prefix) {
    if (!this.manifest.wordShards) return [];
    const key = wordKey(prefix);
    const shard = fnv1a(key) % this.manifest.wordShards;
    const words = await this.parsed(`w/${shard}.bin`, parseWords);
    return words.filter((w) => w.word.startsWith(prefix));
  }

  /** Loads the facet shards covering these documents (one request each, in parallel). */
  async loadFacets(docs) {
    const per = this.manifest.facetDocsPerShard;
    const shards = new Set();
    for (const d of docs) shards.add(Math.floor(d / per));
    await this.loadFacetShards(shards);
  }

  async loadFacetShards(shards) {
    const per = this.manifest.facetDocsPerShard;
    const withLengths = this.manifest.dataDocsPerFile > 1;
    this.facetShards ??= new Map();
    this.dataLengths ??= new Map();
    await Promise.all([...shards].filter((k) => !this.facetShards.has(k)).map(async (k) => {
      const table = await this.parsed(`f/${k}.bin`, (bytes) => {
        const r = new Reader(bytes);
        const out = [];
        const n = Math.min(per, this.manifest.docCount - k * per);
        const lengths = new Int32Array(withLengths ? n : 0);
        for (let d = 0; d < n; d++) {
          const count = r.varint();
          const ids = new Int32Array(count);
          for (let j = 0; j < count; j++) ids[j] = r.varint();
          out.push(ids);
        }
        // after the ids, three byte planes: bits 16-23, 8-15 and 0-7 of each length
        for (let shift = 16; withLengths && shift >= 0; shift -= 8) {
          for (let d = 0; d < n; d++) lengths[d] |= bytes[r.pos++] << shift;
        }
        return { ids: out, lengths };
      });
      this.dataLengths.set(k, table.lengths);
      this.facetShards.set(k, table.ids);
    }));
  }

  /** The facet value ids of a document whose shard loadFacets loaded. */
  facetsOf(doc) {
    const per = this.manifest.facetDocsPerShard;
    return this.facetShards.get(Math.floor(doc / per))[doc % per];
  }

  /** A result's data: a file of its own, or a member of a bundle (agora-packs.js). */
  fragment(doc) {
    if ((this.manifest.dataDocsPerFile || 1) > 1) return packs.fragment(this, doc);
    return this.parsed(`d/${doc}.bin`, (bytes) => JSON.parse(utf8.decode(bytes)));
  }

  /** The texts of a document's attachments, in the order of its result data's attachments. */
  attachmentTexts(doc) {
    return this.parsed(`a/${doc}.bin`, (bytes) => JSON.parse(utf8.decode(bytes)));
  }

  /** Whether a document's attachments hold one of these terms, read from the postings (already loaded by the search). */
  async attachmentsHoldAny(doc, terms) {
    const f = this.attachmentsField;
    if (f < 0) return false;
    for (const term of terms) {
      const p = await this.postings(term);
      if (!p || !p.df[f]) continue;
      let lo = 0;
      let hi = p.count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (p.docs[mid] === doc) { if (p.tf[mid * FIELD_COUNT + f]) return true; break; }
        if (p.docs[mid] < doc) lo = mid + 1; else hi = mid - 1;
      }
    }
    return false;
  }
}

/** A word's surface-word shard key: its first two characters (code points), as IndexExporter.wordKey. */
function wordKey(word) { return Array.from(word).slice(0, 2).join(''); }

function parseDictionary(bytes, shard, packs) {
  const r = new Reader(bytes);
  const n = r.varint();
  // where the shard's pack members start, and its member of small positions
  const seg = packs ? { pack: r.varint(), base: r.varint(), positionsOffset: r.varint(), positionsLength: r.varint() } : null;
  const dict = new Map();
  for (let i = 0; i < n; i++) {
    const term = r.string();
    const e = { shard, seg, docCount: r.varint() };
    const len = r.varint();
    if (len > 0) e.inline = r.bytes(len);
    else if (packs) { e.postingsOffset = r.varint(); e.postingsLength = r.varint(); }
    else { e.file = r.varint(); e.fileChunks = r.varint(); }
    if (packs) {
      e.positionsOwn = r.varint() === 1;
      e.positionsOffset = r.varint();
      e.positionsLength = r.varint();
    } else {
      // files of format 2: 0, offset, length in x/<shard>.bin, or k and pieces of x/<shard>-<k>.bin
      const kind = r.varint();
      if (kind === 0) { e.positionsOffset = r.varint(); e.positionsLength = r.varint(); } else {
        e.positionsFile = kind;
        e.positionsChunks = r.varint();
      }
    }
    dict.set(term, e);
  }
  return dict;
}

function parseWords(bytes) {
  const r = new Reader(bytes);
  const n = r.varint();
  const out = [];
  let previous = '';
  for (let i = 0; i < n; i++) {
    const shared = r.varint();
    const word = previous.substring(0, shared) + r.string();
    const df = r.varint();
    const termShared = r.varint();
    const term = word.substring(0, termShared) + r.string();
    out.push({ word, df, term });
    previous = word;
  }
  return out;
}

async function loadJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search: ${url} answered ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------------
// Query plan: the rules of org.agora.search.QueryPlanner

const PREFIX_MIN_LENGTH = 2;
const TITLE_BONUS = 1000;
const PREFIX_MAX_TERMS = 10;
const MAX_CLAUSES = 64;

function sameClause(a, b) {
  return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
}

async function plan(index, parts, prefix, filters) {
  const an = index.analyzer;
  await an.prepare(parts.map((p) => p.text).join(' '));
  const prefixIndex = prefix && parts.length && !parts[parts.length - 1].phrase && !parts[parts.length - 1].excluded
    ? parts.length - 1 : -1;
  let anyPositive = false;
  let anyTerm = false;
  for (const p of parts) {
    if (p.excluded) continue;
    anyPositive = true;
    if (an.analyze(p.text).length) anyTerm = true;
  }
  const keepStopwords = anyPositive && !anyTerm;
  const analyze = (text) => an.analyze(text, { stopwords: !keepStopwords });
  const must = [];
  const mustNot = [];
  const analysed = parts.map((p) => analyze(p.text));
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const tokens = analysed[i];
    const target = [];
    let fuzzy = [];
    const last = keepStopwords ? -1 : synonymSpan(index, parts, analysed, i, prefixIndex);
    if (last >= i) {
      const terms = analysed.slice(i, last + 1).flatMap((ts) => ts.map((t) => t.term));
      target.push({ kind: 'synonyms', alternatives: synonymAlternatives(index, terms) });
      i = last;
    } else if (i === prefixIndex) {
      await addPrefixWord(index, p.text, tokens, target);
    } else if (!keepStopwords && !p.excluded && !p.phrase && (fuzzy = await unknownWordTerms(index, p.text, tokens)).length) {
      target.push({ kind: 'any', terms: fuzzy });
    } else if (p.phrase && tokens.length > 1) {
      const first = tokens[0].position;
      target.push({ kind: 'phrase', terms: tokens.map((t) => t.term), positions: tokens.map((t) => t.position - first) });
    } else {
      for (const t of tokens) target.push({ kind: 'term', term: t.term });
    }
    // A word given twice counts once, as in QueryPlanner.
    const into = p.excluded ? mustNot : must;
    for (const c of target) if (!into.some((x) => sameClause(x, c)) && into.length < MAX_CLAUSES) into.push(c);
  }
  const hasFilters = Object.keys(filters).some((k) => filters[k] && filters[k].length);
  return bounded({ must, mustNot, filters, matchAll: must.length === 0 && hasFilters, keepStopwords, required: must.length });
}

const MAX_TERMS = 128;

/** The plan within MAX_TERMS terms, as QueryPlanner.bounded. */
function bounded(plan) {
  const kept = (c) => (c.kind === 'term' ? 1 : c.kind === 'phrase' ? c.terms.length
    : c.kind === 'any' ? Math.min(1, c.terms.length) : c.alternatives[0].terms.length);
  let extra = MAX_TERMS - [...plan.must, ...plan.mustNot].reduce((n, c) => n + kept(c), 0);
  const must = plan.must.map((c) => {
    if (c.kind === 'any' && c.terms.length > 1) {
      const keep = 1 + Math.max(0, Math.min(c.terms.length - 1, extra));
      extra -= keep - 1;
      return { kind: 'any', terms: c.terms.slice(0, keep) };
    }
    if (c.kind === 'synonyms') {
      const alternatives = [c.alternatives[0]];
      for (const alt of c.alternatives.slice(1)) {
        if (alt.terms.length > extra) break;
        extra -= alt.terms.length;
        alternatives.push(alt);
      }
      return { kind: 'synonyms', alternatives };
    }
    return c;
  });
  return { ...plan, must };
}

const SYNONYM_MAX_WORDS = 8;

/** The site's words and phrases meaning the same as these terms, theirs first (Synonyms.alternatives). */
function synonymAlternatives(index, terms) {
  const out = [];
  const key = JSON.stringify(terms);
  const has = (e) => out.some((x) => JSON.stringify(x) === JSON.stringify(e));
  for (const group of index.manifest.synonyms || []) {
    const own = group.find((e) => JSON.stringify(e.terms) === key);
    if (!own) continue;
    if (!out.length) out.push(own);
    for (const e of group) if (!has(e)) out.push(e);
  }
  return out;
}

/** The last word of the longest run from `first` that spells a synonym, or -1 (QueryPlanner.synonymSpan). */
function synonymSpan(index, parts, analysed, first, prefixIndex) {
  if (!(index.manifest.synonyms || []).length || !analysed[first].length) return -1;
  let end = first;
  while (end < parts.length && end - first < SYNONYM_MAX_WORDS && end !== prefixIndex
    && !parts[end].phrase && !parts[end].excluded) end++;
  for (let last = end - 1; last >= first; last--) {
    if (!analysed[last].length) continue;
    const terms = analysed.slice(first, last + 1).flatMap((ts) => ts.map((t) => t.term));
    if (synonymAlternatives(index, terms).length) return last;
  }
  return -1;
}

/** The plans with `missing` clauses fewer required (Lucene's minimumShouldMatch), as Searcher.relaxed. */
function relaxed(perLanguage, missing) {
  return perLanguage.filter((r) => !r.plan.matchAll && r.plan.must.length - missing >= 1)
    .map((r) => ({ index: r.index, plan: { ...r.plan, required: r.plan.must.length - missing } }));
}

/** The words as typed that no searched index holds, as Searcher.unknownWords. */
async function unknownWords(indexes, parts, prefix) {
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.phrase || p.excluded || (prefix && i === parts.length - 1)) continue;
    let anyTerm = false;
    let known = false;
    for (const index of indexes) {
      await index.analyzer.prepare(p.text);
      for (const t of index.analyzer.analyze(p.text)) {
        anyTerm = true;
        if (await index.hasTerm(t.term)) known = true;
      }
    }
    if (anyTerm && !known && !out.includes(p.text)) out.push(p.text);
  }
  return out;
}

const FUZZY_MAX_TERMS = 5;
const UNKNOWN_PREFIX_MIN_LENGTH = 4;

/** The terms a word no document has stands for: the words it begins, or else the closest (QueryPlanner.unknownWordTerms). */
async function unknownWordTerms(index, text, tokens) {
  if (tokens.length !== 1 || await index.hasTerm(tokens[0].term)) return [];
  const surfaces = index.analyzer.analyze(text, { stopwords: false, stem: false });
  if (surfaces.length !== 1) return [];
  const w = surfaces[0].term;
  if (Array.from(w).length >= UNKNOWN_PREFIX_MIN_LENGTH) {
    const longer = (await index.withPrefix(w)).filter((s) => s.word !== w);
    if (longer.length) return mostFrequentTerms(longer, PREFIX_MAX_TERMS);
  }
  return fuzzyTerms(index, text, tokens);
}

function mostFrequentTerms(words, max) {
  const sorted = [...words].sort((a, b) => (b.df - a.df) || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const terms = [];
  for (const s of sorted) {
    if (terms.length >= max) break;
    if (!terms.includes(s.term)) terms.push(s.term);
  }
  return terms;
}

/** The terms a word no document has stands for: the rule of QueryPlanner.fuzzyTerms. */
async function fuzzyTerms(index, text, tokens) {
  if (tokens.length !== 1 || await index.hasTerm(tokens[0].term)) return [];
  const surfaces = index.analyzer.analyze(text, { stopwords: false, stem: false });
  if (surfaces.length !== 1) return [];
  const w = surfaces[0].term;
  if (w.length < SPELLING_MIN_LENGTH) return [];
  const maxEdits = w.length <= 5 ? 1 : 2;
  let best = maxEdits + 1;
  let closest = [];
  for (const s of await index.withPrefix(wordKey(w))) {
    if (s.word === w) continue;
    const d = distance(w, s.word, maxEdits);
    if (d > maxEdits || d > best) continue;
    if (d < best) { best = d; closest = []; }
    closest.push(s);
  }
  return mostFrequentTerms(closest, FUZZY_MAX_TERMS);
}

async function addPrefixWord(index, text, tokens, must) {
  const surfaces = index.analyzer.analyze(text, { stopwords: false, stem: false });
  if (!surfaces.length) {
    for (const t of tokens) must.push({ kind: 'term', term: t.term });
    return;
  }
  const last = surfaces[surfaces.length - 1];
  let exact = null;
  for (const t of tokens) {
    if (t.start === last.start) exact = t.term;
    else must.push({ kind: 'term', term: t.term });
  }
  const terms = [];
  if (exact !== null && await index.hasTerm(exact)) terms.push(exact);
  if (Array.from(last.term).length >= PREFIX_MIN_LENGTH) {
    const candidates = (await index.withPrefix(last.term)).slice();
    candidates.sort((a, b) => (b.df - a.df) || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    for (const s of candidates) {
      if (terms.length >= PREFIX_MAX_TERMS) break;
      if (!terms.includes(s.term)) terms.push(s.term);
    }
  } else if (exact === null) {
    return;
  }
  must.push({ kind: 'any', terms });
}

// ---------------------------------------------------------------------------------------------------
// Running a plan: matching documents and their scores

/**
 * The documents one clause matches, ascending, with their float scores: a flat disjunction over the
 * text fields (and over the terms of a prefix, or the words and phrases of synonyms), summed in double and
 * rounded once, as Lucene does.
 */
async function clauseScores(index, clause) {
  const docCount = index.manifest.docCount;
  // titled: documents whose title (field 0) has the clause's words (one of its terms, every term of a phrase).
  const acc = { sums: new Float64Array(docCount), hit: new Uint8Array(docCount), titled: new Uint8Array(docCount) };
  if (clause.kind === 'term') await addTerms(index, [clause.term], acc);
  else if (clause.kind === 'any') await addTerms(index, clause.terms, acc);
  else if (clause.kind === 'phrase') await addPhrase(index, clause.terms, clause.positions, acc);
  else {
    await Promise.all(clause.alternatives.map((alt) => (alt.terms.length === 1
      ? addTerms(index, alt.terms, acc) : addPhrase(index, alt.terms, alt.positions, acc))));
  }
  return collect(acc.sums, acc.hit, acc.titled);
}

async function addTerms(index, terms, { sums, hit, titled }) {
  const lists = await Promise.all(terms.map((t) => index.postings(t)));
  for (const p of lists) {
    if (!p) continue;
    for (let i = 0; i < p.count; i++) if (p.tf[i * FIELD_COUNT]) titled[p.docs[i]] = 1;
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (!p.df[f]) continue;
      const field = index.fields[f];
      const weight = field.weight(idf(p.df[f], field.docCount));
      for (let i = 0; i < p.count; i++) {
        const tf = p.tf[i * FIELD_COUNT + f];
        if (!tf) continue;
        const doc = p.docs[i];
        sums[doc] += field.score(weight, tf, p.norm[i * FIELD_COUNT + f]);
        hit[doc] = 1;
      }
    }
  }
}

// Per field, the documents holding every term at the right relative positions.
async function addPhrase(index, terms, relative, { sums, hit, titled }) {
  const docCount = index.manifest.docCount;
  const lists = await Promise.all(terms.map((t) => index.postings(t)));
  if (lists.some((p) => !p)) return;
  const inTitle = new Uint8Array(docCount);
  for (const p of lists) for (let i = 0; i < p.count; i++) if (p.tf[i * FIELD_COUNT]) inTitle[p.docs[i]]++;
  for (let d = 0; d < docCount; d++) if (inTitle[d] === lists.length) titled[d] = 1;
  const positions = await Promise.all(terms.map((t) => index.positions(t)));
  for (let f = 0; f < FIELD_COUNT; f++) {
    const field = index.fields[f];
    if (lists.some((p) => !p.df[f])) continue;
    let idfSum = 0;
    for (const p of lists) idfSum += idf(p.df[f], field.docCount);
    const weight = field.weight(f32(idfSum));
    const indexOf = lists.map((p) => {
      const m = new Map();
      for (let i = 0; i < p.count; i++) if (p.tf[i * FIELD_COUNT + f]) m.set(p.docs[i], i);
      return m;
    });
    const lead = lists[0];
    for (let i = 0; i < lead.count; i++) {
      if (!lead.tf[i * FIELD_COUNT + f]) continue;
      const doc = lead.docs[i];
      const at = indexOf.map((m) => m.get(doc));
      if (at.some((x) => x === undefined)) continue;
      const pos = at.map((k, t) => positions[t][k * FIELD_COUNT + f]);
      let freq = 0;
      for (const p0 of pos[0]) {
        const start = p0 - relative[0];
        let all = true;
        for (let t = 1; t < pos.length && all; t++) all = includes(pos[t], start + relative[t]);
        if (all) freq++;
      }
      if (!freq) continue;
      sums[doc] += field.score(weight, freq, lead.norm[i * FIELD_COUNT + f]);
      hit[doc] = 1;
    }
  }
}

function collect(sums, hit, titled) {
  let n = 0;
  for (let d = 0; d < hit.length; d++) n += hit[d];
  const docs = new Int32Array(n);
  const scores = new Float32Array(n); // a Float32Array rounds as Math.fround does
  for (let d = 0, k = 0; d < hit.length; d++) {
    if (hit[d]) { docs[k] = d; scores[k] = sums[d]; k++; }
  }
  return { docs, scores, titled };
}

function includes(sorted, value) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** Every matching document of one language with its score, in Lucene's order (score, then document). */
async function run(index, p) {
  const docCount = index.manifest.docCount;
  const sums = new Float64Array(docCount);
  const matched = new Uint8Array(docCount);
  if (p.matchAll) {
    sums.fill(1);
    matched.fill(1);
  } else {
    if (!p.must.length) return [];
    const perClause = await Promise.all(p.must.map((c) => clauseScores(index, c)));
    const counts = new Uint8Array(docCount);
    const titleWords = new Uint8Array(docCount);
    for (const { docs, scores, titled } of perClause) {
      for (let i = 0; i < docs.length; i++) { counts[docs[i]]++; sums[docs[i]] += scores[i]; }
      for (let d = 0; d < docCount; d++) titleWords[d] += titled[d];
    }
    for (let d = 0; d < docCount; d++) {
      matched[d] = counts[d] >= p.required ? 1 : 0;
      // LuceneQueries.TITLE_BONUS: the words' score rounded to a float, then the bonus added, rounded again.
      if (titleWords[d] === p.must.length) sums[d] = f32(sums[d]) + TITLE_BONUS;
    }
  }
  if (p.mustNot.length) {
    const excluded = await Promise.all(p.mustNot.map((c) => clauseScores(index, c)));
    for (const { docs } of excluded) for (const d of docs) matched[d] = 0;
  }
  let docs = [];
  for (let d = 0; d < docCount; d++) if (matched[d]) docs.push(d);
  const fields = Object.keys(p.filters).filter((k) => p.filters[k] && p.filters[k].length);
  if (fields.length && docs.length) {
    await index.loadFacets(docs);
    const wanted = fields.map((field) => new Set(p.filters[field]
      .map((v) => index.facetIds.get(field + '\u0000' + v)).filter((id) => id !== undefined)));
    docs = docs.filter((doc) => {
      const ids = index.facetsOf(doc);
      return wanted.every((set) => ids.some((id) => set.has(id)));
    });
  }
  const hits = docs.map((doc) => ({ doc, score: f32(sums[doc]), index }));
  hits.sort((a, b) => (b.score - a.score) || (a.doc - b.doc));
  return hits;
}

// ---------------------------------------------------------------------------------------------------
// "Did you mean": the rule of org.agora.search.Spelling

const SPELLING_MIN_LENGTH = 3;

async function suggest(index, parts) {
  const an = index.analyzer;
  const replacements = new Map();
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.phrase || p.excluded) continue;
    const surfaces = an.analyze(p.text, { stopwords: false, stem: false });
    if (surfaces.length !== 1) continue;
    const terms = an.analyze(p.text);
    if (!terms.length) continue;
    const known = await Promise.all(terms.map((t) => index.hasTerm(t.term)));
    if (known.some(Boolean)) continue;
    const w = surfaces[0].term;
    if (w.length < SPELLING_MIN_LENGTH) continue;
    const maxEdits = w.length <= 5 ? 1 : 2;
    let best = null;
    let bestDistance = Infinity;
    for (const s of await index.withPrefix(wordKey(w))) {
      if (s.word === w) continue;
      const d = distance(w, s.word, maxEdits);
      if (d > maxEdits) continue;
      if (best === null || d < bestDistance || (d === bestDistance && (s.df > best.df || (s.df === best.df && s.word < best.word)))) {
        best = s;
        bestDistance = d;
      }
    }
    if (best) replacements.set(i, best.word);
  }
  return replacements.size ? [writeQuery(parts, replacements)] : [];
}

function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

// ---------------------------------------------------------------------------------------------------
// Excerpts: the passage of the text with the most query words, split into plain and matched pieces

const EXCERPT_LENGTH = 220;
const EXCERPT_CONTEXT = 60;

/**
 * The best passage of a text: the query words it holds and its first one. Its score (distinct words × 1000
 * plus occurrences, 0 without any) is Excerpts.bestPassage's, which decides in Java as here whether a
 * result's excerpt comes from an attachment.
 */
function bestPassage(analyzer, text, terms, keepStopwords) {
  if (!text) return { score: 0, hits: [], best: 0 };
  const tokens = analyzer.analyze(text, { stopwords: !keepStopwords, parts: true });
  const hits = tokens.filter((t) => terms.has(t.term));
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set();
    let count = 0;
    for (let j = i; j < hits.length && hits[j].end - hits[i].start <= EXCERPT_LENGTH - 40; j++) {
      seen.add(hits[j].term);
      count++;
    }
    const score = seen.size * 1000 + count;
    if (score > bestScore) { bestScore = score; best = i; }
  }
  return { score: bestScore, hits, best };
}

function excerpt(text, passage) {
  if (!text) return [];
  const { hits, best } = passage;
  if (!hits.length) return [{ text: clip(text, 0, EXCERPT_LENGTH), match: false }];
  // Some words before the best passage, so a reader sees what it is about: from a whole word about
  // EXCERPT_CONTEXT characters before it (the word that straddles that point is kept whole).
  let start = Math.max(0, hits[best].start - EXCERPT_CONTEXT);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 ? space + 1 : 0;
  }
  // Long enough for the whole passage bestPassage rated, whatever the words before it took.
  let end = Math.min(text.length, Math.max(start + EXCERPT_LENGTH, hits[best].start + EXCERPT_LENGTH - 40));
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > hits[best].end) end = space;
  }
  const pieces = [];
  let at = start;
  for (const h of hits) {
    if (h.start < start || h.end > end) continue;
    if (h.start > at) pieces.push({ text: text.substring(at, h.start), match: false });
    pieces.push({ text: text.substring(h.start, h.end), match: true });
    at = h.end;
  }
  if (at < end) pieces.push({ text: text.substring(at, end), match: false });
  if (start > 0) pieces.unshift({ text: '… ', match: false });
  if (end < text.length) pieces.push({ text: ' …', match: false });
  return pieces.map((p) => ({ text: p.text.replace(/\s+/g, ' '), match: p.match }));
}

function clip(text, from, length) {
  if (text.length <= from + length) return text.substring(from).replace(/\s+/g, ' ');
  const space = text.lastIndexOf(' ', from + length);
  return text.substring(from, space > from ? space : from + length).replace(/\s+/g, ' ') + ' …';
}

function planTerms(p) {
  const terms = new Set();
  for (const c of p.must) {
    if (c.kind === 'term') terms.add(c.term);
    else if (c.kind === 'synonyms') for (const alt of c.alternatives) for (const t of alt.terms) terms.add(t);
    else for (const t of c.terms) terms.add(t);
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------------
// The engine

class Engine {
  constructor(base) {
    this.base = base;
    this.indexes = new Map();
  }

  index(lang) {
    if (!this.indexes.has(lang)) {
      // The Range reader is a module of its own, fetched with the manifest of a language that has packs
      // (a site past its file budget), so the runtime of every other site stays as small as before packs.
      const p = loadJson(new URL(`${lang}.json`, this.base)).then(async (m) => {
        if (m.packs && !packs) packs = await import('./agora-packs.js');
        return new LanguageIndex(this.base, m);
      });
      p.catch(() => this.indexes.delete(lang));
      this.indexes.set(lang, p);
    }
    return this.indexes.get(lang);
  }

  /**
   * Searches. options: language (default: the engine's), allLanguages, filters {field: [values]},
   * prefix (last word as a prefix, for search as you type), page (from 1), pageSize (default 10).
   */
  async search(query, options = {}) {
    const page = Math.max(1, options.page || 1);
    const pageSize = Math.max(1, options.pageSize || 10);
    const filters = { ...(options.filters || {}) };
    const language = options.language || this.language;
    const own = await this.index(language);
    let languages = options.allLanguages ? own.manifest.languages.map((l) => l.code) : [language];
    // The language facet (all languages) chooses indexes; documents carry no language field to filter on.
    const chosen = filters.language && filters.language.length ? filters.language : null;
    delete filters.language;
    if (chosen && options.allLanguages) languages = languages.filter((code) => chosen.includes(code));
    const parts = parseQuery(query || '');
    const planned = await Promise.all(languages.map(async (code) => {
      const index = await this.index(code);
      return { index, plan: await plan(index, parts, !!options.prefix, filters) };
    }));
    const runAll = (plans) => Promise.all(plans.map(async (r) => ({ ...r, hits: await run(r.index, r.plan) })));
    let perLanguage = await runAll(planned);
    const strictTotal = perLanguage.reduce((n, r) => n + r.hits.length, 0);
    let partial = null;
    let unknown = [];
    if (strictTotal === 0) {
      // No document has every word: those with the most of them, fewer words missing first (Searcher.search).
      const most = Math.max(0, ...planned.filter((r) => !r.plan.matchAll).map((r) => r.plan.must.length));
      for (let missing = 1; missing < most; missing++) {
        const found = await runAll(relaxed(planned, missing));
        if (!found.some((r) => r.hits.length)) continue;
        perLanguage = found;
        const mine = found.find((r) => r.index.language === language) || found[0];
        partial = { matched: mine.plan.required, of: mine.plan.must.length };
        break;
      }
    }
    // Words no page has are named, and a query with one gets "did you mean", as in Searcher.search.
    unknown = await unknownWords(planned.map((r) => r.index), parts, !!options.prefix);
    const order = own.manifest.languages.map((l) => l.code);
    const all = perLanguage.flatMap((r) => r.hits);
    // The reader's language first, then by score, language order, document (Searcher.matches).
    const foreign = (h) => (h.index.language === language ? 0 : 1);
    all.sort((a, b) => (foreign(a) - foreign(b)) || (b.score - a.score)
      || (order.indexOf(a.index.language) - order.indexOf(b.index.language)) || (a.doc - b.doc));
    const total = all.length;
    const slice = all.slice((page - 1) * pageSize, page * pageSize);
    const [results, facets, suggestions] = await Promise.all([
      Promise.all(slice.map((h) => this.result(h, perLanguage.find((r) => r.index === h.index).plan, own))),
      this.facets(perLanguage, options.filters || {}, own, !!options.allLanguages),
      unknown.length || strictTotal === 0 ? suggest(own, parts) : Promise.resolve([]),
    ]);
    return { query, total, page, pageSize, pages: Math.ceil(total / pageSize), results, facets, suggestions, partial,
      unknownWords: unknown };
  }

  async result(hit, p, own) {
    const index = hit.index;
    const data = await index.fragment(hit.doc);
    const text = data.text || '';
    await index.analyzer.prepare(text + ' ' + (data.summary || ''));
    const terms = planTerms(p);
    let source = text;
    let passage = bestPassage(index.analyzer, text, terms, p.keepStopwords);
    if (!passage.score && data.summary) {
      source = data.summary;
      passage = bestPassage(index.analyzer, data.summary, terms, p.keepStopwords);
    }
    // An attachment holding a better passage gives the excerpt and is named; its text is fetched only
    // when the postings say that it holds a query word.
    let attachment = null;
    if (data.attachments && terms.size && await index.attachmentsHoldAny(hit.doc, terms)) {
      const texts = await index.attachmentTexts(hit.doc);
      await index.analyzer.prepare(texts.join(' '));
      texts.forEach((t, k) => {
        const candidate = bestPassage(index.analyzer, t, terms, p.keepStopwords);
        if (candidate.score > passage.score) {
          passage = candidate;
          source = t;
          attachment = { title: data.attachments[k].title, url: data.attachments[k].url };
        }
      });
    }
    const pieces = excerpt(source, passage);
    const type = data.type ? index.facetById[index.facetIds.get('type\u0000' + data.type)] : null;
    const languageEntry = own.manifest.languages.find((l) => l.code === index.language);
    return {
      url: data.url,
      title: data.title,
      language: index.language,
      languageLabel: languageEntry ? languageEntry.label : index.language,
      score: hit.score,
      doc: hit.doc,
      date: data.date || null,
      dateText: data.dateText || null,
      type: data.type || null,
      translation: data.translation || null,
      typeLabel: type ? type.label : (data.type || null),
      summary: data.summary || '',
      excerpt: pieces,
      attachment,
    };
  }

  async facets(perLanguage, filters, own, allLanguages) {
    const counts = new Map(); // field -> Map(value -> {label, count})
    for (const { index, hits } of perLanguage) {
      if (!hits.length) continue;
      await index.loadFacets(hits.map((h) => h.doc));
      const perId = new Int32Array(index.facetById.length);
      for (const h of hits) for (const id of index.facetsOf(h.doc)) perId[id]++;
      for (let id = 0; id < perId.length; id++) {
        if (!perId[id]) continue;
        const v = index.facetById[id];
        if (!counts.has(v.field)) counts.set(v.field, new Map());
        const m = counts.get(v.field);
        const e = m.get(v.value) || { label: v.label, count: 0 };
        if (index === own) e.label = v.label;
        e.count += perId[id];
        m.set(v.value, e);
      }
    }
    if (allLanguages) {
      const m = new Map();
      for (const { index, hits } of perLanguage) {
        if (!hits.length) continue;
        const l = own.manifest.languages.find((x) => x.code === index.language);
        m.set(index.language, { label: l ? l.label : index.language, count: hits.length });
      }
      counts.set('language', m);
    }
    const fieldLabels = new Map(own.manifest.facets.map((f) => [f.field, f.label]));
    const out = [];
    const fieldOrder = own.manifest.facets.map((f) => f.field);
    if (allLanguages) fieldOrder.push('language');
    for (const field of fieldOrder) {
      const m = counts.get(field) || new Map();
      const selected = new Set(filters[field] || []);
      for (const v of selected) if (!m.has(v)) m.set(v, { label: own.facetById[own.facetIds.get(field + '\u0000' + v)]?.label || v, count: 0 });
      if (!m.size) continue;
      const values = [...m].map(([value, e]) => ({ value, label: e.label, count: e.count, selected: selected.has(value) }));
      values.sort((a, b) => (b.count - a.count) || a.label.localeCompare(b.label));
      out.push({ field, label: field === 'language' ? (own.manifest.languageFacetLabel || 'Language') : fieldLabels.get(field), values });
    }
    return out;
  }
}
