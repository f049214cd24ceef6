#!/usr/bin/env bash
# Installs the JavaScript clients the exporter tests read our output back with (graphology +
# graphology-gexf, Neo4j's Cypher linter, Kuzu, Cytoscape.js), pinned by package-lock.json.
# Called from .ci/run; safe to run again (npm ci starts from a clean node_modules).
#
# Kuzu ships its native addon inside the npm package (kuzujs.node, linux-x64 prebuilt), so no
# download or compiler is needed; the check at the end fails early if that ever changes.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node -e "require('kuzu'); require('graphology'); require('graphology-gexf'); require('cytoscape')"
node --input-type=module -e "import('@neo4j-cypher/language-support').then(m => { if (typeof m.lintCypherQuery !== 'function') process.exit(1) })"
echo "exporter JS clients installed in $(pwd)/node_modules"
