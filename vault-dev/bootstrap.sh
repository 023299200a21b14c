#!/bin/sh
# Applies a bootstrap file (default: bootstrap/examples.txt next to this script) to a real Vault with curl, one API
# request per line, so that the examples and the conformance suite find the same mounts, policies, roles and secrets
# as on the SecureLaunch dev Vault (which applies the same file through its own HTTP API).
#   VAULT_ADDR=http://127.0.0.1:8200 VAULT_TOKEN=... vault-dev/bootstrap.sh [FILE]
# Optional: VAULT_CACERT (a CA bundle for HTTPS), VAULT_BOOTSTRAP_WAIT (seconds to wait for an unsealed, active
# Vault first; default 0). The token and the request bodies go to curl through 0600 files, never on its command line.
set -eu

file=${1:-$(dirname "$0")/bootstrap/examples.txt}
: "${VAULT_ADDR:?set VAULT_ADDR, e.g. http://127.0.0.1:8200}"
: "${VAULT_TOKEN:?set VAULT_TOKEN to a root (or sufficiently privileged) token}"
[ -r "$file" ] || { echo "bootstrap: cannot read $file" >&2; exit 2; }
addr=${VAULT_ADDR%/}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
umask 077
printf 'X-Vault-Token: %s\n' "$VAULT_TOKEN" > "$work/headers"
printf 'Content-Type: application/json\n' >> "$work/headers"
set -- --silent --show-error --header "@$work/headers"
if [ -n "${VAULT_CACERT:-}" ]; then
    set -- "$@" --cacert "$VAULT_CACERT"
fi

wait=${VAULT_BOOTSTRAP_WAIT:-0}
while :; do
    health=$(curl "$@" --output /dev/null --write-out '%{http_code}' "$addr/v1/sys/health" 2>/dev/null || echo 000)
    [ "$health" = 200 ] && break
    if [ "$wait" -le 0 ]; then
        echo "bootstrap: $addr/v1/sys/health answered $health, not 200 (initialised, unsealed, active)" >&2
        exit 1
    fi
    wait=$((wait - 1))
    sleep 1
done

number=0
applied=0
while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    line=${line#"${line%%[! 	]*}"}
    case $line in '' | '#'*) continue ;; esac
    method=${line%% *}
    rest=${line#"$method"}
    rest=${rest#"${rest%%[! ]*}"}
    path=${rest%% *}
    body=${rest#"$path"}
    body=${body#"${body%%[! ]*}"}
    case $method in POST | PUT | DELETE) ;; *) echo "bootstrap: $file:$number: '$method' is not POST, PUT or DELETE" >&2; exit 2 ;; esac
    printf '%s' "$body" > "$work/body"
    if [ -n "$body" ]; then
        status=$(curl "$@" --request "$method" --data-binary "@$work/body" --output "$work/answer" --write-out '%{http_code}' "$addr/v1/$path")
    else
        status=$(curl "$@" --request "$method" --output "$work/answer" --write-out '%{http_code}' "$addr/v1/$path")
    fi
    case $status in
        2??) applied=$((applied + 1)); continue ;;
    esac
    case "$status $method $path" in
        "400 POST sys/mounts/"* | "400 POST sys/auth/"* | "400 PUT sys/mounts/"* | "400 PUT sys/auth/"*)
            if grep -q -e 'path is already in use' -e 'existing mount at' "$work/answer"; then
                continue
            fi
            ;;
    esac
    echo "bootstrap: $file:$number: $method $path answered $status: $(cat "$work/answer")" >&2
    exit 1
done < "$file"

echo "bootstrap: $applied requests applied to $addr from $file"
