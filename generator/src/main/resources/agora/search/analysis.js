// The browser's twin of org.agora.search.Analyzers: Lucene 10.6.0's analysis chains for en, fr and nl
// (tokenise, possessive or elision, lower-case, stop words, ASCII folding, stemming) and
// tokenise + lower-case + fold for other languages. Every table comes from AnalysisTables.java.
// Tokenising runs Lucene's own StandardTokenizer automaton over those tables instead of
// Intl.Segmenter, whose rules, Unicode version and CJK/Thai dictionaries vary between browsers and
// differ from Lucene's; so a query splits exactly as the index did. AnalysisParityTest proves
// terms, positions and offsets equal Lucene's over the corpus and large word lists.

const STEMMERS = {porter: './stem-porter.js', 'french-light': './stem-french-light.js', dutch: './stem-dutch.js'};
const NON_ASCII = /[^\0-\x7f]/;

/**
 * langTable: AnalysisTables.forLanguage(lang); loadUnicode: async () => AnalysisTables.unicode(),
 * fetched only when some text has a non-ASCII character.
 */
export function createAnalyzer(langTable, loadUnicode) {
  const {ascii, rowmap, attributes, actions, trans, skipAction, maxTokenLength} = langTable.tokenizer;
  const stopwords = new Set(langTable.stopwords);
  const articles = langTable.elision ? new Set(langTable.elision) : null;
  const overrides = new Map(Object.entries(langTable.overrides || {}));
  const stemmer = langTable.stemmer || 'none';
  if (stemmer !== 'none' && !STEMMERS[stemmer]) throw new Error(`analysis.js: unknown stemmer "${stemmer}"`);
  let stemWord = stemmer === 'none' ? (word) => word : null;
  // Excerpts analyse whole documents, in which most words repeat: stem each distinct word once.
  const stems = new Map();
  function stemCached(word) {
    let s = stems.get(word);
    if (s === undefined) {
      s = overrides.get(word) ?? stemWord(word);
      if (stems.size >= 50000) stems.clear();
      stems.set(word, s);
    }
    return s;
  }
  let unicode = null;
  let stemLoading = null;
  let unicodeLoading = null;

  /** Loads what analyze(text) will need: the stemmer, and the Unicode tables if text is not ASCII. */
  async function prepare(text = '') {
    const loads = [];
    if (!stemWord) {
      stemLoading ??= import(new URL(STEMMERS[stemmer], import.meta.url))
        .then((module) => { stemWord = module.stem; }, (e) => { stemLoading = null; throw e; });
      loads.push(stemLoading);
    }
    if (!unicode && NON_ASCII.test(text)) {
      unicodeLoading ??= Promise.resolve().then(loadUnicode)
        .then((table) => { unicode = indexUnicode(table); }, (e) => { unicodeLoading = null; throw e; });
      loads.push(unicodeLoading);
    }
    await Promise.all(loads);
  }

  /**
   * Lucene's tokens for text: FULL by default, {stopwords: false} = KEEP_STOPWORDS, {stopwords: false, stem: false}
   * = SURFACE; {parts: true} adds the parts of identifiers at their word's position (Analyzers.Parts.IDENTIFIERS).
   */
  function analyze(text, {stopwords: removeStopwords = true, stem = true, parts = false} = {}) {
    const plain = !NON_ASCII.test(text);
    if (!unicode && !plain) {
      throw new Error('analysis.js: the text has non-ASCII characters; await prepare(text) before analyze(text)');
    }
    if (stem && !stemWord) throw new Error('analysis.js: the stemmer is not loaded; await prepare(text) before analyze(text)');
    const tokens = [];
    const spans = tokenize(text);
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i];
      const end = spans[i + 1];
      let word = text.slice(start, end);
      if (langTable.possessive) word = withoutPossessive(word);
      if (articles) word = withoutElision(word);
      const position = i / 2;
      const term = analyzeWord(word, plain, removeStopwords, stem);
      if (term !== null) tokens.push({term, position, start, end});
      if (!parts) continue;
      const split = wordParts(word);
      if (!split.length) continue;
      // WordPartsFilter: a part spans its own characters while the word still spans the token, else the token;
      // RemoveDuplicatesTokenFilter: a term once per position.
      const exact = end - start === word.length;
      const seen = new Set(term === null ? [] : [term]);
      for (let k = 0; k < split.length; k += 2) {
        const partTerm = analyzeWord(word.slice(split[k], split[k + 1]), plain, removeStopwords, stem);
        if (partTerm === null || seen.has(partTerm)) continue;
        seen.add(partTerm);
        tokens.push(exact ? {term: partTerm, position, start: start + split[k], end: start + split[k + 1]}
          : {term: partTerm, position, start, end});
      }
    }
    return tokens;
  }

  // Lower-case, stop words (null: removed, its position kept as Lucene's position increments keep it), fold, stem.
  function analyzeWord(word, plain, removeStopwords, stem) {
    let term = plain ? word.toLowerCase() : lowerCase(word);
    if (removeStopwords && stopwords.has(term)) return null;
    if (!plain) term = fold(term);
    if (stem && stemmer !== 'none') term = stemCached(term);
    return term;
  }

  // StandardTokenizerImpl.getNextToken: longest match of the JFlex automaton from each position;
  // matches of the "ignore it" rule are not tokens. Returns [start, end, start, end, ...].
  function tokenize(text) {
    const spans = [];
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      // The scanner's buffer holds maxTokenLength chars from the match start, so a longer word is
      // cut there; a high surrogate that would end a full buffer is held back for the next read.
      let limit = n;
      if (pos + maxTokenLength <= n) {
        limit = pos + maxTokenLength;
        if (isHighSurrogate(text.charCodeAt(limit - 1))) limit--;
      }
      let state = 0;
      let action = -1;
      let marked = pos;
      let cur = pos;
      while (cur < limit) {
        let cp = text.charCodeAt(cur++);
        if (isHighSurrogate(cp) && cur < limit) {
          const low = text.charCodeAt(cur);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            cur++;
          }
        }
        const next = trans[rowmap[state] + (cp < 128 ? ascii[cp] : charClass(cp))];
        if (next < 0) break;
        state = next;
        if (attributes[state] & 1) {
          action = actions[state];
          marked = cur;
          if (attributes[state] & 8) break;
        }
      }
      // Lucene's last rule matches any single character, so this only fails on foreign tables.
      if (action < 0) throw new Error('analysis.js: the tokenizer tables do not match this script');
      if (action !== skipAction) spans.push(pos, marked);
      pos = marked;
    }
    return spans;
  }

  function charClass(cp) {
    const starts = unicode.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return unicode.classes[lo];
  }

  // EnglishPossessiveFilter: a trailing 's after ', ’ or ＇ (before lower-casing, hence S).
  function withoutPossessive(term) {
    const n = term.length;
    if (n < 2) return term;
    const quote = term.charCodeAt(n - 2);
    const s = term.charCodeAt(n - 1);
    const isQuote = quote === 0x27 || quote === 0x2019 || quote === 0xff07;
    return isQuote && (s === 0x73 || s === 0x53) ? term.slice(0, n - 2) : term;
  }

  // ElisionFilter: the part before the first ' or ’ goes if it is an article, compared ignoring case.
  function withoutElision(term) {
    const a = term.indexOf("'");
    const b = term.indexOf('\u2019');
    const i = a < 0 || (b >= 0 && b < a) ? b : a;
    return i >= 0 && articles.has(lowerCase(term.slice(0, i))) ? term.slice(i + 1) : term;
  }

  // Java's Character.toLowerCase per code point (JavaScript's toLowerCase is context-sensitive
  // and maps some characters, like U+0130, to several).
  function lowerCase(term) {
    if (!NON_ASCII.test(term)) return term.toLowerCase();
    let out = '';
    for (const ch of term) {
      const cp = ch.codePointAt(0);
      const lower = cp < 128 ? undefined : unicode.lower[cp];
      out += cp < 128 ? ch.toLowerCase() : lower === undefined ? ch : String.fromCodePoint(lower);
    }
    return out;
  }

  // ASCIIFoldingFilter works on UTF-16 units, so code points beyond the BMP are never folded.
  function fold(term) {
    if (!NON_ASCII.test(term)) return term;
    let out = '';
    for (let i = 0; i < term.length; i++) {
      const folded = unicode.fold[term.charCodeAt(i)];
      out += folded === undefined ? term[i] : folded;
    }
    return out;
  }

  return {prepare, analyze};
}

// WordParts.of: [start, end, start, end, ...] of a word's parts, cut at . _ : and at ASCII case changes.
const WORD_PARTS_MAX = 16;
const isDelimiter = (c) => c === 0x2e || c === 0x5f || c === 0x3a;
const isUpper = (c) => c >= 0x41 && c <= 0x5a;
const isLower = (c) => c >= 0x61 && c <= 0x7a;

export function wordParts(w) {
  const n = w.length;
  const parts = [];
  if (n < 3 || !hasBoundary(w)) return parts;
  const segments = [];
  let from = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || isDelimiter(w.charCodeAt(i))) {
      if (i > from) segments.push(from, i);
      from = i + 1;
    }
  }
  const divided = segments.length > 2 || (segments.length === 2 && segments[1] - segments[0] < n);
  const add = (s, e) => {
    const length = e - s;
    if (length < 2 || length === n || parts.length >= 2 * WORD_PARTS_MAX) return;
    const text = w.slice(s, e);
    for (let k = 0; k < parts.length; k += 2) if (w.slice(parts[k], parts[k + 1]) === text) return;
    parts.push(s, e);
  };
  for (let k = 0; k < segments.length; k += 2) {
    const s = segments[k];
    const e = segments[k + 1];
    if (divided) add(s, e);
    const pieces = [];
    let start = s;
    for (let i = s + 1; i < e; i++) {
      const prev = w.charCodeAt(i - 1);
      const c = w.charCodeAt(i);
      if ((isLower(prev) && isUpper(c)) || (isUpper(prev) && isUpper(c) && i + 1 < e && isLower(w.charCodeAt(i + 1)))) {
        pieces.push(start, i);
        start = i;
      }
    }
    pieces.push(start, e);
    if (pieces.length > 2) for (let j = 0; j < pieces.length; j += 2) add(pieces[j], pieces[j + 1]);
  }
  return parts;
}

function hasBoundary(w) {
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const prev = w.charCodeAt(i - 1);
    if (isDelimiter(c) || (isUpper(c) && isLower(prev))
      || (i + 1 < w.length && isUpper(prev) && isUpper(c) && isLower(w.charCodeAt(i + 1)))) return true;
  }
  return isDelimiter(w.charCodeAt(0));
}

function isHighSurrogate(c) {
  return c >= 0xd800 && c <= 0xdbff;
}

// table.classes holds [length, class, ...] runs from U+0080 on; lookups need the start of each run.
function indexUnicode(table) {
  const runs = table.classes;
  const starts = new Int32Array(runs.length / 2);
  const classes = new Uint8Array(runs.length / 2);
  for (let i = 0, start = 0x80; i < starts.length; start += runs[2 * i], i++) {
    starts[i] = start;
    classes[i] = runs[2 * i + 1];
  }
  return {lower: table.lower, fold: table.fold, starts, classes};
}
