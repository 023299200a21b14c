#!/usr/bin/env bash
# Builds a Docker image of SecureLaunch itself without pulling anything: publishes src/SecureLaunch.Cli
# (NativeAOT by default), assembles a minimal root filesystem around it (the binary, native/sl-init, the
# shared libraries it links and the ones .NET opens with dlopen, CA certificates) and `docker import`s it
# into each daemon given. See docs/agent-image.md.
#
#   scripts/agent-image.sh [--tag securelaunch:local] [--host unix:///path/docker.sock]...
#                          [--publish-dir DIR | --form aot|self-contained]
#
# --host is repeatable; without it the image goes to the docker CLI's default daemon (DOCKER_HOST or the
# machine's own). --publish-dir takes an existing publish output of SecureLaunch.Cli (linux-x64, with
# native/sl-init beside the executable) instead of publishing. The image carries the SHA-256 of its rootfs
# tarball as a label: a daemon whose TAG already has that label is left alone, so a second run only
# publishes (incremental, seconds) and compares. Prints IMAGE=TAG on stdout when done.
set -euo pipefail
umask 022

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tag=securelaunch:local
form=aot
publish_dir=""
hosts=()
LABEL=org.securelaunch.rootfs-sha256
# Opened with dlopen by .NET, so ldd does not list them: OpenSSL 3 (System.Security.Cryptography:
# TLS, ECDH, AES-GCM...) and zlib (System.IO.Compression).
DLOPENED=(libssl.so.3 libcrypto.so.3 libz.so.1)

say() { printf 'agent-image: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { say "usage: $0 [--tag TAG] [--host DOCKER_HOST]... [--publish-dir DIR | --form aot|self-contained]"; exit 64; }

while [ $# -gt 0 ]; do
  case $1 in
    --tag) [ $# -ge 2 ] || usage; tag=$2; shift 2 ;;
    --host) [ $# -ge 2 ] || usage; hosts+=("$2"); shift 2 ;;
    --publish-dir) [ $# -ge 2 ] || usage; publish_dir=$2; shift 2 ;;
    --form) [ $# -ge 2 ] || usage; form=$2; shift 2 ;;
    *) usage ;;
  esac
done
case $form in aot | self-contained) ;; *) usage ;; esac
for tool in docker ldd tar sha256sum flock; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SECONDS=0

# --- publish -------------------------------------------------------------------------------------

# One build at a time per checkout: two runs publishing into the same obj/ directories break each other.
mkdir -p "$root/artifacts/agent-image"
exec 9>"$root/artifacts/agent-image/.lock"
flock 9

if [ -z "$publish_dir" ]; then
  publish_dir="$root/artifacts/agent-image/publish-$form"
  case $form in
    aot) flags=(-p:PublishAot=true) ;;
    self-contained) flags=(--self-contained true) ;;
  esac
  say "publishing src/SecureLaunch.Cli ($form, linux-x64, Release) to $publish_dir"
  rm -rf "$publish_dir"
  # Incremental: with unchanged sources the NativeAOT compiler is skipped and this takes seconds.
  dotnet publish "$root/src/SecureLaunch.Cli" -c Release -r linux-x64 -o "$publish_dir" --nologo -v quiet \
    -p:DebugType=none "${flags[@]}" >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; die "dotnet publish failed"; }
fi
[ -x "$publish_dir/securelaunch" ] || die "$publish_dir/securelaunch is missing or not executable"
[ -x "$publish_dir/native/sl-init" ] || die "$publish_dir/native/sl-init is missing (it is built with gcc; see native/sl-init)"
version=$("$publish_dir/securelaunch" version) || die "$publish_dir/securelaunch does not run here"

# --- root filesystem -----------------------------------------------------------------------------

rootfs="$work/rootfs"
mkdir -p "$rootfs"/{opt/securelaunch,usr/local/bin,etc/ssl/certs,tmp,run,root,proc,sys,dev}
chmod 0755 "$rootfs"
chmod 1777 "$rootfs/tmp"
# Docs, symbols, and (self-contained form) the LTTng tracing provider, whose liblttng-ust is not here.
tar -C "$publish_dir" --exclude='*.xml' --exclude='*.pdb' --exclude='*.dbg' \
  --exclude=libcoreclrtraceptprovider.so -cf - . | tar -C "$rootfs/opt/securelaunch" -xf -
ln -s /opt/securelaunch/securelaunch "$rootfs/usr/local/bin/securelaunch"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' >"$rootfs/etc/group"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
else
  say "warning: no /etc/ssl/certs/ca-certificates.crt on this host: the image trusts no public CA"
fi

# The host's top-level library links (merged /usr: /lib -> usr/lib), so that the paths compiled into
# binaries (the loader at /lib64/ld-linux-x86-64.so.2) resolve in the image as they do here.
for dir in lib lib64 lib32 libx32; do
  if [ -L "/$dir" ]; then ln -s "$(readlink "/$dir")" "$rootfs/$dir"; fi
done

# copy_lib PATH: copies one library (following symlinks) under its canonical directory, keeping the
# name it was asked for (the soname the loader looks up).
copy_lib() {
  local path=$1 dir
  dir=$(realpath "$(dirname "$path")")
  [ -e "$rootfs$dir/${path##*/}" ] && return 0
  mkdir -p "$rootfs$dir"
  cp -L "$path" "$rootfs$dir/${path##*/}"
}

# deps_of FILE: the libraries FILE loads (ldd's resolved paths, including the loader).
deps_of() {
  ldd "$1" 2>/dev/null | awk '
    $2 == "=>" && $3 == "not" { print "MISSING " $1; next }
    $2 == "=>" && $3 ~ /^\// { print $3; next }
    $1 ~ /^\// { print $1 }'
}

find_lib() {
  local name=$1 dir
  if command -v ldconfig >/dev/null 2>&1 || [ -x /sbin/ldconfig ]; then
    dir=$({ ldconfig -p 2>/dev/null || /sbin/ldconfig -p; } | awk -v n="$name" '$1 == n && /x86-64/ { print $NF; exit }')
    [ -n "$dir" ] && { printf '%s' "$dir"; return 0; }
  fi
  for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /lib /usr/lib; do
    [ -e "$dir/$name" ] && { printf '%s/%s' "$dir" "$name"; return 0; }
  done
  return 1
}

elves=()
while IFS= read -r -d '' file; do
  [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ] && elves+=("$file")
done < <(find "$rootfs/opt/securelaunch" -type f -print0)
for name in "${DLOPENED[@]}"; do
  path=$(find_lib "$name") || {
    case $name in libz*) say "warning: $name not found on this host; System.IO.Compression may fail in the image"; continue ;; esac
    die "$name not found on this host (install OpenSSL 3: libssl3)"
  }
  copy_lib "$path"
  elves+=("$path")
done
missing=()
for file in "${elves[@]}"; do
  while read -r dep; do
    case $dep in
      MISSING*) missing+=("${file#"$rootfs"}: ${dep#MISSING }") ;;
      *) copy_lib "$dep" ;;
    esac
  done < <(deps_of "$file")
done
for line in ${missing[@]+"${missing[@]}"}; do say "warning: unresolved library for $line"; done

tarball="$work/rootfs.tar"
tar -C "$rootfs" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf "$tarball" .
hash=$(sha256sum "$tarball" | cut -d ' ' -f 1)
say "rootfs $(du -sh "$rootfs" | cut -f 1) ($((${#elves[@]})) ELF files checked), sha256 ${hash:0:16}, built in ${SECONDS}s"

# --- import --------------------------------------------------------------------------------------

import_into() {
  local where=$1 old="" label="" new
  shift
  read -r old label < <("$@" image inspect --format "{{.Id}} {{index .Config.Labels \"$LABEL\"}}" "$tag" 2>/dev/null) || true
  if [ "$label" = "$hash" ]; then
    say "$tag on $where is up to date ($old)"
    return 0
  fi
  new=$("$@" import \
    --change 'ENTRYPOINT ["/opt/securelaunch/securelaunch"]' \
    --change 'CMD ["--help"]' \
    --change 'WORKDIR /' \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'ENV HOME=/root' \
    --change 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1' \
    --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
    --change "LABEL $LABEL=$hash" \
    --change "LABEL org.opencontainers.image.title=securelaunch org.opencontainers.image.version=\"${version#securelaunch }\"" \
    "$tarball" "$tag")
  say "imported $tag on $where ($new)"
  # The previous build of ours under this tag is now untagged: removed, unless a container still uses it.
  if [[ $label =~ ^[0-9a-f]{64}$ ]] && [ "$old" != "$new" ]; then
    "$@" image rm "$old" >/dev/null 2>&1 || true
  fi
}

if [ ${#hosts[@]} -eq 0 ]; then
  import_into "the default daemon" docker
else
  for host in "${hosts[@]}"; do import_into "$host" docker -H "$host"; done
fi
say "done in ${SECONDS}s: $version"
printf 'IMAGE=%s\n' "$tag"
