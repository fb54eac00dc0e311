#!/usr/bin/env bash
# The live preview's latency: the time from saving a Markdown file to the reloaded page in headless Chromium.
#   preview-latency.sh [SITE_DIR] [EDITS]
# Starts `agora serve --port 0` with the repository's ./agora launcher on a temporary copy of SITE_DIR (the
# original is never edited), opens a document page, and EDITS times (default 20; documents in turn from each
# language) saves a marker paragraph into a document and waits until the open page shows it by itself.
# Prints each timing, then median, p90, min and max in ms, then the same as one line of JSON.
# Exit code 1 when an edit does not show within 30 s (AGORA_BENCH_TIMEOUT=SECONDS to change it).
# Without SITE_DIR: a 1,000-group corpus from ../shared/bench/gen-corpus.py --seed 42 (made once, in
# $AGORA_BENCH_DATA, default ${TMPDIR:-/tmp}/agora-bench; AGORA_BENCH_CORPUS=DIR takes one made before), with
# every taxonomy page, as editors have it.
# Needs Debian's chromium and chromium-driver, Python 3 and the word lists gen-corpus.py reads (its README).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
edits="${2:-20}"
if [ -n "${1:-}" ]; then
  site="$(cd "$1" && pwd)"
else
  shared="${AGORA_SHARED:-$repo/../shared}"
  data="${AGORA_BENCH_DATA:-${TMPDIR:-/tmp}/agora-bench}"
  corpus="${AGORA_BENCH_CORPUS:-$data/corpus-1000}"
  if [ ! -f "$corpus/corpus.json" ]; then
    echo "preview-latency: generating the 1,000-group corpus in $corpus …" >&2
    python3 "$shared/bench/gen-corpus.py" --groups 1000 --out "$corpus" --seed 42 >&2
  fi
  site="$data/site-1000"
  mkdir -p "$site"
  # A copy, not a link: Agora refuses a symbolic link out of the site folder. Made once per corpus.
  if [ -L "$site/content" ] || [ ! -d "$site/content" ] || [ "$corpus/corpus.json" -nt "$site/content" ]; then
    rm -rf "$site/content"
    cp -a "$corpus/content" "$site/content"
  fi
  cp "$here/corpus-site-config.yml" "$site/site-config.yml"
fi
# The launcher rebuilds the jar (and its AOT cache) when the sources changed: do it now, not inside the
# timed server start, and not while Maven below compiles the benchmark.
"$repo/agora" --version >/dev/null
# The benchmark lives in the test sources (it drives Chromium with the tests' harness); the toolchains
# plugin picks the JDK 21+ that runs it. Its exit code comes back through a file: Maven would bury a
# failed edit's message under its own stack trace.
status="$(mktemp)"
trap 'rm -f "$status"' EXIT
echo 1 > "$status"
mvn -q -B -Dstyle.color=never -f "$repo/pom.xml" -pl generator test-compile org.codehaus.mojo:exec-maven-plugin:exec \
  -Dexec.executable=java -Dexec.classpathScope=test \
  -Dexec.args="-Dagora.bench.timeout=${AGORA_BENCH_TIMEOUT:-30} -Dagora.bench.status='$status' \
'-Djava.util.logging.config.file=$repo/generator/src/test/resources/logging.properties' \
-cp %classpath org.agora.bench.PreviewLatency '$repo/agora' '$site' $edits"
exit "$(cat "$status")"
