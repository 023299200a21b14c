#!/usr/bin/env bash
# Tries the web example as a person would: start it against a throwaway dev Vault, fetch the page
# once the server answers, then SIGTERM (as Ctrl-C would), which stops both containers and revokes the lease.
# SECURELAUNCH names the command to run (default: dotnet run from this repository); PORT the host port.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
read -r -a securelaunch <<< "${SECURELAUNCH:-dotnet run --project $here/../../src/SecureLaunch.Cli --}"
export PORT=${PORT:-8080}

"${securelaunch[@]}" run --dev -f "$here/securelaunch.yaml" &
run_pid=$!
trap 'kill -TERM "$run_pid" 2>/dev/null || true' EXIT

page=""
for _ in $(seq 1 120); do
  page=$(curl -fsS "http://127.0.0.1:$PORT/" 2>/dev/null) && break
  kill -0 "$run_pid" 2>/dev/null || { echo "try.sh: securelaunch ended before the server answered" >&2; exit 1; }
  sleep 0.5
done
[ -n "$page" ] || { echo "try.sh: no answer on port $PORT" >&2; exit 1; }
echo "$page"

kill -TERM "$run_pid"
code=0
wait "$run_pid" || code=$?
trap - EXIT
# 143: stopped by SIGTERM, as docker run reports it (a background job of a script ignores SIGINT).
[ "$code" -eq 143 ] || { echo "try.sh: securelaunch exited with $code, not 143" >&2; exit 1; }
echo "securelaunch stopped on SIGTERM (exit 143)"
