#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of the README, and a few more:
#   build-aux/daftari.sh run    install what is missing, build, start Daftari
#   build-aux/daftari.sh test   install what is missing, build with sanitizers,
#                               run every test, end with "N passed, N failed"
#   build-aux/daftari.sh bench  build optimised and run the benchmarks
#   build-aux/daftari.sh deps   only install what is missing
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# What building needs, and what the tests add (a display, a session bus, a
# keyring, Tesseract's data). Debian 12 package names.
build_packages=(
  build-essential meson ninja-build pkg-config gettext python3
  libglib2.0-dev libsqlite3-dev sqlite3 libjson-glib-dev libgsl-dev
  libgtk-4-dev libadwaita-1-dev libsecret-1-dev libsodium-dev
  desktop-file-utils appstream shared-mime-info
  libqrencode-dev libpoppler-glib-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-swa tesseract-ocr-script-latn
)
test_packages=(
  xvfb xauth dbus-daemon gnome-keyring libxml2-utils
  zbar-tools qpdf xdotool
)

missing_packages() {
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      printf '%s\n' "$package"
    fi
  done
}

ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "Daftari needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

# meson setup once per build directory; later runs only build.
configure() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
}

default_book() {
  echo "${XDG_DATA_HOME:-$HOME/.local/share}/daftari/book.daftari"
}

# Runs from the build tree: its settings schema and translations.
run_env() {
  GSETTINGS_SCHEMA_DIR="$root/build/data" DAFTARI_LOCALEDIR="$root/build/po" "$@"
}

cmd_run() {
  ensure_packages "${build_packages[@]}"
  configure build
  ninja -C build
  local book
  book=$(default_book)
  if [ ! -f "$book" ]; then
    echo "First run: creating a demo book at $book"
    run_env build/src/cli/daftari-cli --book "$book" demo
  fi
  run_env build/src/cli/daftari-cli --book "$book" summary
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display to open the window on; the summary above is the book." >&2
    return 0
  fi
  exec env GSETTINGS_SCHEMA_DIR="$root/build/data" DAFTARI_LOCALEDIR="$root/build/po" build/src/ui/daftari "$book"
}

# meson writes one JSON object per test to testlog.json; count the results.
count_results() {
  python3 - "$1" <<'PY'
import json, sys
counts = {"OK": 0, "FAIL": 0, "SKIP": 0, "EXPECTEDFAIL": 0, "UNEXPECTEDPASS": 0, "TIMEOUT": 0, "ERROR": 0}
try:
    with open(sys.argv[1]) as log:
        for line in log:
            line = line.strip()
            if line:
                result = json.loads(line).get("result", "ERROR")
                counts[result] = counts.get(result, 0) + 1
except FileNotFoundError:
    print("meson ran no test (no testlog.json)", file=sys.stderr)
    counts["ERROR"] = 1
passed = counts["OK"] + counts["EXPECTEDFAIL"]
failed = counts["FAIL"] + counts["UNEXPECTEDPASS"] + counts["TIMEOUT"] + counts["ERROR"]
print(f"{passed} passed, {failed} failed, {counts['SKIP']} skipped")
sys.exit(1 if failed else 0)
PY
}

cmd_test() {
  ensure_packages "${build_packages[@]}" "${test_packages[@]}"
  configure build-test -Db_sanitize=address,undefined -Dwerror=true -Dbuildtype=debug
  ninja -C build-test
  local status=0
  # A private session bus (for the keyring) and a virtual display for the
  # window tests; GTK's accessibility bus is not wanted in either.
  GTK_A11Y=none ASAN_OPTIONS=detect_leaks=0 \
    dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
    meson test -C build-test --print-errorlogs --num-processes 2 || status=$?
  count_results build-test/meson-logs/testlog.json || status=1
  return $status
}

cmd_bench() {
  ensure_packages "${build_packages[@]}"
  configure build-release -Dbuildtype=release
  ninja -C build-release
  build-release/tests/bench/bench-ledger "$@"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  deps) ensure_packages "${build_packages[@]}" "${test_packages[@]}" ;;
  *)
    echo "usage: build-aux/daftari.sh run|test|bench|deps" >&2
    exit 2
    ;;
esac
