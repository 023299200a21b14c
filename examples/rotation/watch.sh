#!/usr/bin/env bash
# Watches the rotation example through one rotation, in real time (about 40 s): the database
# credentials reach their max TTL and are replaced; 'web' gets SIGHUP and reads the new user from
# its rewritten file, and 'worker' is restarted with new credentials in its environment. Then SIGTERM (as Ctrl-C would) ends the launch; a script's background job ignores SIGINT.
# SECURELAUNCH names the command to run (default: dotnet run from this repository).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
read -r -a securelaunch <<< "${SECURELAUNCH:-dotnet run --project $here/../../src/SecureLaunch.Cli --}"
log=$(mktemp)

"${securelaunch[@]}" run --dev -f "$here/securelaunch.yaml" >"$log" 2>&1 &
run_pid=$!
trap 'kill -TERM "$run_pid" 2>/dev/null || true; rm -f "$log"' EXIT

users() { grep -o 'web: using user [^ ]*' "$log" | sort -u | wc -l; }
hups() { grep -c 'web: SIGHUP' "$log" || true; }
starts() { grep -c 'worker: started as' "$log" || true; }
for _ in $(seq 1 180); do
  [ "$(users)" -ge 2 ] && [ "$(hups)" -ge 1 ] && [ "$(starts)" -ge 2 ] && break
  kill -0 "$run_pid" 2>/dev/null || break
  sleep 1
done

kill -TERM "$run_pid" 2>/dev/null || true
code=0
wait "$run_pid" || code=$?
grep -E 'content changed|SIGHUP done|restart done|worker: started|web: ' "$log" | uniq
[ "$(users)" -ge 2 ] && [ "$(hups)" -ge 1 ] && echo "web got SIGHUP and read a new user from its rewritten file"
[ "$(starts)" -ge 2 ] && echo "worker was restarted with new credentials in its environment"
[ "$code" -eq 143 ] && echo "securelaunch stopped on SIGTERM (exit 143)"
[ "$(users)" -ge 2 ] && [ "$(hups)" -ge 1 ] && [ "$(starts)" -ge 2 ] && [ "$code" -eq 143 ]
