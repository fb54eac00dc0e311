#!/usr/bin/env bash
# Known-item search, Agora beside Pagefind, on the bundled site and the three real corpora of ../shared/corpora:
#   known-item-pagefind.sh BENCH_TOOLS [WORK_DIR] [CORPUS...]
# BENCH_TOOLS: the tools/ folder of a writable copy of ../shared/bench after `npm install` (Pagefind 1.6.0,
#              playwright-core); see README.md. WORK_DIR (default /tmp/agora-known-item) receives the sites.
# CORPUS: bundled, osmbe, helm, poweron (default: all four).
# Needs generator/target/known-item-CORPUS.json, the queries and Agora's ranks that KnownItemSearchTest writes:
#   ./run-tests -Dtest=KnownItemSearchTest       (or mvn -B -o test -pl generator -Dtest=KnownItemSearchTest)
# For each corpus: Agora builds it with the test's settings (generator/src/test/resources/corpora/CORPUS), Pagefind
# indexes that output twice, and known-item-pagefind.mjs asks both indexes the same queries in headless Chromium:
#   documents: the documents of Agora's index and only their text (known-item-mark-documents.py marks it with
#              data-pagefind-body in a copy of the output): the like-for-like comparison of the two engines;
#   pages:     --root-selector main, every page's main content, lists and term pages too, as Pagefind is used
#              on a whole site (a list that quotes a document's summary may come before it).
# Prints a Markdown table: MRR@10, success@1, success@10 and zero-result queries per corpus, language and kind of
# query (rare words, a misspelt word, a word cut short, an identifier part, a Dutch compound's word), Agora's and
# Pagefind's, then the same per language over every corpus (known-item-summary.mjs), into WORK_DIR/summary.md too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
[ $# -ge 1 ] || { sed -n '2,13p' "$0"; exit 2; }
tools="$(cd "$1" && pwd)"
work="${2:-/tmp/agora-known-item}"
shift $(( $# >= 2 ? 2 : 1 ))
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(bundled osmbe helm poweron)
pagefind="$(ls "$tools"/node_modules/@pagefind/*/bin/pagefind_extended 2>/dev/null | head -1)"
[ -x "$pagefind" ] || { echo "no Pagefind binary under $tools/node_modules: run npm install there" >&2; exit 2; }

declare -A folder=([osmbe]=osmbe-website [helm]=helm-docs [poweron]=poweron-ipa)
mkdir -p "$work"
echo "| corpus | language | kind | queries | Agora MRR@10 | success@1 | success@10 | no result | Pagefind, documents: MRR@10 | success@1 | success@10 | no result | Pagefind, all pages: MRR@10 | success@1 | success@10 | no result |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in "${corpora[@]}"; do
  queries="$repo/generator/target/known-item-$c.json"
  [ -f "$queries" ] || { echo "no $queries: run KnownItemSearchTest first" >&2; exit 2; }
  site="$work/$c/site"
  out="$work/$c/out"
  rm -rf "$work/$c"
  mkdir -p "$site"
  if [ "$c" = bundled ]; then
    cp -r "$repo/content" "$repo/themes" "$repo/site-config.yml" "$site/"
    [ -d "$repo/data" ] && cp -r "$repo/data" "$site/"
  else
    cp -r "$repo/../shared/corpora/${folder[$c]}/content" "$site/content"
    cp "$repo/generator/src/test/resources/corpora/$c/site-config.yml" "$site/"
  fi
  "$repo/agora" build --site "$site" --out "$out" > "$work/$c/agora.log" 2>&1 \
    || { echo "agora build failed for $c: see $work/$c/agora.log" >&2; exit 1; }
  # documents: Agora's documents only, marked in a copy whose index is then moved beside the real pages.
  rm -rf "$work/$c/marked"
  cp -r "$out" "$work/$c/marked"
  python3 "$here/known-item-mark-documents.py" "$work/$c/marked" "$queries" 2> "$work/$c/mark.log" \
    || { echo "marking the documents failed for $c: see $work/$c/mark.log" >&2; exit 1; }
  "$pagefind" --site "$work/$c/marked" --output-path "$out/pagefind-documents" --quiet > "$work/$c/pagefind-documents.log" 2>&1 \
    || { echo "pagefind failed for $c: see $work/$c/pagefind-documents.log" >&2; exit 1; }
  # pages: every page's <main>.
  "$pagefind" --site "$out" --root-selector main --output-subdir pagefind-pages --quiet > "$work/$c/pagefind-pages.log" 2>&1 \
    || { echo "pagefind failed for $c: see $work/$c/pagefind-pages.log" >&2; exit 1; }
  node "$here/known-item-pagefind.mjs" --site "$out" --queries "$queries" --tools "$tools" \
    --bundles documents=/pagefind-documents/,pages=/pagefind-pages/ --out "$work/$c/known-item.json"
done
node "$here/known-item-summary.mjs" "$work" "${corpora[@]}" | tee "$work/summary.md"
