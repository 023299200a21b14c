#!/usr/bin/env bash
# Builds the static in-container init: build.sh OUTPUT.
# Without a C compiler it warns and exits 0, so that a build on a machine without gcc still
# succeeds (hidden env is then unavailable there). Up to date output is left alone; a new one is
# written under a temporary name and renamed, so a concurrent build never sees half a binary.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/sl-init.c"
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 OUTPUT" >&2
  exit 2
fi
out="$1"
cc="${CC:-gcc}"

if ! command -v "$cc" >/dev/null 2>&1; then
  echo "sl-init: '$cc' not found; skipping the in-container init (hidden env will be unavailable)" >&2
  exit 0
fi

if [ -x "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "${BASH_SOURCE[0]}" ]; then
  exit 0
fi

mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# -static: the image may have no libc at all. -s: symbols only cost size in every container.
if ! "$cc" -static -O2 -s -std=gnu11 -Wall -Wextra \
  -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
  -o "$tmp" "$src"; then
  echo "sl-init: compiling $src failed (a static build needs libc.a: apt-get install libc6-dev)" >&2
  exit 1
fi
chmod 0755 "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
echo "sl-init: built $out ($(wc -c <"$out") bytes)"
