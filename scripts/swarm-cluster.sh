#!/usr/bin/env bash
# A real three-node Docker Swarm on this one machine, for tests: a manager and two workers, each an
# extra dockerd in its own network namespace, wired to a bridge in a fourth namespace on a private
# /24. The machine's own dockerd, and its single-node swarm, are never touched.
#
#   scripts/swarm-cluster.sh up [--hold PID]        build or repair it; prints the manager's DOCKER_HOST=... and HOST_ADDR=...
#   scripts/swarm-cluster.sh down [--release PID]   stop the daemons, remove namespaces, links and data
#   scripts/swarm-cluster.sh down --if-unused       the same, unless a live user holds it or it was up by hand
#   scripts/swarm-cluster.sh status                 what runs; exits 0 when all three nodes are ready
#
# Test runs share one cluster: `up --hold PID` records PID as a user and `down --release PID` tears
# down only when no other live user remains and nobody brought the cluster up by hand (plain `up`).
# Plain `down` always tears down. Nodes are named slc-NAME (manager, worker1, worker2), each with its
# socket at /run/securelaunch-cluster/NAME/docker.sock. The machine itself is on the cluster's /24 as
# HOST_ADDR ($NET.1, link slc-host): a server listening there is reachable from the nodes. Root only; exit 2 means this host cannot run
# it (not root, a tool missing). See docs/swarm-cluster.md.
set -euo pipefail
# shellcheck source=lib/busybox-image.sh
. "$(dirname "$0")/lib/busybox-image.sh"

STATE=/run/securelaunch-cluster
DATA=/var/lib/securelaunch-cluster
LOCK=/run/securelaunch-cluster.lock
NET="${SECURELAUNCH_CLUSTER_NET:-10.213.0}" # first three octets of the cluster's /24
IMAGE="${SECURELAUNCH_TEST_IMAGE:-busybox:stable}"
NODES=(manager worker1 worker2)
SWITCH=slc-switch
BRIDGE=slc0
HOST_LINK=slc-host # the machine's own end of its veth to the bridge; the other end, in the switch, is 'host'
HOST_ADDR="$NET.1"

say() { printf 'swarm-cluster: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
unable() { say "cannot run here: $*"; exit 2; }

ns_of() { printf 'slc-%s' "$1"; }
addr_of() {
  case $1 in
    manager) printf '%s.11' "$NET" ;;
    worker1) printf '%s.12' "$NET" ;;
    worker2) printf '%s.13' "$NET" ;;
  esac
}
sock_of() { printf '%s/%s/docker.sock' "$STATE" "$1"; }
dk() { local node=$1; shift; docker -H "unix://$(sock_of "$node")" "$@"; }
answers() { dk "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1; }
# The node's dockerd pid, when it runs.
daemon_pid() {
  local file="$STATE/$1/docker.pid" pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  kill -0 "$pid" 2>/dev/null || return 1
  printf '%s' "$pid"
}

preflight() {
  [ "$(id -u)" -eq 0 ] || unable "needs root (network namespaces, extra dockerd instances)"
  local tool
  for tool in ip nsenter unshare setsid flock dockerd docker; do
    command -v "$tool" >/dev/null 2>&1 || unable "'$tool' is missing (scripts/setup-host.sh installs it)"
  done
  [ -x /bin/busybox ] || unable "/bin/busybox is missing (package busybox-static)"
  [[ $NET =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "SECURELAUNCH_CLUSTER_NET must be three octets, like 10.213.0"
}

lock() {
  exec 9>"$LOCK"
  flock 9
}

# --- network -------------------------------------------------------------------------------------

ensure_network() {
  if [ ! -e "/var/run/netns/$SWITCH" ]; then
    # Our own addresses live in other namespaces, except HOST_ADDR on our own link: anything else here on
    # the /24 is someone else's.
    if ip -4 -o addr show | awk -v own="$HOST_LINK" '$2 != own {print $4}' | grep -q "^${NET//./\\.}\."; then
      die "$NET.0/24 is already used on this host (ip -4 addr); pick another with SECURELAUNCH_CLUSTER_NET"
    fi
    ip netns add "$SWITCH"
  fi
  ip -n "$SWITCH" link set lo up
  ip -n "$SWITCH" link show "$BRIDGE" >/dev/null 2>&1 || ip -n "$SWITCH" link add "$BRIDGE" type bridge
  ip -n "$SWITCH" link set "$BRIDGE" up

  local node ns
  for node in "${NODES[@]}"; do
    ns=$(ns_of "$node")
    [ -e "/var/run/netns/$ns" ] || ip netns add "$ns"
    ip -n "$ns" link set lo up
    if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
      ip -n "$SWITCH" link del "$node" 2>/dev/null || true
      # Both ends are created straight in their namespaces: the host's own eth0 is no obstacle.
      ip link add eth0 netns "$ns" type veth peer name "$node" netns "$SWITCH"
    fi
    ip -n "$ns" addr replace "$(addr_of "$node")/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$SWITCH" link set "$node" master "$BRIDGE" up
  done
  ensure_host_link
}

# The machine's root namespace on the bridge as HOST_ADDR, so that the nodes (and containers on them with
# host networking) reach servers on the host. Only this one address: the nodes get no route beyond the /24.
ensure_host_link() {
  if ! ip link show "$HOST_LINK" >/dev/null 2>&1 || ! ip -n "$SWITCH" link show host >/dev/null 2>&1; then
    # Half a pair cannot be repaired: both ends go and are made again.
    ip link del "$HOST_LINK" 2>/dev/null || true
    ip -n "$SWITCH" link del host 2>/dev/null || true
    ip link add "$HOST_LINK" type veth peer name host netns "$SWITCH"
  fi
  ip addr replace "$HOST_ADDR/24" dev "$HOST_LINK"
  ip link set "$HOST_LINK" up
  ip -n "$SWITCH" link set host master "$BRIDGE" up
}

# --- daemons -------------------------------------------------------------------------------------

start_daemon() {
  local node=$1 dir="$STATE/$1"
  if answers "$node" || daemon_pid "$node" >/dev/null; then return 0; fi
  mkdir -p "$dir" "$DATA/$node"
  # Its own (empty) configuration: /etc/docker/daemon.json belongs to the machine's dockerd.
  printf '{}\n' >"$dir/daemon.json"
  say "starting dockerd for $node at $(addr_of "$node")"
  # nsenter, not `ip netns exec`: the latter remounts /sys in a new mount namespace, which hides the
  # cgroup hierarchy from dockerd. unshare --uts gives the node its own hostname (slc-manager...).
  setsid nsenter --net="/var/run/netns/$(ns_of "$node")" \
    unshare --uts sh -c 'hostname "$1" && shift && exec "$@"' sh "$(ns_of "$node")" \
    dockerd \
      --config-file "$dir/daemon.json" \
      --data-root "$DATA/$node" \
      --exec-root "$dir/exec" \
      --pidfile "$dir/docker.pid" \
      -H "unix://$(sock_of "$node")" \
      --bridge=none --iptables=false --ip-masq=false \
      --shutdown-timeout=2 \
      --log-level=warn \
      </dev/null >>"$dir/dockerd.log" 2>&1 9>&- &
}

wait_daemon() {
  local node=$1 _
  for _ in $(seq 1 120); do answers "$node" && return 0; sleep 0.5; done
  tail -n 20 "$STATE/$node/dockerd.log" >&2 || true
  die "dockerd for $node did not answer within 60 s (log: $STATE/$node/dockerd.log)"
}

stop_daemon() {
  local node=$1 pid _
  if pid=$(daemon_pid "$node"); then
    say "stopping dockerd for $node"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "dockerd for $node ignored SIGTERM; killing it"; kill -KILL "$pid"; fi
  fi
}

# What a dead dockerd may leave: its containerd and shims, whose arguments name the node's
# directories. Run once the daemons are stopped, never beside another sweep: a concurrent grep has
# the same words in its own arguments.
kill_leftovers() {
  local node=$1 proc
  for proc in $(grep -lsF -e "$STATE/$node/exec/" -e "$DATA/$node/" /proc/[0-9]*/cmdline); do
    proc=${proc#/proc/}
    kill -KILL "${proc%/cmdline}" 2>/dev/null || true
  done
}

# Lazily unmounts whatever remains under a directory (overlay layers, secret tmpfs, netns files).
unmount_under() {
  local dir=$1 target
  awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r |
    while read -r target; do umount -l "$target" 2>/dev/null || true; done
  if awk -v d="$dir" 'index($5, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    die "mounts remain under $dir; not removing it"
  fi
}

# --- swarm ---------------------------------------------------------------------------------------

swarm_state() { dk "$1" info --format '{{.Swarm.LocalNodeState}}'; }

# Joins one worker to the manager at $2 with token $3, after leaving any other swarm it is in.
ensure_worker() {
  local node=$1 manager=$2 token=$3 state id
  read -r state id < <(dk "$node" info --format '{{.Swarm.LocalNodeState}} {{.Swarm.NodeID}}')
  if [ "$state" = active ] && ! dk manager node inspect "$id" >/dev/null 2>&1; then
    say "$node belongs to another swarm; it leaves it"
    dk "$node" swarm leave --force >/dev/null
    state=inactive
  fi
  case $state in
    active) ;;
    inactive)
      say "joining $node as a worker"
      dk "$node" swarm join --token "$token" --advertise-addr "$(addr_of "$node")" \
        --listen-addr "$(addr_of "$node"):2377" "$manager" >/dev/null ;;
    *) die "$node's swarm is '$state'; run down, then up" ;;
  esac
}

ensure_swarm() {
  local state node id token manager joins=()
  manager="$(addr_of manager):2377"
  state=$(swarm_state manager)
  case $state in
    active) ;;
    inactive)
      say "initialising the swarm on manager"
      dk manager swarm init --advertise-addr "$(addr_of manager)" --listen-addr "$manager" >/dev/null ;;
    *) die "the manager's swarm is '$state'; run down, then up" ;;
  esac
  token=$(dk manager swarm join-token -q worker)
  for node in worker1 worker2; do
    ensure_worker "$node" "$manager" "$token" &
    joins+=($!)
  done
  for id in "${joins[@]}"; do wait "$id" || die "a worker did not join"; done
  # Nodes left behind by an earlier worker daemon that lost its data.
  local ids=()
  for node in "${NODES[@]}"; do ids+=("$(dk "$node" info --format '{{.Swarm.NodeID}}')"); done
  for id in $(dk manager node ls -q); do
    if ! printf '%s\n' "${ids[@]}" | grep -qx "$id"; then
      say "removing stale node $id"
      dk manager node rm --force "$id" >/dev/null
    fi
  done
}

ready_nodes() { dk manager node ls --format '{{.Status}} {{.Availability}}' | grep -c '^Ready Active$' || true; }

wait_ready() {
  local _
  for _ in $(seq 1 120); do [ "$(ready_nodes)" = 3 ] && return 0; sleep 0.5; done
  dk manager node ls >&2 || true
  die "the swarm does not have three ready, active nodes after 60 s"
}

ensure_images() {
  local node tarfile=""
  for node in "${NODES[@]}"; do
    dk "$node" image inspect "$IMAGE" >/dev/null 2>&1 && continue
    if [ -z "$tarfile" ]; then
      tarfile=$(mktemp)
      # shellcheck disable=SC2064 # expand now: the variable is local
      trap "rm -f '$tarfile'" EXIT
      busybox_rootfs_tar "$tarfile"
    fi
    say "importing $IMAGE on $node"
    busybox_import "$tarfile" "$IMAGE" docker -H "unix://$(sock_of "$node")"
  done
}

# --- users ---------------------------------------------------------------------------------------

live_holders() {
  local file
  for file in "$STATE"/holders/*; do
    [ -e "$file" ] || continue
    if kill -0 "${file##*/}" 2>/dev/null; then printf '%s\n' "${file##*/}"; else rm -f "$file"; fi
  done
}

# --- verbs ---------------------------------------------------------------------------------------

up() {
  local holder=$1 node
  lock
  SECONDS=0
  ensure_network
  for node in "${NODES[@]}"; do start_daemon "$node"; done
  for node in "${NODES[@]}"; do wait_daemon "$node"; done
  # The images do not depend on the swarm: imported while the workers join.
  ensure_images &
  local images=$!
  ensure_swarm
  wait "$images" || die "importing $IMAGE failed"
  wait_ready
  mkdir -p "$STATE/holders"
  if [ -n "$holder" ]; then : >"$STATE/holders/$holder"; else : >"$STATE/by-hand"; fi
  say "up in ${SECONDS}s: three ready nodes; workers at $(addr_of worker1), $(addr_of worker2)"
  printf 'DOCKER_HOST=unix://%s\n' "$(sock_of manager)"
  printf 'HOST_ADDR=%s\n' "$HOST_ADDR"
}

down() {
  local holder=$1 node users
  lock
  if [ -n "$holder" ]; then
    [ "$holder" = unused ] || rm -f "$STATE/holders/$holder"
    users=$(live_holders | tr '\n' ' ')
    if [ -n "$users" ]; then say "still used by pid ${users% }; left running"; return 0; fi
    if [ -e "$STATE/by-hand" ]; then say "brought up by hand; left running (plain 'down' removes it)"; return 0; fi
  fi
  SECONDS=0
  # Leaving first: a dockerd stopped while in a swarm waits ~25 s on its way out, one that left
  # stops in about two.
  for node in worker1 worker2 manager; do
    if answers "$node" && [ "$(swarm_state "$node")" != inactive ]; then
      dk "$node" swarm leave --force >/dev/null 2>&1 || true
    fi
    if answers "$node"; then
      dk "$node" ps -aq | xargs -r docker -H "unix://$(sock_of "$node")" rm -f >/dev/null 2>&1 || true
    fi
  done
  for node in "${NODES[@]}"; do stop_daemon "$node" & done
  wait
  for node in "${NODES[@]}"; do kill_leftovers "$node"; done
  for node in "${NODES[@]}"; do
    unmount_under "$STATE/$node"
    unmount_under "$DATA/$node"
  done
  # Deleting the switch namespace takes the host link's peer, and so the link, with it; a link left
  # without its namespace is removed here.
  for node in "${NODES[@]}" switch; do
    if [ -e "/var/run/netns/slc-$node" ]; then ip netns del "slc-$node"; fi
  done
  ip link del "$HOST_LINK" 2>/dev/null || true
  rm -rf "$STATE" "$DATA"
  say "down in ${SECONDS}s"
}

status() {
  local node pid state healthy=0 answering=0
  for node in "${NODES[@]}"; do
    if [ -e "/var/run/netns/$(ns_of "$node")" ]; then state=present; else state=missing; fi
    printf '%-8s %-13s netns %-8s ' "$node" "$(addr_of "$node")" "$state"
    if pid=$(daemon_pid "$node"); then
      if answers "$node"; then
        answering=$((answering + 1))
        printf 'dockerd %-7s swarm %-9s unix://%s\n' "$pid" "$(swarm_state "$node")" "$(sock_of "$node")"
      else
        printf 'dockerd %-7s (not answering)\n' "$pid"
      fi
    else
      printf 'dockerd stopped\n'
    fi
  done
  printf '%-8s %-13s link  %s\n' host "$HOST_ADDR" "$(host_link_state)"
  if answers manager && [ "$(swarm_state manager)" = active ]; then
    dk manager node ls
    # The manager's view lags behind a daemon that just died: both must agree.
    [ "$(ready_nodes)" = 3 ] && [ "$answering" = 3 ] && [ "$(host_link_state)" = "$HOST_LINK UP" ] && healthy=1
  fi
  if [ -d "$STATE/holders" ]; then
    printf 'users: %s%s\n' "$(live_holders | tr '\n' ' ')" "$([ -e "$STATE/by-hand" ] && echo '(by hand)')"
  fi
  [ "$healthy" = 1 ]
}

host_link_state() {
  local state
  state=$(ip -o link show "$HOST_LINK" 2>/dev/null | grep -o 'state [A-Z]*' | cut -d ' ' -f 2) || true
  if [ -z "$state" ]; then printf '%s missing' "$HOST_LINK"; return; fi
  if ip -4 -o addr show dev "$HOST_LINK" | grep -q " $HOST_ADDR/24 "; then
    printf '%s %s' "$HOST_LINK" "$state"
  else
    printf '%s %s (without %s)' "$HOST_LINK" "$state" "$HOST_ADDR"
  fi
}

usage() { say "usage: $0 up [--hold PID] | down [--release PID | --if-unused] | status"; exit 64; }

verb=${1:-}
[ $# -gt 0 ] && shift
pid=""
if [ "$verb ${1:-}" = "down --if-unused" ] && [ $# -eq 1 ]; then
  pid=unused
  shift
fi
if [ $# -gt 0 ]; then
  case "$verb $1" in
    "up --hold" | "down --release") [ $# -eq 2 ] && [[ $2 =~ ^[0-9]+$ ]] || usage; pid=$2 ;;
    *) usage ;;
  esac
fi
case $verb in
  up) preflight; up "$pid" ;;
  down) preflight; down "$pid" ;;
  status) preflight; status ;;
  *) usage ;;
esac
