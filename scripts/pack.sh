#!/usr/bin/env bash
# Packs SecureLaunch as a dotnet tool into ./artifacts, then checks the package the way a user meets it:
# installs it from that folder alone (no other feed, so it works offline) into a temporary tool path and
# runs `securelaunch version` and `securelaunch validate` from there.
#   scripts/pack.sh [VERSION]          (default 0.1.0)
# Install it for yourself afterwards with:
#   dotnet tool install --global SecureLaunch --add-source ./artifacts --version VERSION
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-0.1.0}"
artifacts="$root/artifacts"
mkdir -p "$artifacts"

dotnet pack "$root/src/SecureLaunch.Cli" -c Release -o "$artifacts" -p:Version="$version" --nologo

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Only the local folder as a feed: nothing is fetched, so this also proves the package is self-contained.
cat > "$scratch/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="artifacts" value="$artifacts" />
  </packageSources>
</configuration>
CONFIG
dotnet tool install SecureLaunch --version "$version" --tool-path "$scratch/tools" --configfile "$scratch/nuget.config"

"$scratch/tools/securelaunch" version
init="$(find "$scratch/tools/.store" -path '*/native/sl-init' -type f | head -n 1)"
if [ -z "$init" ]; then
  echo "pack.sh: native/sl-init is missing from the tool package" >&2
  exit 1
fi
echo "pack.sh: native/sl-init shipped at ${init#"$scratch/tools/"}"
(cd "$root/examples/hello" && "$scratch/tools/securelaunch" validate)
echo "pack.sh: $artifacts/SecureLaunch.$version.nupkg installs and runs"
