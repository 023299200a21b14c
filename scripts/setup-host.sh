#!/usr/bin/env bash
# Prepares a Debian host for SecureLaunch: a running Docker engine with the gVisor (runsc)
# runtime registered, Swarm mode on, a local busybox:stable image (no registry is reachable), and
# gcc to build the static init that hides env values.
# Idempotent: every step checks before it acts. As a non-root user it changes nothing and only
# reports what is missing.
set -euo pipefail
# shellcheck source=lib/busybox-image.sh
. "$(dirname "$0")/lib/busybox-image.sh"

IMAGE="${SECURELAUNCH_TEST_IMAGE:-busybox:stable}"
DAEMON_JSON=/etc/docker/daemon.json
DOCKERD_LOG=/var/log/securelaunch-dockerd.log

say() { printf 'setup-host: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

daemon_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if [ "$(id -u)" -ne 0 ]; then
  missing=()
  command -v docker >/dev/null 2>&1 || missing+=("the docker CLI")
  if command -v docker >/dev/null 2>&1; then
    daemon_answers || missing+=("a Docker daemon this user can reach (DOCKER_HOST or /var/run/docker.sock)")
    if daemon_answers; then
      [ "$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" = active ] || missing+=("swarm mode (docker swarm init)")
      docker image inspect "$IMAGE" >/dev/null 2>&1 || missing+=("the image $IMAGE")
      docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q runsc || missing+=("the runsc runtime (only needed for isolation: sandbox)")
    fi
  fi
  if [ ${#missing[@]} -eq 0 ]; then say "not root; the host already has everything"; exit 0; fi
  say "not root, so nothing was changed. Missing:"
  for m in "${missing[@]}"; do say "  - $m"; done
  exit 1
fi

# 1. Packages.
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v runsc >/dev/null 2>&1 || need+=(runsc)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
# gcc with static glibc builds native/sl-init, the init that hides env values from docker inspect.
command -v gcc >/dev/null 2>&1 || need+=(gcc)
dpkg -s libc6-dev >/dev/null 2>&1 || need+=(libc6-dev)
# curl and jq drive the pipeline example and the real-Vault bootstrap, as a CI job would.
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v jq >/dev/null 2>&1 || need+=(jq)
# ip and nsenter build the multi-node test Swarm (scripts/swarm-cluster.sh).
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v nsenter >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. Register runsc in daemon.json, merging with whatever is there.
RUNSC_PATH=$(command -v runsc)
mkdir -p /etc/docker
changed=$(python3 - "$DAEMON_JSON" "$RUNSC_PATH" <<'PY'
import json, os, sys
path, runsc = sys.argv[1], sys.argv[2]
cfg = {}
if os.path.exists(path) and os.path.getsize(path) > 0:
    with open(path) as f:
        cfg = json.load(f)
want = {"path": runsc, "runtimeArgs": ["--platform=ptrace", "--network=host"]}
runtimes = cfg.setdefault("runtimes", {})
if runtimes.get("runsc") == want:
    print("no")
else:
    runtimes["runsc"] = want
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cfg, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
    print("yes")
PY
)

# 3. A daemon that answers (restarted when we changed its configuration).
dockerd_pid() { pgrep -x dockerd | head -n1 || true; }
if [ "$changed" = yes ] && daemon_answers; then
  pid=$(dockerd_pid)
  if [ -n "$pid" ]; then say "reloading dockerd to register runsc"; kill -HUP "$pid"; sleep 1; fi
fi
if ! daemon_answers; then
  if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
    say "starting docker with systemctl"
    systemctl start docker || true
  fi
fi
if ! daemon_answers; then
  say "starting dockerd in the background (log: $DOCKERD_LOG)"
  # containerd ships with docker.io; dockerd starts its own when none runs.
  nohup dockerd >"$DOCKERD_LOG" 2>&1 &
  for _ in $(seq 1 60); do daemon_answers && break; sleep 0.5; done
  daemon_answers || { tail -n 20 "$DOCKERD_LOG" >&2 || true; die "dockerd did not answer within 30 s"; }
fi
docker info --format '{{json .Runtimes}}' | grep -q runsc || die "dockerd does not list the runsc runtime after reload; restart dockerd"

# 4. Swarm mode.
state=$(docker info --format '{{.Swarm.LocalNodeState}}')
if [ "$state" = inactive ]; then
  say "initialising swarm"
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
elif [ "$state" != active ]; then
  die "swarm is '$state'; fix it or leave the swarm (docker swarm leave --force) and run again"
fi

# 5. A local test image made from busybox-static: no registry is reachable here.
if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  say "building $IMAGE from busybox-static"
  tarfile=$(mktemp)
  trap 'rm -f "$tarfile"' EXIT
  busybox_rootfs_tar "$tarfile"
  busybox_import "$tarfile" "$IMAGE" docker
fi

say "ready: docker $(docker version --format '{{.Server.Version}}'), swarm active, runsc registered, $IMAGE present"
