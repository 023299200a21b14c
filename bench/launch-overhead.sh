#!/usr/bin/env bash
# Launch overhead of `securelaunch run` against `docker run` of the same image, command, env and
# secret file, with the values already resolved. Paired rounds in alternating order (AB, BA, ...);
# reports the median wall time of each and their ratio. Not a test: numbers go in docs/benchmarks.md.
#   ROUNDS=15 bench/launch-overhead.sh
set -euo pipefail
ROUNDS=${ROUNDS:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
vault_pid=
cleanup() {
  [ -n "$vault_pid" ] && kill "$vault_pid" 2>/dev/null || true
  rm -rf "$work" /dev/shm/securelaunch-bench-key
}
trap cleanup EXIT

echo "publishing a Release build..." >&2
dotnet publish "$root/src/SecureLaunch.Cli" -c Release -o "$work/bin" -v quiet -nologo >/dev/null
sl="$work/bin/securelaunch"
spec="$root/examples/hello/securelaunch.yaml"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token=bench-root-token
"$sl" dev-vault --listen "127.0.0.1:$port" --seed "$spec" --root-token "$token" >"$work/vault.log" 2>&1 &
vault_pid=$!
export VAULT_ADDR="http://127.0.0.1:$port" VAULT_TOKEN="$token"
for _ in $(seq 1 100); do curl -fs "$VAULT_ADDR/v1/sys/health" >/dev/null && break; sleep 0.1; done

# The values docker run gets, resolved once up front (what a wrapper script would have done).
stripe=$(curl -fs -H "X-Vault-Token: $token" "$VAULT_ADDR/v1/secret/data/myapp/stripe" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["data"]["api_key"])')
creds=$(curl -fs -H "X-Vault-Token: $token" "$VAULT_ADDR/v1/database/creds/app")
db_user=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["data"]["username"])' "$creds")
db_password=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["data"]["password"])' "$creds")
printf '%s' "$stripe" >/dev/shm/securelaunch-bench-key
chown 1000 /dev/shm/securelaunch-bench-key && chmod 0400 /dev/shm/securelaunch-bench-key
# The hello example's command, with its '$$' written as the shell's '$'.
command='echo "hello from web: stripe key ${STRIPE_KEY%%_*}_... (${#STRIPE_KEY} chars), database user ${DB_USER:0:10}... with a ${#DB_PASSWORD}-char password, key file of $(wc -c < /run/secrets/stripe_key) bytes owned by uid $(stat -c %u /run/secrets/stripe_key)"'

run_securelaunch() { "$sl" run -f "$spec" -q >/dev/null; }
run_docker() {
  docker run --rm -e STRIPE_KEY="$stripe" -e DB_USER="$db_user" -e DB_PASSWORD="$db_password" \
    -v /dev/shm/securelaunch-bench-key:/run/secrets/stripe_key:ro busybox:stable sh -c "$command" >/dev/null
}
now() { date +%s%N; }
time_one() { local t0; t0=$(now); "$1"; echo $(( ($(now) - t0) / 1000000 )); }

run_securelaunch; run_docker  # warm-up: page cache, image layers
: >"$work/a"; : >"$work/b"
for i in $(seq 1 "$ROUNDS"); do
  if (( i % 2 )); then
    time_one run_securelaunch >>"$work/a"; time_one run_docker >>"$work/b"
  else
    time_one run_docker >>"$work/b"; time_one run_securelaunch >>"$work/a"
  fi
done

python3 - "$work/a" "$work/b" "$ROUNDS" <<'PY'
import statistics, sys
a = [int(x) for x in open(sys.argv[1])]
b = [int(x) for x in open(sys.argv[2])]
ratios = [x / y for x, y in zip(a, b)]
print(f"| rounds | securelaunch run (median ms) | docker run (median ms) | ratio of medians | median of paired ratios |")
print(f"|---|---|---|---|---|")
print(f"| {sys.argv[3]} | {statistics.median(a):.0f} | {statistics.median(b):.0f} | {statistics.median(a)/statistics.median(b):.2f} | {statistics.median(ratios):.2f} |")
print(f"\nraw securelaunch ms: {a}\nraw docker ms: {b}")
PY
