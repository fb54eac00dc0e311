// Port of org.tartarus.snowball.ext.DutchStemmer as shipped in Apache Lucene 10.6.0's
// lucene-analysis-common (Apache License 2.0; generated from Snowball's dutch.sbl, BSD licence,
// Copyright (c) 2001 Dr Martin Porter). It is Snowball's original Dutch algorithm (renamed
// "dutch_porter" in Snowball 3.0), not the newer Snowball "dutch" that later Lucene versions ship.
// Written out step by step instead of through a Snowball runtime; works on UTF-16 units like Java.

const ACCENTED = /[\u00e1\u00e4\u00e9\u00eb\u00ed\u00ef\u00f3\u00f6\u00fa\u00fc]/g;
const UNACCENTED = {
  '\u00e1': 'a', '\u00e4': 'a', '\u00e9': 'e', '\u00eb': 'e', '\u00ed': 'i',
  '\u00ef': 'i', '\u00f3': 'o', '\u00f6': 'o', '\u00fa': 'u', '\u00fc': 'u',
};

const isVowel = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === '\u00e8';
const consonantAt = (s, i) => i >= 0 && !isVowel(s[i]);
// The Snowball among {dd, kk, tt} followed by deleting one letter.
const undouble = (s) => (s.endsWith('dd') || s.endsWith('kk') || s.endsWith('tt') ? s.slice(0, -1) : s);

// -en or -ene from bra: removed after a consonant in R1, except after "gem".
function enEnding(s, bra, p1) {
  return p1 > bra || !consonantAt(s, bra - 1) || s.endsWith('gem', bra) ? s : undouble(s.slice(0, bra));
}

// A final -e after a consonant in R1 is removed; null when it is not (Snowball's e_found is false).
function eEnding(s, p1) {
  const bra = s.length - 1;
  return s[bra] === 'e' && p1 <= bra && consonantAt(s, bra - 1) ? undouble(s.slice(0, bra)) : null;
}

// Snowball's gopast v, gopast non-v from `from`: the index after that consonant, or -1.
function afterVowelThenConsonant(s, from) {
  let i = from;
  while (i < s.length && !isVowel(s[i])) i++;
  if (i++ >= s.length) return -1;
  while (i < s.length && isVowel(s[i])) i++;
  return i < s.length ? i + 1 : -1;
}

export function stem(word) {
  // prelude: drop accents, then mark consonantal y (initial or after a vowel) and i (between vowels)
  const plain = word.replace(ACCENTED, (c) => UNACCENTED[c]);
  let s = plain;
  if (MARKABLE.test(plain)) {
    s = '';
    let previous = '';
    for (let i = 0; i < plain.length; i++) {
      let c = plain[i];
      if (i === 0 ? c === 'y' : isVowel(previous) && (c === 'y' || (c === 'i' && isVowel(plain[i + 1])))) {
        c = c === 'y' ? 'Y' : 'I';
      }
      s += c;
      previous = c;
    }
  }

  // mark_regions: R1 starts after the first consonant that follows a vowel (at 3 at least), R2 likewise after that
  let p1 = s.length;
  let p2 = s.length;
  const r1 = afterVowelThenConsonant(s, 0);
  if (r1 >= 0) {
    p1 = Math.max(r1, 3);
    const r2 = afterVowelThenConsonant(s, r1);
    if (r2 >= 0) p2 = r2;
  }
  // The positions are fixed; every step below only cuts or rewrites the end of the word.
  // standard_suffix, step 1: -heden, -en(e), -s(e)
  let n = s.length;
  if (s.endsWith('heden')) {
    if (p1 <= n - 5) s = s.slice(0, -5) + 'heid';
  } else if (s.endsWith('ene')) {
    s = enEnding(s, n - 3, p1);
  } else if (s.endsWith('en')) {
    s = enEnding(s, n - 2, p1);
  } else if (s.endsWith('s') || s.endsWith('se')) {
    const bra = s.endsWith('s') ? n - 1 : n - 2;
    if (p1 <= bra && consonantAt(s, bra - 1) && s[bra - 1] !== 'j') s = s.slice(0, bra);
  }
  // step 2: -e
  const withoutE = eEnding(s, p1);
  if (withoutE !== null) s = withoutE;
  // step 3a: -heid
  n = s.length;
  if (s.endsWith('heid') && p2 <= n - 4 && s[n - 5] !== 'c') {
    s = s.slice(0, -4);
    if (s.endsWith('en')) s = enEnding(s, s.length - 2, p1);
  }
  // step 3b: -end, -ing, -ig, -lijk, -baar, -bar (no two of them end the same word)
  n = s.length;
  let suffix = null;
  for (const x of SUFFIXES) {
    if (s.endsWith(x)) {
      suffix = x;
      break;
    }
  }
  const bra = suffix ? n - suffix.length : -1;
  if (suffix && p2 <= bra) {
    if (suffix === 'end' || suffix === 'ing') {
      s = s.slice(0, bra);
      s = s.endsWith('ig') && p2 <= bra - 2 && s[bra - 3] !== 'e' ? s.slice(0, -2) : undouble(s);
    } else if (suffix === 'ig') {
      if (s[bra - 1] !== 'e') s = s.slice(0, bra);
    } else if (suffix === 'lijk') {
      s = s.slice(0, bra);
      s = eEnding(s, p1) ?? s;
    } else if (suffix === 'baar' || withoutE !== null) {
      s = s.slice(0, bra);
    }
  }
  // step 4: a doubled vowel between consonants is undoubled (maan -> man)
  n = s.length;
  if (n >= 4 && !isVowel(s[n - 1]) && s[n - 1] !== 'I' && !isVowel(s[n - 4])) {
    const vv = s.slice(n - 3, n - 1);
    if (vv === 'aa' || vv === 'ee' || vv === 'oo' || vv === 'uu') s = s.slice(0, n - 2) + s[n - 1];
  }
  // postlude
  return s.replace(/[IY]/g, (c) => c.toLowerCase());
}

const MARKABLE = /^y|[aeiouy\u00e8][iy]/;
const SUFFIXES = ['end', 'ing', 'ig', 'lijk', 'baar', 'bar'];
