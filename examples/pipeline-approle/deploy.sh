#!/usr/bin/env bash
# The deploy step of a pipeline, end to end against a throwaway dev Vault:
#   1. a dev Vault seeded from this example's dev: section stands in for the real one;
#   2. the orchestrator's part: a secret-id for the AppRole, response-wrapped for 60 s
#      (in a real pipeline the CI system's trusted broker does this and hands over only the wrapping token);
#   3. the job's part: securelaunch run, with the role-id in the spec and the wrapping token in WRAPPED_SECRET_ID.
# SECURELAUNCH names the command to run (default: dotnet run from this repository).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
read -r -a securelaunch <<< "${SECURELAUNCH:-dotnet run --project $here/../../src/SecureLaunch.Cli --}"
port=${PORT:-18200}
root=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')

"${securelaunch[@]}" dev-vault --listen "127.0.0.1:$port" --seed "$here/securelaunch.yaml" --root-token "$root" >/dev/null &
vault_pid=$!
trap 'kill "$vault_pid" 2>/dev/null; wait "$vault_pid" 2>/dev/null || true' EXIT
export VAULT_ADDR="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -sf "$VAULT_ADDR/v1/sys/health" >/dev/null && break
  sleep 0.2
done

WRAPPED_SECRET_ID=$(curl -sf -X POST -H "X-Vault-Token: $root" -H "X-Vault-Wrap-TTL: 60s" \
  "$VAULT_ADDR/v1/auth/approle/role/deploy/secret-id" | jq -er .wrap_info.token)
export WRAPPED_SECRET_ID
unset root

"${securelaunch[@]}" run -f "$here/securelaunch.yaml"
