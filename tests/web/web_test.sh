#!/usr/bin/env bash
# The browser view end to end, run by CTest (tests/web/CMakeLists.txt):
#   web_test.sh examples  SKEIN WORK   examples/articles -> export html -> chromium checks
#   web_test.sh bbc-store SKEIN WORK   ingest + analyze ../shared/corpus/bbc/politics once
#   web_test.sh bbc-file  SKEIN WORK   that store -> export html -> chromium checks
#   web_test.sh large BENCH WORK       bench_web_viewer's 6,000-entity page: its checks of the
#                                      large-graph drawing (hover, click, entities drawn)
#   web_test.sh bbc-serve SKEIN WORK   skein serve on that store: chromium checks, a 200-request
#                                      load test and hostile requests; the store file must be
#                                      byte-identical afterwards and SIGTERM must stop it cleanly
# Needs web/install.sh (npm: sigma, graphology, puppeteer-core) and Debian's chromium, both
# installed by scripts/test.sh; fails, never skips, when they are missing.
set -euo pipefail
mode=$1 skein=$2 work=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
web=$root/web
for need in "$web/node_modules/puppeteer-core/package.json" "$web/node_modules/sigma/package.json" /usr/bin/chromium; do
  [[ -e $need ]] || { echo "web_test: $need is missing: run 'bash scripts/setup.sh --with-test-tools' and 'bash web/install.sh'" >&2; exit 1; }
done
mkdir -p "$work"
store=$work/bbc-politics.db

browser() { (cd "$web" && node tests/browser.mjs "$@"); }

case $mode in
  examples)
    rm -f "$work/examples.db"
    (cd "$root" && "$skein" --db "$work/examples.db" ingest -q examples/articles)
    "$skein" --db "$work/examples.db" analyze >/dev/null
    "$skein" --db "$work/examples.db" export html -o "$work/examples.html" --title "Skein examples" 2>"$work/examples.log"
    cat "$work/examples.log"
    read -r nodes edges < <(sed -E 's/^skein export: ([0-9]+) entities, ([0-9]+) relations.*/\1 \2/' "$work/examples.log")
    browser --page "file://$work/examples.html" --nodes "$nodes" --edges "$edges" --person "Han Ji-woo" \
      --path-to "Claire Moreau" --type met-with --shot "$work/examples.png"
    ;;
  large)
    # $2 is bench_web_viewer here; it exits 1 when a check fails, not on its timings.
    bench=$2
    "$bench" --nodes 6000 --edges 12000 --no-peer --out "$work/large"
    ;;
  bbc-store)
    rm -f "$store" "$store-wal" "$store-shm"
    "$skein" --db "$store" ingest -q "$root/../shared/corpus/bbc/politics"
    "$skein" --db "$store" analyze >/dev/null
    ;;
  bbc-file)
    "$skein" --db "$store" export html -o "$work/bbc-politics.html" --title "BBC politics" 2>"$work/bbc-file.log"
    cat "$work/bbc-file.log"
    read -r nodes edges < <(sed -E 's/^skein export: ([0-9]+) entities, ([0-9]+) relations.*/\1 \2/' "$work/bbc-file.log")
    browser --page "file://$work/bbc-politics.html" --nodes "$nodes" --edges "$edges" --person "Tony Blair" \
      --path-to "Charles Kennedy" --type met-with --shot "$work/bbc-politics.png"
    ;;
  bbc-serve)
    before=$(sha256sum "$store" | cut -d' ' -f1)
    log=$work/serve.log
    "$skein" --db "$store" serve --port 0 -q 2>"$log" &
    pid=$!
    trap 'kill -TERM $pid 2>/dev/null || true' EXIT
    port=
    for _ in $(seq 1 100); do
      port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$log" | head -1 | cut -d: -f2 || true)
      [[ -n $port ]] && break
      kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
      sleep 0.1
    done
    [[ -n $port ]] || { echo "web_test: skein serve did not say its port" >&2; cat "$log" >&2; exit 1; }
    base=http://127.0.0.1:$port
    entity_id() {  # NAME -> the store id of the best match
      node -e 'fetch(process.argv[1] + "/api/entities?limit=1&q=" + encodeURIComponent(process.argv[2]))
        .then((r) => r.json()).then((j) => console.log(j.entities[0].id))' "$base" "$1"
    }
    blair=$(entity_id "Tony Blair")
    kennedy=$(entity_id "Charles Kennedy")
    (cd "$web" && node tests/serve_checks.mjs --base "$base" --entity "$blair" --other "$kennedy")
    browser --page "$base/" --person "Tony Blair" --path-to "Charles Kennedy" --type met-with \
      --shot "$work/bbc-serve.png"
    kill -TERM $pid
    status=0
    wait $pid || status=$?
    trap - EXIT
    [[ $status == 0 ]] || { echo "web_test: skein serve exited $status on SIGTERM" >&2; cat "$log" >&2; exit 1; }
    grep -q "stopped on signal 15" "$log" || { echo "web_test: no clean stop in the log" >&2; cat "$log" >&2; exit 1; }
    after=$(sha256sum "$store" | cut -d' ' -f1)
    [[ $before == "$after" ]] || { echo "web_test: the store changed while being served" >&2; exit 1; }
    echo "serve: store unchanged ($after), stopped cleanly on SIGTERM"
    ;;
  *)
    echo "usage: web_test.sh examples|bbc-store|bbc-file|bbc-serve SKEIN WORK, web_test.sh large BENCH WORK" >&2
    exit 2
    ;;
esac
