#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# with-keyring.sh COMMAND [ARG...]
#
# Runs COMMAND on a private D-Bus session bus with its own gnome-keyring,
# unlocked, in a throwaway HOME, so tests never see or touch the keyring of
# the person running them. The PIN tests and the UI tests use it.
#
# A missing gnome-keyring-daemon or dbus-run-session is a failure, not a
# skip: build-aux/daftari.sh installs both before running the tests.
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring.sh: $tool is missing (Debian packages dbus-daemon and gnome-keyring)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/daftari-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A signal ends the script through exit, so the EXIT trap still cleans up.
trap 'exit 143' HUP INT TERM

# Every place gnome-keyring or a test might read or write: all under $tmp.
# XDG_DATA_HOME matters most, as the keyring files live in it.
export HOME="$tmp/home"
export XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
chmod 700 "$HOME" "$XDG_RUNTIME_DIR"

# Nothing may lead back to the user's own session, bus or keyring daemon.
unset DBUS_SESSION_BUS_ADDRESS DBUS_STARTER_ADDRESS DBUS_STARTER_BUS_TYPE \
      GNOME_KEYRING_CONTROL SSH_AUTH_SOCK SECRET_BACKEND
# Tests that write to a keyring refuse to run without this. The password
# is for tests that lock the keyring and must unlock it again.
export DAFTARI_TEST_KEYRING=private
export DAFTARI_TEST_KEYRING_PASSWORD=daftari-test

status=0
# --unlock with no login keyring yet creates one with this password and
# makes it the default, unlocked. The daemon leaves with the bus.
dbus-run-session -- sh -c '
  set -eu
  keyring_env=$(printf %s "$DAFTARI_TEST_KEYRING_PASSWORD" |
                gnome-keyring-daemon --unlock --components=secrets) || {
    echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
    exit 1
  }
  eval "$keyring_env"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  exec "$@"
' sh "$@" || status=$?
exit "$status"
