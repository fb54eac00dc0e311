#!/usr/bin/env python3
"""Marks, in a copy of Agora's output, the text of every document of Agora's search index with data-pagefind-body,
so that Pagefind indexes exactly those documents and only their text (the <article class="doc"> of a page, the
<div class="content intro"> of a section or home page with text), as Agora's index does.

    known-item-mark-documents.py SITE_DIR KNOWN_ITEM_JSON
SITE_DIR is changed in place (known-item-pagefind.sh gives it a copy). Prints how many documents were marked and
names those whose page has neither element (exit code 1 then)."""
import json
import os
import sys
import urllib.parse

site, queries = sys.argv[1], sys.argv[2]
indexed = json.load(open(queries, encoding='utf-8'))['indexed']
marked, missing = 0, []
for lang, urls in indexed.items():
    for url in urls:
        rel = urllib.parse.unquote(url.split('#')[0]).lstrip('/')
        path = os.path.join(site, rel)
        if not os.path.exists(path) and '/' in rel:   # a site under a sub-path (/elibrary/en/...): files at en/...
            path = os.path.join(site, rel.split('/', 1)[1])
        if os.path.isdir(path):   # "/docs/" (and "/helm/v2", a folder named without its slash)
            path = os.path.join(path, 'index.html')
        try:
            html = open(path, encoding='utf-8').read()
        except FileNotFoundError:
            missing.append(url + ' (no file)')
            continue
        for tag in ('<article class="doc"', '<div class="content intro"'):
            if tag in html:
                html = html.replace(tag, tag.replace(' class=', ' data-pagefind-body class='), 1)
                break
        else:
            missing.append(url)
            continue
        open(path, 'w', encoding='utf-8').write(html)
        marked += 1
print(f'marked {marked} documents', file=sys.stderr)
if missing:
    print('no document text found on: ' + ', '.join(missing), file=sys.stderr)
    sys.exit(1)
