#!/usr/bin/env python3
"""How much two built sites' related-document lists agree (issue 13, point 3).

    bench/related-overlap.py OLD_SITE NEW_SITE [--json]

For every document page present in both sites (a page with a "related" section in either), compares the
links of its related section: mean number of links in common, share of pages with 3 or more in common (of
the pages whose old list had 3 or more), share of identical lists (same links, same order), and share of
pages whose first link is the same. Reads the HTML the default theme writes (partials/related.peb).
"""
import json
import os
import re
import sys

SECTION = re.compile(r'<section class="related"[^>]*>(.*?)</section>', re.S)
LINK = re.compile(r'class="item-title"><a href="([^"]+)"')


def lists(site):
    out = {}
    for root, _dirs, files in os.walk(site):
        for f in files:
            if not f.endswith(".html"):
                continue
            path = os.path.join(root, f)
            with open(path, encoding="utf-8", errors="replace") as fh:
                html = fh.read()
            if '<body class="kind-page' not in html:
                continue
            m = SECTION.search(html)
            out[os.path.relpath(path, site)] = LINK.findall(m.group(1)) if m else []
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    old, new = lists(args[0]), lists(args[1])
    pages = sorted(p for p in old.keys() & new.keys() if old[p] or new[p])
    common = [len(set(old[p]) & set(new[p])) for p in pages]
    eligible = [p for p in pages if len(old[p]) >= 3]
    result = {
        "pages": len(pages),
        "mean_in_common": round(sum(common) / len(pages), 3) if pages else None,
        "mean_old_length": round(sum(len(old[p]) for p in pages) / len(pages), 3) if pages else None,
        "mean_new_length": round(sum(len(new[p]) for p in pages) / len(pages), 3) if pages else None,
        "share_3_or_more_in_common": round(sum(1 for p in eligible if len(set(old[p]) & set(new[p])) >= 3)
                                           / len(eligible), 3) if eligible else None,
        "share_identical": round(sum(1 for p in pages if old[p] == new[p]) / len(pages), 3) if pages else None,
        "share_same_first": round(sum(1 for p in pages if old[p][:1] == new[p][:1]) / len(pages), 3) if pages else None,
        "histogram_in_common": {k: common.count(k) for k in range(0, 6)},
    }
    if "--json" in sys.argv:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
