// Port of org.apache.lucene.analysis.fr.FrenchLightStemmer from Apache Lucene 10.6.0 (Apache License
// 2.0), itself Jacques Savoy's "UniNE" light stemmer (BSD licence, Copyright (c) 2005, Jacques Savoy,
// all rights reserved; redistributed under its conditions). Works on UTF-16 units like Java's char[].

const LETTER = /\p{L}/u;
const ACCENTED = /[\u00e0\u00e1\u00e2\u00f4\u00e8\u00e9\u00ea\u00f9\u00fb\u00ee\u00e7]/g;
const UNACCENTED = {
  '\u00e0': 'a', '\u00e1': 'a', '\u00e2': 'a', '\u00f4': 'o', '\u00e8': 'e', '\u00e9': 'e', '\u00ea': 'e',
  '\u00f9': 'u', '\u00fb': 'u', '\u00ee': 'i', '\u00e7': 'c',
};

// Lucene shortens and overwrites a char[] in place; here each step rewrites the end of a string,
// with the same length conditions, checked against the length at that step.
export function stem(word) {
  let s = word;
  if (s.length > 5 && s.endsWith('x')) {
    s = s.endsWith('au', s.length - 1) && s[s.length - 4] !== 'e' ? s.slice(0, -2) + 'l' : s.slice(0, -1);
  }
  if (s.length > 3 && s.endsWith('x')) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith('s')) s = s.slice(0, -1);

  const n = s.length;
  if (n > 9 && s.endsWith('issement')) return norm(s.slice(0, -7) + 'r');
  if (n > 8 && s.endsWith('issant')) return norm(s.slice(0, -5) + 'r');
  if (n > 6 && s.endsWith('ement')) {
    s = s.slice(0, -4);
    return norm(s.length > 3 && s.endsWith('ive') ? s.slice(0, -2) + 'f' : s);
  }
  if (n > 11 && s.endsWith('ficatrice')) return norm(s.slice(0, -7) + 'er');
  if (n > 10 && s.endsWith('ficateur')) return norm(s.slice(0, -6) + 'er');
  if (n > 9 && s.endsWith('catrice')) return norm(s.slice(0, -7) + 'quer');
  if (n > 8 && s.endsWith('cateur')) return norm(s.slice(0, -6) + 'quer');
  if (n > 8 && s.endsWith('atrice')) return norm(s.slice(0, -6) + 'er');
  if (n > 7 && s.endsWith('ateur')) return norm(s.slice(0, -5) + 'er');
  if (n > 6 && s.endsWith('trice')) s = s.slice(0, -5) + 'teur';

  const m = s.length;
  if (m > 5 && s.endsWith('i\u00e8me')) return norm(s.slice(0, -4));
  if (m > 7 && s.endsWith('teuse')) return norm(s.slice(0, -5) + 'ter');
  if (m > 6 && s.endsWith('teur')) return norm(s.slice(0, -4) + 'ter');
  if (m > 5 && s.endsWith('euse')) return norm(s.slice(0, -2));
  if (m > 8 && s.endsWith('\u00e8re')) return norm(s.slice(0, -3) + 'er');
  if (m > 7 && s.endsWith('ive')) return norm(s.slice(0, -3) + 'if');
  if (m > 4 && (s.endsWith('folle') || s.endsWith('molle'))) return norm(s.slice(0, -3) + 'u');
  if (m > 9 && s.endsWith('nnelle')) return norm(s.slice(0, -5));
  if (m > 9 && s.endsWith('nnel')) return norm(s.slice(0, -3));
  if (m > 4 && s.endsWith('\u00e8te')) s = s.slice(0, -3) + 'et';
  if (s.length > 8 && s.endsWith('ique')) s = s.slice(0, -4);

  const k = s.length;
  if (k > 8 && s.endsWith('esse')) return norm(s.slice(0, -3));
  if (k > 7 && s.endsWith('inage')) return norm(s.slice(0, -3));
  if (k > 9 && s.endsWith('isation')) {
    s = s.slice(0, -7);
    return norm(s.length > 5 && s.endsWith('ual') ? s.slice(0, -2) + 'el' : s);
  }
  if (k > 9 && s.endsWith('isateur')) return norm(s.slice(0, -7));
  if (k > 8 && (s.endsWith('ation') || s.endsWith('ition'))) return norm(s.slice(0, -5));
  return norm(s);
}

function norm(word) {
  let s = word;
  if (s.length > 4) {
    s = s.replace(ACCENTED, (c) => UNACCENTED[c]);
    // Collapses runs of the same letter (Java's Character.isLetter on one UTF-16 unit).
    let out = s[0];
    let previous = s[0];
    for (let i = 1; i < s.length; i++) {
      const c = s[i];
      if (c === previous && LETTER.test(c)) continue;
      out += c;
      previous = c;
    }
    s = out;
  }
  if (s.length > 4 && s.endsWith('ie')) s = s.slice(0, -2);
  if (s.length > 4) {
    if (s.endsWith('r')) s = s.slice(0, -1);
    if (s.endsWith('e')) s = s.slice(0, -1);
    if (s.endsWith('e')) s = s.slice(0, -1);
    const n = s.length;
    if (s[n - 1] === s[n - 2] && LETTER.test(s[n - 1])) s = s.slice(0, -1);
  }
  return s;
}
