#!/usr/bin/env python3
"""Bytes a reader downloads on a built site's library page (docs/library-format.md), raw and gzipped (-6):
to open it, to choose one filter (a frequent type, a frequent theme, and the organisation whose first page
of results is spread over the most files of cards), and to go to page 2 without a filter.
Reads the old single data file too, for a before/after comparison.

    bench/library-bytes.py SITE_DIR [LANG]        e.g. bench/library-bytes.py /tmp/libsplit-10000/site fr
"""
import glob, gzip, json, sys


def size(path):
    b = open(path, 'rb').read()
    return len(b), len(gzip.compress(b, 6))


def add(a, b):
    return a[0] + b[0], a[1] + b[1]


def fmt(t):
    return f"{t[0] / 1024:,.0f} KB raw / {t[1] / 1024:,.0f} KB gz"


def main(site, lang):
    lib = f"{site}/{lang}/library/"
    entry_path = glob.glob(lib + "data.*.json")[0]
    entry = json.load(open(entry_path))
    script = glob.glob(f"{site}/assets/library-ui*.js")[0]
    opening = add(add(size(lib + "index.html"), size(script)), size(entry_path))
    print(f"{lang}: open the page (HTML + script + data): {fmt(opening)}   [data alone {fmt(size(entry_path))}]")
    if 'pages' not in entry:
        print("   choose a filter, go to page 2: nothing more (every document's data came with the page)")
        return
    ps = entry['pageSize']
    card_file = lambda k: lib + 'data/items.' + entry['pages'][k] + '.json'
    postings = []
    for f in json.load(open(lib + entry['filters']))['facets']:
        values = []
        for gaps in f['items']:
            n, docs = 0, []
            for g in gaps:
                n += g
                docs.append(n)
            values.append(docs)
        postings.append(values)
    files_for = lambda i, p: sorted({n // ps for n in postings[i][p][:ps]} - {0})   # page 0 came with the entry
    fields = [f['field'] for f in entry['facets']]
    for field, key in (('types', lambda i, p: len(postings[i][p])), ('themes', lambda i, p: len(postings[i][p])),
                       ('organisations', lambda i, p: len(files_for(i, p)))):
        if field not in fields:
            continue
        i = fields.index(field)
        p = max(range(len(postings[i])), key=lambda q: key(i, q))
        cost = size(lib + entry['filters'])
        for k in files_for(i, p):
            cost = add(cost, size(card_file(k)))
        print(f"   choose {field}={entry['facets'][i]['values'][p]['value']} ({len(postings[i][p])} documents): "
              f"+{fmt(cost)} (the filters file and {len(files_for(i, p))} files of cards)")
    if len(entry['pages']) > 1:
        print(f"   page 2 without a filter: +{fmt(size(card_file(1)))}")
    print(f"   filters file {fmt(size(lib + entry['filters']))}; {len(entry['pages'])} files of cards")


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'fr')
