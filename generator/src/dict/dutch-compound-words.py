#!/usr/bin/env python3
"""Writes the dictionary of Dutch compound parts that Agora's index uses (DutchCompounds.java).

    python3 generator/src/dict/dutch-compound-words.py /usr/share/dict/dutch \
        > generator/src/main/resources/agora/search/nl-compound-words.txt   # then gzip -9n it

Source: the OpenTaal word list (Debian's wdutch, BSD or CC BY 3.0, see nl-compound-words.NOTICE), independent
of Lucene. Kept: lower-case words of letters only (no names, abbreviations or hyphenated forms), ASCII-folded as
the index folds them, 4 to 12 letters. Left out: words that are themselves two listed words of five letters or
more (attribuutwaarde = attribuut + waarde), so that the filter's longest match stops at the first part of a
compound instead of swallowing it whole. The output is sorted, so the same list gives the same bytes.
"""
import re
import sys
import unicodedata


def fold(word):
    return ''.join(c for c in unicodedata.normalize('NFKD', word) if not unicodedata.combining(c))


def main(path):
    words = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            w = line.strip()
            if not w or w != w.lower():
                continue
            w = fold(w)
            if re.fullmatch(r'[a-z]{4,12}', w):
                words.add(w)

    def two_words(w):
        for i in range(5, len(w) - 4):
            head, tail = w[:i], w[i:]
            if tail in words and (head in words or (head.endswith('s') and len(head) > 5 and head[:-1] in words)):
                return True
        return False

    for w in sorted(x for x in words if not two_words(x)):
        print(w)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/usr/share/dict/dutch')
