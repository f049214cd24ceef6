#!/usr/bin/env bash
# Checks, before anything is built, that every tool, Python module and npm package the test
# suite calls is really there, and fails at once with the whole list of what is missing.
# A fresh machine once passed setup and then failed 7 tests on a missing numpy: this turns that
# into one clear line. Run by scripts/test.sh after setup; safe to run on its own.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()

# Executables the tests and their helper scripts start.
for tool in xmllint sqlite3 parallel unshare mount script node npm /usr/bin/python3 /usr/bin/chromium; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("tool:$tool")
done
if [[ "${SKEIN_SANITIZE:-OFF}" == ON ]]; then
  for tool in clang clang++; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("tool:$tool")
  done
fi

# Python modules the oracle and client scripts import, with the interpreter they run under
# (/usr/bin/python3: Debian's packages install there, whatever python3 comes first on PATH).
for module in networkx numpy scipy igraph reportlab; do
  /usr/bin/python3 -c "import $module" >/dev/null 2>&1 || missing+=("python3 module:$module")
done
# NetworkX's PageRank needs numpy and scipy at call time, not at import: exercise it.
/usr/bin/python3 -c "import networkx as nx; nx.pagerank(nx.path_graph(3))" >/dev/null 2>&1 ||
  missing+=("python3:networkx.pagerank (numpy/scipy)")

# npm clients the exporter tests read our output back with (installed by
# tests/exporters/js/install.sh from its lockfile).
js_dir=tests/exporters/js
for package in graphology graphology-gexf cytoscape kuzu @neo4j-cypher/language-support; do
  [[ -f "$js_dir/node_modules/$package/package.json" ]] || missing+=("npm package:$package")
done

# The browser view's libraries and test driver (web/install.sh).
for package in sigma graphology puppeteer-core; do
  [[ -f "web/node_modules/$package/package.json" ]] || missing+=("npm package (web/):$package")
done

if ((${#missing[@]} > 0)); then
  echo "preflight: missing ${missing[*]}; run 'bash scripts/setup.sh --with-test-tools' as root" \
    "and 'bash tests/exporters/js/install.sh' and 'bash web/install.sh'" >&2
  exit 1
fi
echo "preflight: every tool, Python module and npm package the tests use is present"
