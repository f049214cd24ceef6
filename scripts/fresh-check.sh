#!/usr/bin/env bash
# Runs the README's two Quick start commands on a fresh Debian 12 root, as a new user would:
# debootstrap (from Debian's packages) makes a clean bookworm root, a clone of this
# repository's HEAD and a copy of ../shared go into it, and
#   bash scripts/quickstart.sh   then   bash scripts/test.sh
# run there, each timed. This machine is not fresh, so a green run here can hide a missing
# install step; inside the new root nothing is installed but what setup.sh installs.
#
# Usage (as root): scripts/fresh-check.sh [ROOT_DIR]
#   ROOT_DIR   where the Debian root is made (default /var/tmp/skein-fresh); removed first.
#   SKEIN_FRESH_KEEP=1 keeps an existing debootstrapped root and only re-clones the project
#   (quicker for a second try, less fresh: the packages a first run installed stay).
# Needs network access to Debian's package archive, and about 3 GB of disk. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)
shared=$(cd ../shared && pwd)
root=${1:-/var/tmp/skein-fresh}
mirror=http://deb.debian.org/debian

if [[ $(id -u) -ne 0 ]]; then
  echo "fresh-check: run as root (debootstrap and chroot need it)" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

if [[ "${SKEIN_FRESH_KEEP:-0}" != 1 || ! -x "$root/bin/bash" ]]; then
  rm -rf "$root"
  echo "fresh-check: debootstrap bookworm into $root"
  start=$(date +%s)
  debootstrap --include=ca-certificates,git bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { echo "fresh-check: debootstrap failed; see $root.debootstrap.log" >&2; exit 1; }
  echo "fresh-check: root made in $(($(date +%s) - start)) s"
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
fi
# The host's way out to the package registries comes along: its resolver and the local CA
# certificates its network trusts (an HTTPS-inspecting proxy's CA, say). That is the machine's
# network, not the project's dependencies; without it npm fails with SELF_SIGNED_CERT_IN_CHAIN.
cp /etc/resolv.conf "$root/etc/resolv.conf"
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1 || true
fi

# The project as committed (a clone of HEAD, so uncommitted files cannot help it), with
# shared/ beside it where the scripts and tests look for it.
rm -rf "$root/work"
mkdir -p "$root/work"
git clone --quiet --no-hardlinks "$project" "$root/work/skein"
cp -a "$shared" "$root/work/shared"
chmod -R a-w "$root/work/shared"

# Each command runs in a private mount namespace, so /proc, /sys and /dev are unmounted by
# the kernel when it ends, whatever way it ends.
run_inside() {
  unshare --mount --propagation private bash -c '
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    exec chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
      LANG=C.UTF-8 TERM=dumb NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
      bash -c "cd /work/skein && $*"
  ' run_inside "$root" "$@"
}

status=0
for command in "bash scripts/quickstart.sh" "bash scripts/test.sh"; do
  log="$root.$(echo "$command" | tr -c 'a-z0-9\n' '_' | sed 's/_*$//').log"
  start=$(date +%s)
  if run_inside "$command" >"$log" 2>&1; then
    echo "fresh-check: '$command' passed in $(($(date +%s) - start)) s (log: $log)"
  else
    echo "fresh-check: '$command' FAILED after $(($(date +%s) - start)) s; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    status=1
  fi
done
exit $status
