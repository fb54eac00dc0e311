#!/usr/bin/env python3
"""Size of a built Agora site's search folder, and of the code a first search loads.

  search-sizes.py SITE_DIR [--search-dir agora-search] [--langs en,fr,nl] [--json]

Prints:
  - the search folder: total bytes and file count, broken down by first-level sub-folder,
    and its largest file;
  - the runtime a page loads before its first query, per language: agora-search/agora-search.js plus
    the modules it imports, followed transitively (static `import ... from`, `export ... from`,
    and `import('...')` with a literal path), where each stem-<lang>.js (per-language stemmer)
    counts only for its own language, and agora-packs.js only for a language whose manifest says it has
    packs: agora-search.js + analysis.js + stem-<lang>.js + ...

The browser bench (../shared/bench/browser-search-bench.mjs) measures what really crosses the
network (setup bytes = this code plus whatever index files open() fetches; then each query's
bytes); this script gives the static part of it, file by file, to explain those figures.
Bytes are raw file sizes (python's http.server does not compress); gzip -9 sizes are shown beside
them for reference. Standard library only.
"""
import argparse
import gzip
import json
import os
import re
import sys

IMPORT_RES = [
    re.compile(r"""\bimport\s+(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]"""),   # import x from '...'; import '...'
    re.compile(r"""\bexport\s+(?:\*|\{[^}]*\})(?:\s+as\s+[\w$]+)?\s+from\s+['"]([^'"\n]+)['"]"""),  # export ... from '...'
    re.compile(r"""\bimport\s*\(\s*['"`]([^'"`$\n]+)['"`]\s*\)"""),                # import('...') with a literal path
]
STEM_RE = re.compile(r"^stem-([a-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\.js$")  # stem-en.js, stem-pt-BR.js


def walk(root):
    for dp, dn, fn in os.walk(root):
        dn.sort()
        for f in sorted(fn):
            p = os.path.join(dp, f)
            yield p, os.path.getsize(p)


def gz(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), 9, mtime=0))


def imports_of(path, site):
    """Files (absolute paths) that the JS module at path imports, when they exist."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    found = []
    for rx in IMPORT_RES:
        for spec in rx.findall(text):
            spec = spec.split("?")[0].split("#")[0]
            if spec.startswith("/"):
                target = os.path.join(site, spec.lstrip("/"))
            elif spec.startswith("./") or spec.startswith("../"):
                target = os.path.join(os.path.dirname(path), spec)
            else:
                continue  # bare specifier or URL: not a file of the site
            target = os.path.normpath(target)
            if os.path.isfile(target) and target not in found:
                found.append(target)
    return found


def has_packs(search, lang):
    try:
        with open(os.path.join(search, f"{lang}.json"), encoding="utf-8") as f:
            return json.load(f).get("packs") is True
    except (OSError, ValueError):
        return False


def closure(start, site, lang, langs, search):
    """start and everything it imports, transitively; stem-<x>.js of another language x is left out.
    Stemmers loaded through a computed import (`import(`./stem-${lang}.js`)`) are not visible
    to the scan, so stem-<lang>.js is added when it exists in the search folder."""
    order, todo = [], [start]
    stem = os.path.join(search, f"stem-{lang}.js")
    if os.path.isfile(stem):
        todo.append(stem)
    while todo:
        p = todo.pop(0)
        if p in order:
            continue
        m = STEM_RE.match(os.path.basename(p))
        if m and m.group(1) != lang and m.group(1) in langs:
            continue
        if os.path.basename(p) == "agora-packs.js" and not has_packs(search, lang):
            continue  # imported only by a language whose manifest says it has packs
        order.append(p)
        todo.extend(imports_of(p, site))
    return order


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site")
    ap.add_argument("--search-dir", default="agora-search", help="search folder inside the site (default: agora-search)")
    ap.add_argument("--langs", default=None, help="languages (default: those with a stem-<lang>.js, else en,fr,nl)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    site = os.path.abspath(a.site)
    search = os.path.join(site, a.search_dir)
    if not os.path.isdir(search):
        sys.exit(f"search-sizes.py: no folder {search}")

    s = {"search_dir": search, "files": 0, "bytes": 0, "parts": {}, "largest": None, "runtime": {}}
    for p, n in walk(search):
        s["files"] += 1
        s["bytes"] += n
        rel = os.path.relpath(p, search)
        parts = rel.split(os.sep)
        part = parts[0] + "/" if len(parts) > 1 else "(top-level files)"
        e = s["parts"].setdefault(part, {"files": 0, "bytes": 0})
        e["files"] += 1
        e["bytes"] += n
        if s["largest"] is None or n > s["largest"]["bytes"]:
            s["largest"] = {"file": rel, "bytes": n}

    entry = os.path.join(search, "agora-search.js")
    stems = sorted(m.group(1) for f in os.listdir(search) if (m := STEM_RE.match(f)))
    langs = a.langs.split(",") if a.langs else (stems or ["en", "fr", "nl"])
    if os.path.isfile(entry):
        for lang in langs:
            files = closure(entry, site, lang, langs, search)
            rows = [{"file": os.path.relpath(p, site), "bytes": os.path.getsize(p), "gzip": gz(p)} for p in files]
            s["runtime"][lang] = {"files": rows, "bytes": sum(r["bytes"] for r in rows),
                                  "gzip": sum(r["gzip"] for r in rows)}
    if a.json:
        print(json.dumps(s, indent=1))
        return

    kb = lambda b: f"{b / 1e3:,.1f} kB"
    print(f"search folder {os.path.relpath(search, site)}/: {s['files']} files, {kb(s['bytes'])} ({s['bytes']:,} bytes)")
    for k, e in sorted(s["parts"].items()):
        print(f"  {k}: {e['files']} files, {kb(e['bytes'])}")
    if s["largest"]:
        print(f"largest file: {s['largest']['file']}, {kb(s['largest']['bytes'])}")
    if not s["runtime"]:
        print(f"no {os.path.relpath(entry, site)}: no runtime to measure")
        return
    print("runtime loaded before the first query (agora-search.js + its imports), raw / gzip -9:")
    for lang, r in s["runtime"].items():
        print(f"  {lang}: {kb(r['bytes'])} / {kb(r['gzip'])} in {len(r['files'])} files: "
              + ", ".join(f"{os.path.basename(f['file'])} {f['bytes']:,}" for f in r["files"]))


if __name__ == "__main__":
    main()
