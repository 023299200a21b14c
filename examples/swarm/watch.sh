#!/usr/bin/env bash
# Watches the swarm example through one rotation, in real time (about a minute): two replicas start
# with the first credentials; at their max TTL the credentials are replaced and Swarm rolls the
# service over to new secret versions, so the replicas print a new user. Then SIGTERM (as Ctrl-C
# would; a script's background job ignores SIGINT) removes the service and its secrets.
# SECURELAUNCH names the command to run (default: dotnet run from this repository).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
read -r -a securelaunch <<< "${SECURELAUNCH:-dotnet run --project $here/../../src/SecureLaunch.Cli --}"
log=$(mktemp)

"${securelaunch[@]}" run --dev -f "$here/securelaunch.yaml" --stop-grace 2 >"$log" 2>&1 &
run_pid=$!
trap 'kill -TERM "$run_pid" 2>/dev/null || true; rm -f "$log"' EXIT

users() { grep -o 'api: user [^ ]*' "$log" | sort -u | wc -l; }
rotated() { grep -c 'service api: secret .* rotated' "$log" || true; }
for _ in $(seq 1 180); do
  [ "$(users)" -ge 2 ] && [ "$(rotated)" -ge 1 ] && break
  kill -0 "$run_pid" 2>/dev/null || break
  sleep 1
done

kill -TERM "$run_pid" 2>/dev/null || true
code=0
wait "$run_pid" || code=$?
grep -E 'api: |content changed|rotated|swarm' "$log" | uniq
left=$(docker service ls -q --filter label=securelaunch.name=swarm-demo | wc -l)
[ "$(grep -c 'api: password file 1000:1000 440' "$log")" -ge 2 ] && echo "each replica has its password file, owned 1000:1000, mode 440"
[ "$(users)" -ge 2 ] && [ "$(rotated)" -ge 1 ] && echo "the service rolled over to new credentials in new Swarm secret versions"
[ "$code" -eq 143 ] && [ "$left" -eq 0 ] && echo "securelaunch stopped on SIGTERM (exit 143) and removed the service"
[ "$(users)" -ge 2 ] && [ "$(rotated)" -ge 1 ] && [ "$code" -eq 143 ] && [ "$left" -eq 0 ]
