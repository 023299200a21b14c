#!/usr/bin/env bash
# Tests sl-init against the real Docker engine: test.sh [--bench [PAIRS]]
# Runs every check under runc and, when the daemon has it, under gVisor (runsc); in busybox:stable
# and in an image with no shell and no libc. Exits non-zero if any check fails. Every container
# and image it creates carries this run's id and is removed on exit.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="${SECURELAUNCH_TEST_IMAGE:-busybox:stable}"
run_id="sl-init-test-$$"
noshell_image="sl-init-noshell:$run_id"
bench=0
if [ "${1:-}" = "--bench" ]; then
  bench="${2:-5}"
fi

# The init lives on disk (as it will next to securelaunch.dll); env files on tmpfs, as SecureLaunch writes them.
bin_dir="$(mktemp -d "${TMPDIR:-/tmp}/$run_id.XXXXXX")"
env_dir="$(mktemp -d "/dev/shm/$run_id.XXXXXX")"
init="$bin_dir/sl-init"

cleanup() {
  docker ps -aq --filter "label=sl-init-test=$run_id" | xargs -r docker rm -f >/dev/null 2>&1
  docker image rm -f "$noshell_image" >/dev/null 2>&1
  rm -rf "$bin_dir" "$env_dir"
}
trap cleanup EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "  ok    $*"; }
bad() { failed=$((failed + 1)); echo "  FAIL  $*"; }
expect() { # description expected actual
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: expected [$2], got [$3]"; fi
}
expect_contains() { # description needle haystack
  case "$3" in *"$2"*) ok "$1" ;; *) bad "$1: [$2] not in [$3]" ;; esac
}
expect_absent() { # description needle haystack
  case "$3" in *"$2"*) bad "$1: found [$2]" ;; *) ok "$1" ;; esac
}

# env_file NAME ENTRY... : one NUL-terminated entry per argument, owner root, mode 0400.
env_file() {
  local path="$env_dir/$1"
  shift
  rm -f "$path"
  (umask 077 && printf '%s\0' "$@" >"$path")
  chmod 0400 "$path"
  echo "$path"
}

runtime_args=()
# wrapped ENVFILE IMAGE [docker run options...] -- COMMAND... : docker run with the init as entrypoint.
wrapped() {
  local envfile="$1" img="$2"
  shift 2
  local opts=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  docker run --label "sl-init-test=$run_id" "${runtime_args[@]}" "${opts[@]}" \
    -v "$init:/.securelaunch/init:ro" -v "$envfile:/.securelaunch/env:ro" \
    --entrypoint /.securelaunch/init "$img" -- "$@"
}

# capture VAR_OUT VAR_RC command... : stdout+stderr and exit code of a command.
capture() {
  local __out __rc
  __out="$("${@:3}" 2>&1)" && __rc=0 || __rc=$?
  printf -v "$1" '%s' "$__out"
  printf -v "$2" '%s' "$__rc"
}

wait_for_log() { # container text
  for _ in $(seq 100); do
    docker logs "$1" 2>&1 | grep -qF "$2" && return 0
    sleep 0.1
  done
  return 1
}

seconds_since() { echo "$(( ($(date +%s%N) - $1) / 1000000 ))"; }

build_probe() {
  # A static test program for the image with no shell: prints variables, exits with a code,
  # waits for SIGTERM, makes orphans and counts zombies through /proc.
  cat >"$bin_dir/probe.c" <<'EOF'
#define _GNU_SOURCE
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static void on_term(int sig) { (void)sig; _exit(42); }
static void nap(long ms) { struct timespec t = {ms / 1000, (ms % 1000) * 1000000L}; while (nanosleep(&t, &t) != 0) {} }
static int zombies(void) {
  int n = 0; DIR *d = opendir("/proc"); struct dirent *e;
  while (d && (e = readdir(d))) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    char path[64], buf[512]; snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
    FILE *f = fopen(path, "r"); if (!f) continue;
    size_t r = fread(buf, 1, sizeof buf - 1, f); fclose(f); buf[r] = 0;
    char *p = strrchr(buf, ')'); if (p && p[1] == ' ' && p[2] == 'Z') n++;
  }
  if (d) closedir(d);
  return n;
}
int main(int argc, char **argv) {
  if (argc < 2) return 2;
  if (!strcmp(argv[1], "env")) { for (int i = 2; i < argc; i++) { const char *v = getenv(argv[i]); printf("%s=%s|", argv[i], v ? v : "<unset>"); } printf("\n"); return 0; }
  if (!strcmp(argv[1], "exit")) return atoi(argv[2]);
  if (!strcmp(argv[1], "wait-term")) { signal(SIGTERM, on_term); printf("ready\n"); fflush(stdout); for (;;) pause(); }
  if (!strcmp(argv[1], "sleep")) { printf("ready\n"); fflush(stdout); for (;;) pause(); }
  if (!strcmp(argv[1], "orphans")) {
    for (int i = 0; i < 5; i++) { pid_t c = fork(); if (c == 0) { if (fork() == 0) { nap(100); _exit(0); } _exit(0); } waitpid(c, NULL, 0); }
    nap(1000); printf("zombies=%d\n", zombies()); return 0;
  }
  return 2;
}
EOF
  gcc -static -O2 -o "$bin_dir/probe" "$bin_dir/probe.c"
}

build_noshell_image() {
  local root="$bin_dir/rootfs"
  mkdir -p "$root/opt/bin"
  cp "$bin_dir/probe" "$root/probe"
  cp "$bin_dir/probe" "$root/opt/bin/probe"
  printf 'not a program\n' >"$root/notexec"
  chmod 0644 "$root/notexec"
  tar -C "$root" -c . | docker import - "$noshell_image" >/dev/null
}

suite_busybox() {
  local secret="s3cr3t-$RANDOM$RANDOM" second="second-$RANDOM$RANDOM" out rc env c t0 elapsed

  # Values arrive, newlines and '=' intact, on top of the image's/Config.Env, and override it.
  env=$(env_file values "SL_SECRET=$secret" "SL_MULTI=line1
line2=$second" "SL_EMPTY=" "SL_OVERRIDE=from-file")
  capture out rc wrapped "$env" "$image" --rm -e VISIBLE=plain -e SL_OVERRIDE=from-config -- \
    sh -c 'printf "%s|%s|%s|%s|%s" "$SL_SECRET" "$SL_MULTI" "$VISIBLE" "$SL_OVERRIDE" "${SL_EMPTY-unset}"'
  expect "values arrive (newline and '=' intact, Config.Env kept, file wins)" \
    "$secret|line1
line2=$second|plain|from-file|" "$out"
  expect "... and the command's exit code is 0" 0 "$rc"

  # A running container: nothing of the values in docker inspect, docker top, PID 1's own environ.
  c="$run_id-inspect"
  wrapped "$env" "$image" -d --name "$c" -- sh -c 'echo ready; exec sleep 60' >/dev/null
  wait_for_log "$c" ready || bad "inspect container did not start"
  out="$(docker inspect "$c")"
  expect_absent "docker inspect shows no value" "$secret" "$out"
  expect_absent "docker inspect shows no value (2nd)" "$second" "$out"
  expect_contains "docker inspect shows the wrapped command" '"/.securelaunch/init"' "$out"
  out="$(docker top "$c" -o pid,args 2>&1)"
  expect_absent "docker top shows no value" "$secret" "$out"
  out="$(docker exec "$c" sh -c 'tr "\0" "\n" </proc/1/environ')"
  expect_absent "the init's own /proc/1/environ holds no value" "$secret" "$out"
  out="$(docker exec "$c" sh -c 'for p in /proc/[0-9]*; do [ "$(cat $p/comm 2>/dev/null)" = sleep ] && tr "\0" "\n" <$p/environ; done')"
  expect_contains "the command's process has the value" "SL_SECRET=$secret" "$out"
  t0=$(date +%s%N)
  docker stop -t 10 "$c" >/dev/null
  elapsed=$(seconds_since "$t0")
  expect "docker stop: plain sleep dies of SIGTERM, exit 143" 143 "$(docker inspect -f '{{.State.ExitCode}}' "$c")"
  [ "$elapsed" -lt 5000 ] && ok "docker stop: took ${elapsed} ms" || bad "docker stop took ${elapsed} ms"
  docker rm -f "$c" >/dev/null

  capture out rc wrapped "$env" "$image" --rm -- sh -c 'exit 3'
  expect "exit code 3 comes back as 3" 3 "$rc"

  # SIGTERM reaches a child with a handler; the other forwarded signals too.
  c="$run_id-signals"
  wrapped "$env" "$image" -d --name "$c" -- sh -c '
    for s in HUP INT QUIT USR1 USR2 WINCH; do trap "echo got-$s" $s; done
    trap "echo got-TERM; exit 42" TERM
    echo ready
    while :; do sleep 1 & wait $!; done' >/dev/null
  wait_for_log "$c" ready || bad "signals container did not start"
  for s in HUP INT QUIT USR1 USR2 WINCH; do
    docker kill -s "$s" "$c" >/dev/null
    wait_for_log "$c" "got-$s" && ok "SIG$s is forwarded to the child" || bad "SIG$s did not reach the child"
  done
  t0=$(date +%s%N)
  docker stop -t 10 "$c" >/dev/null
  elapsed=$(seconds_since "$t0")
  expect "docker stop: the child's TERM handler runs, exit 42" 42 "$(docker inspect -f '{{.State.ExitCode}}' "$c")"
  [ "$elapsed" -lt 5000 ] && ok "docker stop: took ${elapsed} ms" || bad "docker stop took ${elapsed} ms"
  docker rm -f "$c" >/dev/null

  # Zombies: orphans of a child that never waits are reparented to PID 1. Control first: with
  # `sleep` as PID 1 they stay zombies (so the check can see them); with the init they are reaped.
  local spawn='for i in 1 2 3 4 5; do (sleep 0.1 &); done; echo ready; exec sleep 60'
  c="$run_id-zombies-control"
  docker run -d --label "sl-init-test=$run_id" "${runtime_args[@]}" --name "$c" "$image" sh -c "$spawn" >/dev/null
  wait_for_log "$c" ready; sleep 1
  local control
  control="$(docker exec "$c" ps -o stat | grep -c '^Z')"
  docker rm -f "$c" >/dev/null
  c="$run_id-zombies"
  wrapped "$env" "$image" -d --name "$c" -- sh -c "$spawn" >/dev/null
  wait_for_log "$c" ready; sleep 1
  out="$(docker exec "$c" ps -o stat | grep -c '^Z')"
  docker rm -f "$c" >/dev/null
  if [ "$control" -gt 0 ] && [ "$out" = 0 ]; then
    ok "orphans are reaped (zombies: $out with the init, $control with sleep as PID 1)"
  else
    bad "zombies: $out with the init, $control with sleep as PID 1"
  fi

  capture out rc wrapped "$env" "$image" --rm -- no-such-command
  expect "command not found gives 127" 127 "$rc"
  expect_contains "... with a message" "no-such-command: not found in PATH" "$out"
  capture out rc wrapped "$env" "$image" --rm -- /.securelaunch/env
  expect "a file that is not executable gives 126" 126 "$rc"

  # A malformed file is refused before anything runs, and no byte of it is printed.
  local bad_env
  bad_env=$(env_file malformed "SL_SECRET=$secret" "1BAD=$second")
  capture out rc wrapped "$bad_env" "$image" --rm -- sh -c 'echo ran'
  expect "a malformed file gives 125" 125 "$rc"
  expect_contains "... with where it is malformed" "entry 2 has an invalid name" "$out"
  expect_absent "... and no value" "$secret" "$out"
  expect_absent "... and no value (2nd)" "$second" "$out"
  expect_absent "... and the command did not run" "ran" "$out"
  capture out rc wrapped "$env_dir/missing" "$image" --rm -- sh -c 'echo ran'
  expect "a missing file (Docker mounts a new directory) gives 125" 125 "$rc"
  rmdir "$env_dir/missing" 2>/dev/null

  # A container user other than root needs a file it can read.
  capture out rc wrapped "$env" "$image" --rm --user 1000:1000 -- sh -c 'echo "$SL_SECRET"'
  expect "as uid 1000, a root-owned 0400 file gives 125" 125 "$rc"
  expect_contains "... saying why" "Permission denied" "$out"
  local user_env
  user_env=$(env_file user "SL_SECRET=$secret")
  chown 1000:1000 "$user_env"
  capture out rc wrapped "$user_env" "$image" --rm --user 1000:1000 -- sh -c 'echo "$SL_SECRET"'
  expect "as uid 1000, a 0400 file owned by uid 1000 works" "$secret" "$out"
}

suite_noshell() {
  local secret="s3cr3t-$RANDOM$RANDOM" out rc env c t0 elapsed
  env=$(env_file noshell "SL_SECRET=$secret" "PATH=/opt/bin")
  capture out rc wrapped "$env" "$noshell_image" --rm -- /probe env SL_SECRET
  expect "no shell: values arrive" "SL_SECRET=$secret|" "$out"
  capture out rc wrapped "$env" "$noshell_image" --rm -- probe env PATH
  expect "no shell: a bare name is looked up in the file's PATH" "PATH=/opt/bin|" "$out"
  local no_path
  no_path=$(env_file nopath "SL_SECRET=$secret")
  capture out rc wrapped "$no_path" "$noshell_image" --rm -- probe env PATH
  expect "no shell: without it, Docker's default PATH has no /opt/bin: 127" 127 "$rc"
  capture out rc wrapped "$env" "$noshell_image" --rm -- /probe exit 3
  expect "no shell: exit code 3 comes back as 3" 3 "$rc"
  capture out rc wrapped "$env" "$noshell_image" --rm -- sh -c true
  expect "no shell: sh is not found, 127" 127 "$rc"
  capture out rc wrapped "$env" "$noshell_image" --rm -- /notexec
  expect "no shell: a non-executable file gives 126" 126 "$rc"
  capture out rc wrapped "$env" "$noshell_image" --rm -- /probe orphans
  expect "no shell: orphans are reaped" "zombies=0" "$out"

  c="$run_id-noshell-term"
  wrapped "$env" "$noshell_image" -d --name "$c" -- /probe wait-term >/dev/null
  wait_for_log "$c" ready || bad "no-shell container did not start"
  t0=$(date +%s%N)
  docker stop -t 10 "$c" >/dev/null
  elapsed=$(seconds_since "$t0")
  expect "no shell: docker stop runs the child's handler, exit 42" 42 "$(docker inspect -f '{{.State.ExitCode}}' "$c")"
  [ "$elapsed" -lt 5000 ] && ok "no shell: docker stop took ${elapsed} ms" || bad "no shell: docker stop took ${elapsed} ms"
  docker rm -f "$c" >/dev/null
}

bench_startup() { # pairs
  local env plain=() mounts=() wrapped_ms=() t0 i
  env=$(env_file bench "SL_SECRET=x")
  for i in $(seq "$1"); do
    t0=$(date +%s%N); docker run --rm "${runtime_args[@]}" "$image" true >/dev/null; plain+=("$(seconds_since "$t0")")
    t0=$(date +%s%N); wrapped "$env" "$image" --rm -- true >/dev/null; wrapped_ms+=("$(seconds_since "$t0")")
  done
  echo "  docker run true, ms:            ${plain[*]}"
  echo "  ... through sl-init, ms:        ${wrapped_ms[*]}"
}

command -v docker >/dev/null && docker version >/dev/null 2>&1 || {
  echo "docker is not reachable (bash scripts/setup-host.sh starts it)" >&2
  exit 1
}
docker image inspect "$image" >/dev/null 2>&1 || { echo "image $image is missing (scripts/setup-host.sh builds it)" >&2; exit 1; }
[ "$(stat -f -c %T "$env_dir")" = tmpfs ] || { echo "$env_dir is not on tmpfs" >&2; exit 1; }

bash "$here/build.sh" "$init" >/dev/null || exit 1
echo "sl-init: $(wc -c <"$init") bytes, $(file -b "$init" | cut -d, -f1-4)"
build_probe || exit 1
build_noshell_image || exit 1

runtimes=(runc)
docker info --format '{{range $name, $_ := .Runtimes}}{{$name}} {{end}}' | grep -qw runsc && runtimes+=(runsc)
for runtime in "${runtimes[@]}"; do
  runtime_args=(--runtime "$runtime")
  echo "== $runtime: $image"
  suite_busybox
  echo "== $runtime: an image with no shell and no libc"
  suite_noshell
  if [ "$bench" -gt 0 ]; then
    echo "== $runtime: start-up, $bench paired runs"
    bench_startup "$bench"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
