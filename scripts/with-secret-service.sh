#!/usr/bin/env bash
# Runs a command with a real Secret Service (gnome-keyring, unlocked), as a desktop session has.
# Use inside a private D-Bus session:  dbus-run-session -- scripts/with-secret-service.sh CMD...
set -euo pipefail
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "with-secret-service: no D-Bus session; run me under dbus-run-session" >&2
  exit 1
fi
# A throwaway keyring: its own data folder, so the user's keyrings are never touched.
export XDG_DATA_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
for _ in $(seq 1 50); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done
"$@"
