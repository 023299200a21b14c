#!/bin/sh
# Entrypoint of the SecureLaunch image. SecureLaunch talks to the host's Docker daemon through the mounted
# socket, and that daemon resolves bind-mount sources on the HOST: the in-container init (native/sl-init)
# and the secret files must sit at the same path here and on the host. The secret files do when the host's
# /run/securelaunch (tmpfs) is mounted at /run/securelaunch; the init is copied to $SECURELAUNCH_INIT,
# which must be in a directory mounted from the host at the same path (/var/lib/securelaunch by default).
set -eu
if [ -n "${SECURELAUNCH_INIT:-}" ] && [ -d "$(dirname "$SECURELAUNCH_INIT")" ]; then
  cp /app/native/sl-init "$SECURELAUNCH_INIT.tmp.$$"
  chmod 0755 "$SECURELAUNCH_INIT.tmp.$$"
  mv -f "$SECURELAUNCH_INIT.tmp.$$" "$SECURELAUNCH_INIT"
fi
exec /app/securelaunch "$@"
