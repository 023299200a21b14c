# shellcheck shell=bash
# Sourced by setup-host.sh and swarm-cluster.sh. No registry is reachable here, so the test image
# is made locally: a rootfs from busybox-static (/bin/busybox, statically linked), imported with
# `docker import`. It takes well under a second.

# busybox_rootfs_tar FILE: writes the rootfs as a tar to FILE.
busybox_rootfs_tar() (
  set -euo pipefail
  local out=$1 root
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root"/{bin,etc,tmp,run,proc,sys,dev,root,home}
  cp /bin/busybox "$root/bin/busybox"
  # Hard links made by busybox itself: one `ln` per applet costs ~400 processes, seconds on a busy host.
  "$root/bin/busybox" --install "$root/bin"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -cf "$out" .
)

# busybox_import TARFILE IMAGE DOCKER_COMMAND...: imports the rootfs as IMAGE through the given
# docker command (e.g. `docker -H unix:///some.sock`).
busybox_import() {
  local tarfile=$1 image=$2
  shift 2
  "$@" import --change 'CMD ["sh"]' --change 'ENV PATH=/bin' "$tarfile" "$image" >/dev/null
}
