#!/usr/bin/env bash
# Build a corpus made by ../shared/bench/gen-corpus.py with Agora, with the contract of
# ../shared/bench/run-hugo-pagefind.sh:   run-agora.sh CORPUS_DIR OUT_DIR [all|build|index|clean]
# all/build: fresh OUT_DIR/site with the Agora launcher (../agora build); the build also writes the search
#            index and runtime into OUT_DIR/site/agora-search (so bench-all.sh needs INDEX_DIR=agora-search).
# index:     a no-op (the build indexes); it only warns on stderr when OUT_DIR/site/search is missing.
# clean:     delete the previous outputs parked in OUT_DIR/.old (not part of any timing).
# A previous output is parked in OUT_DIR/.old (instant) so the timed step does not include deleting it.
# AGORA_BENCH_FULL=1 adds the taxonomy pages (themes, countries, organisations) the Hugo anchor leaves out.
# AGORA_BENCH_CONFIG: more site-config.yml lines (e.g. "citable: [resource]" to time citations).
# AGORA_BIN: launcher to run (default: the repository's ./agora, which rebuilds the jar when sources are newer).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 2 ] || { sed -n '2,10p' "$0"; exit 2; }
corpus="$(cd "$1" && pwd)"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
step="${3:-all}"
case "$step" in
  clean) rm -rf "$out/.old"; exit 0 ;;
  index)  # the build writes the index: nothing to do, nothing to time
    [ -f "$out/site/agora-search/agora-search.js" ] || echo "run-agora.sh: warning: no $out/site/agora-search/agora-search.js (build first)" >&2
    exit 0 ;;
  all|build) ;;
  *) echo "bad step $step" >&2; exit 2 ;;
esac
# The corpus has no site-config.yml: give it one beside a copy of its content made of hard links (instant,
# and the benchmark's in-place edits show through; Agora refuses a symbolic link out of the site folder).
# Made again only when the corpus was generated anew.
src="$out/agora-site"
mkdir -p "$src"
if [ -L "$src/content" ] || [ ! -d "$src/content" ] || [ "$corpus/corpus.json" -nt "$src/content" ]; then
  rm -rf "$src/content"
  cp -al "$corpus/content" "$src/content" 2>/dev/null || cp -a "$corpus/content" "$src/content"
fi
cp "$here/corpus-site-config.yml" "$src/site-config.yml"
# Like the Hugo anchor (hugo-site/hugo.toml.in): no taxonomy pages and lists of 100, unless asked for.
if [ "${AGORA_BENCH_FULL:-0}" = 1 ]; then
  echo "taxonomies: [themes, countries, organisations]" >> "$src/site-config.yml"
else
  printf 'taxonomies: []\npageSize: 100\n' >> "$src/site-config.yml"
fi
if [ -n "${AGORA_BENCH_CONFIG:-}" ]; then printf '%s\n' "$AGORA_BENCH_CONFIG" >> "$src/site-config.yml"; fi
if [ -e "$out/site" ]; then mkdir -p "$out/.old"; mv "$out/site" "$(mktemp -d "$out/.old/XXXXXXXX")/"; fi
exec "${AGORA_BIN:-$here/../agora}" build --site "$src" --out "$out/site"
