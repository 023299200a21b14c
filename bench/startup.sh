#!/usr/bin/env bash
# Start-up time of `securelaunch version` in each way it can be run: `dotnet run`, the framework-dependent
# dll under `dotnet`, its apphost, the self-contained single file and NativeAOT. Median of RUNS runs after
# two warm-up runs, wall time and CPU time (user+sys; steadier than wall time on a shared machine).
# Not a test: numbers go in docs/benchmarks.md. Builds what is missing first (scripts/publish.sh).
#   RUNS=20 bench/startup.sh          (AOT=0 to leave NativeAOT out)
set -euo pipefail
RUNS=${RUNS:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

release="$root/src/SecureLaunch.Cli/bin/Release/net10.0"
single="$root/artifacts/publish/single-file-linux-x64/securelaunch"
aot="$root/artifacts/publish/aot-linux-x64/securelaunch"
[ -f "$release/securelaunch.dll" ] || dotnet build src/SecureLaunch.Cli -c Release --nologo -v quiet >/dev/null
[ -x "$single" ] || scripts/publish.sh single-file >/dev/null
if [ "${AOT:-1}" = 1 ] && [ ! -x "$aot" ]; then
  scripts/publish.sh aot >/dev/null || echo "startup.sh: no NativeAOT build (see docs/install.md); skipping it" >&2
fi

# Prints "wall_ms cpu_ms" of one run of "$@" (bash's own `time`, millisecond resolution).
measure() {
  local TIMEFORMAT='%3R %3U %3S' line
  line=$({ time "$@" >/dev/null 2>&1; } 2>&1)
  read -r real user sys <<<"$line"
  awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN { printf "%d %d\n", r * 1000, (u + s) * 1000 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

bench() {
  local name="$1"; shift
  local walls=() cpus=()
  measure "$@" >/dev/null; measure "$@" >/dev/null
  for _ in $(seq 1 "$RUNS"); do
    read -r wall cpu < <(measure "$@")
    walls+=("$wall"); cpus+=("$cpu")
  done
  printf '| %s | %s ms | %s ms | %s |\n' "$name" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "${walls[*]}"
}

echo "$(date -u +%Y-%m-%d) $(uname -m), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version), $RUNS runs"
echo "| how | wall (median) | CPU user+sys (median) | raw wall times (ms) |"
echo "|---|---|---|---|"
bench '`dotnet run --no-build -c Release`' dotnet run --no-build -c Release --project src/SecureLaunch.Cli -- version
bench '`dotnet securelaunch.dll` (framework-dependent)' dotnet "$release/securelaunch.dll" version
bench 'apphost `securelaunch` (framework-dependent)' "$release/securelaunch" version
bench 'single file, self-contained' "$single" version
if [ -x "$aot" ]; then bench 'NativeAOT' "$aot" version; fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
