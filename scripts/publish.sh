#!/usr/bin/env bash
# Publishes SecureLaunch as one file to ./artifacts/publish/MODE-RID/, with native/sl-init beside it
# (it is bind-mounted into containers, so it must stay a real file), and runs `securelaunch version`.
#   scripts/publish.sh [single-file|aot] [RID]      (defaults: single-file linux-x64)
# single-file: self-contained (no .NET needed on the host), one executable plus native/sl-init.
# aot:         NativeAOT, faster to start; needs clang or gcc and the ILCompiler package (docs/install.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-single-file}"
rid="${2:-linux-x64}"
out="$root/artifacts/publish/$mode-$rid"

case "$mode" in
  single-file)
    flags=(--self-contained true -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=false -p:DebugType=none)
    ;;
  aot)
    flags=(-p:PublishAot=true -p:DebugType=none)
    ;;
  *)
    echo "usage: $0 [single-file|aot] [RID]" >&2
    exit 2
    ;;
esac

rm -rf "$out"
dotnet publish "$root/src/SecureLaunch.Cli" -c Release -r "$rid" -o "$out" --nologo "${flags[@]}"
# XML docs of the libraries are of no use beside an executable.
rm -f "$out"/*.xml
"$out/securelaunch" version
ls -l "$out/securelaunch" "$out/native/sl-init"
