// Port of org.apache.lucene.analysis.en.PorterStemmer from Apache Lucene 10.6.0 (Apache License 2.0):
// Martin Porter's 1980 algorithm, release 3, with Lucene's bug fixes. It is the classic Porter
// stemmer, not Snowball's "english"; the two disagree on some words. Works on UTF-16 units like Java.

export function stem(word) {
  return word.length > 2 ? new Porter(word).stem() : word;
}

class Porter {
  constructor(word) {
    this.b = word.split('');
    this.k = this.b.length - 1;
    this.j = 0;
  }

  stem() {
    const b = this.b;
    // step1: plurals, -ed, -ing
    if (b[this.k] === 's') {
      if (this.ends('sses')) this.k -= 2;
      else if (this.ends('ies')) this.setto('i');
      else if (b[this.k - 1] !== 's') this.k--;
    }
    if (this.ends('eed')) {
      if (this.m() > 0) this.k--;
    } else if ((this.ends('ed') || this.ends('ing')) && this.vowelInStem()) {
      this.k = this.j;
      if (this.ends('at')) this.setto('ate');
      else if (this.ends('bl')) this.setto('ble');
      else if (this.ends('iz')) this.setto('ize');
      else if (this.doublec(this.k)) {
        const ch = b[this.k--];
        if (ch === 'l' || ch === 's' || ch === 'z') this.k++;
      } else if (this.m() === 1 && this.cvc(this.k)) this.setto('e');
    }
    // step2: y -> i when the stem has a vowel
    if (this.ends('y') && this.vowelInStem()) b[this.k] = 'i';
    // step3: double suffixes
    if (this.k !== 0) this.replaceFirst(STEP3[b[this.k - 1]]);
    // step4: -ic-, -full, -ness
    this.replaceFirst(STEP4[b[this.k]]);
    // step5: -ant, -ence, ... in context <c>vcvc<v>
    if (this.k !== 0 && this.step5Ends() && this.m() > 1) this.k = this.j;
    // step6: final -e, -ll
    this.j = this.k;
    if (b[this.k] === 'e') {
      const a = this.m();
      if (a > 1 || (a === 1 && !this.cvc(this.k - 1))) this.k--;
    }
    if (b[this.k] === 'l' && this.doublec(this.k) && this.m() > 1) this.k--;
    return b.slice(0, this.k + 1).join('');
  }

  cons(i) {
    switch (this.b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u': return false;
      case 'y': return i === 0 ? true : !this.cons(i - 1);
      default: return true;
    }
  }

  // The number of consonant-vowel alternations (Porter's m) in b[0..j].
  m() {
    const j = this.j;
    let n = 0;
    let i = 0;
    for (;;) {
      if (i > j) return n;
      if (!this.cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (this.cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!this.cons(i)) break;
        i++;
      }
      i++;
    }
  }

  vowelInStem() {
    for (let i = 0; i <= this.j; i++) if (!this.cons(i)) return true;
    return false;
  }

  doublec(i) {
    return i >= 1 && this.b[i] === this.b[i - 1] && this.cons(i);
  }

  cvc(i) {
    const c = this.b[i];
    return i >= 2 && this.cons(i) && !this.cons(i - 1) && this.cons(i - 2) && c !== 'w' && c !== 'x' && c !== 'y';
  }

  ends(s) {
    const o = this.k - s.length + 1;
    if (o < 0) return false;
    for (let i = 0; i < s.length; i++) if (this.b[o + i] !== s[i]) return false;
    this.j = this.k - s.length;
    return true;
  }

  setto(s) {
    for (let i = 0; i < s.length; i++) this.b[this.j + 1 + i] = s[i];
    this.k = this.j + s.length;
  }

  // Tries each [suffix, replacement] in order; the first suffix found decides, as in Lucene's switch.
  replaceFirst(rules) {
    if (!rules) return;
    for (let i = 0; i < rules.length; i += 2) {
      if (this.ends(rules[i])) {
        if (this.m() > 0) this.setto(rules[i + 1]);
        return;
      }
    }
  }

  step5Ends() {
    switch (this.b[this.k - 1]) {
      case 'a': return this.ends('al');
      case 'c': return this.ends('ance') || this.ends('ence');
      case 'e': return this.ends('er');
      case 'i': return this.ends('ic');
      case 'l': return this.ends('able') || this.ends('ible');
      case 'n': return this.ends('ant') || this.ends('ement') || this.ends('ment') || this.ends('ent');
      case 'o': return (this.ends('ion') && this.j >= 0 && (this.b[this.j] === 's' || this.b[this.j] === 't')) || this.ends('ou');
      case 's': return this.ends('ism');
      case 't': return this.ends('ate') || this.ends('iti');
      case 'u': return this.ends('ous');
      case 'v': return this.ends('ive');
      case 'z': return this.ends('ize');
      default: return false;
    }
  }
}

const STEP3 = {
  a: ['ational', 'ate', 'tional', 'tion'],
  c: ['enci', 'ence', 'anci', 'ance'],
  e: ['izer', 'ize'],
  l: ['bli', 'ble', 'alli', 'al', 'entli', 'ent', 'eli', 'e', 'ousli', 'ous'],
  o: ['ization', 'ize', 'ation', 'ate', 'ator', 'ate'],
  s: ['alism', 'al', 'iveness', 'ive', 'fulness', 'ful', 'ousness', 'ous'],
  t: ['aliti', 'al', 'iviti', 'ive', 'biliti', 'ble'],
  g: ['logi', 'log'],
};

const STEP4 = {
  e: ['icate', 'ic', 'ative', '', 'alize', 'al'],
  i: ['iciti', 'ic'],
  l: ['ical', 'ic', 'ful', ''],
  s: ['ness', ''],
};
